#include "token_saliency_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSlider>
#include <QSpinBox>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <cmath>
#include <exception>

#include "saliency_colours.h"

namespace uegr::studio {
namespace {

constexpr int kTokenIndexProperty = QTextFormat::UserProperty + 1;
constexpr int kPreviewLength = 80;

QString wholeText(const SaliencyExample& example) {
    return example.pair.isEmpty() ? example.text : example.text + QStringLiteral("\n‖\n") + example.pair;
}

// One line: a multi-line quote's line breaks and indentation become single spaces, and a long
// text ends with "…" after its last whole word.
QString preview(const SaliencyExample& example) {
    const QString text = wholeText(example).simplified();
    if (text.size() <= kPreviewLength) return text;
    QString cut = text.left(kPreviewLength - 1);
    const qsizetype lastSpace = cut.lastIndexOf(QLatin1Char(' '));
    if (lastSpace > kPreviewLength / 2) cut.truncate(lastSpace);
    return cut + QStringLiteral("…");
}

QString percent(double probability) {
    return QStringLiteral("%1 %").arg(100 * probability, 0, 'f', 1);
}

}  // namespace

TokenSaliencyView::TokenSaliencyView(QWidget* parent)
    : QWidget(parent),
      inputs_(new QFormLayout),
      example_(new QComboBox(this)),
      customText_(new QLineEdit(this)),
      method_(new QComboBox(this)),
      stepsLabel_(new QLabel(tr("Steps:"), this)),
      steps_(new QSpinBox(this)),
      target_(new QComboBox(this)),
      signedScale_(new QCheckBox(tr("Signed scale"), this)),
      gammaLabel_(new QLabel(tr("Gamma:"), this)),
      gamma_(new QSlider(Qt::Horizontal, this)),
      gammaValue_(new QLabel(this)),
      legendBar_(new QLabel(this)),
      legendLow_(new QLabel(this)),
      legendHigh_(new QLabel(this)),
      text_(new QTextBrowser(this)),
      prediction_(new QLabel(this)),
      status_(new QLabel(this)) {
    example_->setObjectName(QStringLiteral("example"));
    example_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    example_->setMinimumContentsLength(40);
    example_->setToolTip(tr("The example to explain, from the model's dev split."));
    customText_->setObjectName(QStringLiteral("customText"));
    customText_->setPlaceholderText(tr("Or type a text and press Enter"));
    customText_->setClearButtonEnabled(true);
    method_->setObjectName(QStringLiteral("method"));
    method_->addItem(tr("Gradient × input"), static_cast<int>(TokenSaliencyMethod::GradientTimesInput));
    method_->addItem(tr("Integrated gradients"), static_cast<int>(TokenSaliencyMethod::IntegratedGradients));
    method_->setToolTip(
        tr("Gradient × input: e ⊙ ∂logit/∂e, one backward pass. Integrated gradients: the "
           "gradient averaged along the path from zero embeddings to e; the scores add up to "
           "logit(e) − logit(0)."));
    steps_->setObjectName(QStringLiteral("steps"));
    steps_->setRange(1, 1024);
    steps_->setValue(32);
    steps_->setToolTip(tr("Integrated gradients: points on the path (more: closer to the exact integral)."));
    target_->setObjectName(QStringLiteral("target"));
    target_->setToolTip(tr("The class whose logit is explained."));
    signedScale_->setObjectName(QStringLiteral("signedScale"));
    signedScale_->setChecked(true);
    signedScale_->setToolTip(
        tr("Signed: red tokens speak for the class, blue ones against it. Unsigned: colour "
           "by magnitude only."));
    gamma_->setObjectName(QStringLiteral("gamma"));
    gamma_->setRange(10, 300);
    gamma_->setValue(100);
    gamma_->setToolTip(tr("Colour gamma: below 1 shows weak attributions, above 1 only the strongest."));
    text_->setObjectName(QStringLiteral("tokenText"));
    text_->setOpenLinks(false);
    text_->viewport()->installEventFilter(this);
    QFont textFont = text_->font();
    textFont.setPointSizeF(textFont.pointSizeF() * 1.3);
    text_->setFont(textFont);
    prediction_->setObjectName(QStringLiteral("prediction"));
    prediction_->setTextFormat(Qt::RichText);
    prediction_->setWordWrap(true);
    status_->setObjectName(QStringLiteral("tokenStatus"));
    status_->setWordWrap(true);

    auto* exampleRow = new QHBoxLayout;
    exampleRow->addWidget(example_, 3);
    exampleRow->addWidget(customText_, 2);
    auto* methodRow = new QHBoxLayout;
    methodRow->addWidget(method_);
    methodRow->addWidget(stepsLabel_);
    methodRow->addWidget(steps_);
    methodRow->addSpacing(12);
    methodRow->addWidget(new QLabel(tr("Explain class:"), this));
    methodRow->addWidget(target_);
    methodRow->addStretch(1);
    auto* scaleRow = new QHBoxLayout;
    scaleRow->addWidget(signedScale_);
    scaleRow->addSpacing(12);
    scaleRow->addWidget(gammaLabel_);
    scaleRow->addWidget(gamma_, 1);
    scaleRow->addWidget(gammaValue_);
    scaleRow->addSpacing(12);
    scaleRow->addWidget(legendLow_);
    scaleRow->addWidget(legendBar_);
    scaleRow->addWidget(legendHigh_);
    inputs_->addRow(tr("Example:"), exampleRow);
    inputs_->addRow(tr("Method:"), methodRow);
    inputs_->addRow(tr("Colours:"), scaleRow);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(inputs_);
    layout->addWidget(text_, 1);
    layout->addWidget(prediction_);
    layout->addWidget(status_);

    connect(example_, &QComboBox::activated, this, [this](int index) { selectExample(index); });
    connect(customText_, &QLineEdit::returnPressed, this, [this] { explainText(customText_->text()); });
    connect(method_, &QComboBox::currentIndexChanged, this, [this] {
        updateControls();
        requestExplanation();
    });
    connect(steps_, &QSpinBox::editingFinished, this, &TokenSaliencyView::requestExplanation);
    connect(target_, &QComboBox::activated, this, &TokenSaliencyView::requestExplanation);
    connect(signedScale_, &QCheckBox::toggled, this, &TokenSaliencyView::render);
    connect(gamma_, &QSlider::valueChanged, this, &TokenSaliencyView::render);
    connect(signedScale_, &QCheckBox::toggled, this, &TokenSaliencyView::coloursChanged);
    connect(gamma_, &QSlider::valueChanged, this, &TokenSaliencyView::coloursChanged);
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &TokenSaliencyView::computationFinished);
    setSource(nullptr);
}

TokenSaliencyView::~TokenSaliencyView() {
    // The task keeps the source alive and touches nothing of this widget; no need to wait for it.
    watcher_.disconnect(this);
}

void TokenSaliencyView::setSource(std::shared_ptr<const SaliencySource> source) {
    source_ = std::move(source);
    ++generation_;
    pending_.reset();
    shown_.reset();
    result_.reset();
    customMode_ = false;
    example_->clear();
    target_->clear();
    target_->addItem(tr("Predicted class"), -1);
    if (source_) {
        const auto& examples = source_->examples();
        for (std::size_t i = 0; i < examples.size(); ++i) {
            example_->addItem(QStringLiteral("%1: %2").arg(i + 1).arg(preview(examples[i])));
            example_->setItemData(example_->count() - 1, wholeText(examples[i]), Qt::ToolTipRole);
        }
        for (int label = 0; label < source_->labels().size(); ++label)
            target_->addItem(source_->labels()[label], label);
    }
    text_->clear();
    prediction_->clear();
    status_->setText(source_ ? examplesSummary(*source_)
                             : tr("Open a finished run or a model bundle to explain its predictions."));
    updateControls();
    if (source_ && example_->count() > 0) selectExample(0);
}

void TokenSaliencyView::selectExample(int index) {
    if (!source_ || index < 0 || index >= example_->count()) return;
    example_->setCurrentIndex(index);
    customMode_ = false;
    requestExplanation();
}

void TokenSaliencyView::explainText(const QString& text) {
    if (!source_) return;
    customText_->setText(text);
    customMode_ = true;
    requestExplanation();
}

QString TokenSaliencyView::shownText() const {
    if (!shown_) return {};
    if (shown_->example < 0) return shown_->text;
    const auto& examples = source_->examples();
    return shown_->example < static_cast<int>(examples.size()) ? examples[shown_->example].text : QString();
}

TokenSaliencyMethod TokenSaliencyView::shownMethod() const {
    return shown_ ? shown_->method : TokenSaliencyMethod::GradientTimesInput;
}

int TokenSaliencyView::shownSteps() const {
    return shown_ ? shown_->steps : steps_->value();
}

void TokenSaliencyView::setMethod(TokenSaliencyMethod method, int steps) {
    const QSignalBlocker blocker(method_);
    method_->setCurrentIndex(method_->findData(static_cast<int>(method)));
    steps_->setValue(steps);
    updateControls();
    requestExplanation();
}

void TokenSaliencyView::setSignedScale(bool signedScale) {
    signedScale_->setChecked(signedScale);
}

void TokenSaliencyView::setGamma(double gamma) {
    gamma_->setValue(static_cast<int>(std::lround(gamma * 100)));
}

bool TokenSaliencyView::signedScale() const {
    return signedScale_->isChecked();
}

double TokenSaliencyView::gamma() const {
    return gamma_->value() / 100.0;
}

void TokenSaliencyView::setFollowing(bool following) {
    inputs_->setRowVisible(0, !following);  // the example row
    for (QWidget* input : std::initializer_list<QWidget*>{method_, stepsLabel_, steps_, signedScale_,
                                                          gammaLabel_, gamma_, gammaValue_})
        input->setVisible(!following);
}

QString TokenSaliencyView::examplesSummary(const SaliencySource& source) {
    if (source.examplesSplit() == SaliencySource::Split::None)
        return source.examplesError().isEmpty()
                   ? tr("The data has no examples; type a text to explain.")
                   : tr("No examples (%1); type a text to explain.").arg(source.examplesError());
    const QString split = source.examplesSplit() == SaliencySource::Split::Dev    ? tr("dev split")
                          : source.examplesSplit() == SaliencySource::Split::Test ? tr("test split")
                                                                                  : tr("training data");
    const QString origin = source.examplesOrigin().isEmpty()
                               ? tr("the configured dataset")
                               : QDir::toNativeSeparators(source.examplesOrigin());
    const std::size_t count = source.examples().size();
    return count == 1 ? tr("One example from the %1 of %2.").arg(split, origin)
                      : tr("%1 examples from the %2 of %3.").arg(count).arg(split, origin);
}

QString TokenSaliencyView::predictionText() const {
    return QTextDocumentFragment::fromHtml(prediction_->text()).toPlainText();
}

QString TokenSaliencyView::statusText() const {
    return status_->text();
}

bool TokenSaliencyView::isComputing() const {
    return watcher_.isRunning() || pending_.has_value();
}

TokenSaliencyView::Request TokenSaliencyView::currentRequest() const {
    Request request;
    if (customMode_)
        request.text = customText_->text();
    else
        request.example = example_->currentIndex();
    request.method = static_cast<TokenSaliencyMethod>(method_->currentData().toInt());
    request.steps = steps_->value();
    request.target = target_->currentData().toInt();
    request.generation = generation_;
    return request;
}

void TokenSaliencyView::requestExplanation() {
    if (!source_ || (!customMode_ && example_->currentIndex() < 0)) return;
    const Request request = currentRequest();
    if (watcher_.isRunning())
        pending_ = request;
    else
        startComputation(request);
}

void TokenSaliencyView::startComputation(const Request& request) {
    status_->setText(tr("Computing…"));
    std::shared_ptr<const SaliencySource> source = source_;
    watcher_.setFuture(QtConcurrent::run([source, request]() -> Outcome {
        Outcome outcome{request, std::nullopt, {}};
        try {
            outcome.result =
                request.example >= 0
                    ? source->explainExample(request.example, request.method, request.steps, request.target)
                    : source->explainText(request.text, request.method, request.steps, request.target);
        } catch (const std::exception& error) {
            outcome.error = QString::fromStdString(error.what());
        }
        return outcome;
    }));
}

void TokenSaliencyView::computationFinished() {
    const Outcome outcome = watcher_.result();
    if (pending_) {
        const Request next = *pending_;
        pending_.reset();
        startComputation(next);
        return;  // that result is already out of date
    }
    if (outcome.request.generation != generation_) return;  // made for a source no longer shown
    if (!outcome.result) {
        status_->setText(tr("Could not compute the attribution: %1").arg(outcome.error));
        Q_EMIT failed(outcome.error);
        return;
    }
    shown_ = outcome.request;
    result_ = outcome.result;
    render();
    Q_EMIT explained();
}

void TokenSaliencyView::render() {
    gammaValue_->setText(QString::number(gamma_->value() / 100.0, 'f', 2));
    updateLegend();
    if (!result_ || !source_) return;
    const TokenSaliencyResult& result = *result_;
    const bool signedScale = signedScale_->isChecked();
    const double gamma = gamma_->value() / 100.0;
    double scale = 0;
    for (double score : result.scores) scale = std::max(scale, std::abs(score));

    text_->clear();
    QTextCursor cursor(text_->document());
    const QTextCharFormat plain;
    for (int i = 0; i < result.tokens.size(); ++i) {
        QTextCharFormat format;
        const QColor background = saliencyColour(result.scores[i], scale, signedScale, gamma);
        format.setBackground(background);
        format.setForeground(saliencyTextColour(background));
        format.setProperty(kTokenIndexProperty, i);
        if (i > 0) cursor.insertText(QStringLiteral(" "), plain);
        cursor.insertText(result.tokens[i], format);
    }
    legendLow_->setText(signedScale ? QString::number(-scale, 'g', 3) : QStringLiteral("0"));
    legendHigh_->setText(QString::number(scale, 'g', 3));

    const QStringList& labels = source_->labels();
    QString prediction = tr("Predicted: <b>%1</b> (%2)")
                             .arg(labels.value(result.predicted).toHtmlEscaped(),
                                  percent(result.probabilities.value(result.predicted)));
    if (shown_ && shown_->example >= 0) {
        const QString& truth = source_->examples()[static_cast<std::size_t>(shown_->example)].trueLabel;
        prediction += QStringLiteral(" &nbsp; ") + tr("True: <b>%1</b>").arg(truth.toHtmlEscaped());
    }
    prediction += QStringLiteral(" &nbsp; ") +
                  tr("Explained: <b>%1</b>").arg(labels.value(result.target).toHtmlEscaped());
    QStringList probabilities;
    for (int label = 0; label < labels.size(); ++label)
        probabilities << QStringLiteral("%1 %2").arg(labels[label].toHtmlEscaped(),
                                                     percent(result.probabilities.value(label)));
    prediction_->setText(prediction + QStringLiteral("<br>") +
                         tr("Probabilities: %1").arg(probabilities.join(QStringLiteral(", "))));

    double total = 0;
    for (double score : result.scores) total += score;
    const double difference = result.targetLogit - result.baselineLogit;
    status_->setText(shown_ && shown_->method == TokenSaliencyMethod::IntegratedGradients
                         ? tr("Sum of attributions %1; logit(e) − logit(0) = %2 (completeness gap %3).")
                               .arg(total, 0, 'g', 4)
                               .arg(difference, 0, 'g', 4)
                               .arg(std::abs(total - difference), 0, 'g', 3)
                         : tr("Sum of attributions %1; target logit %2.")
                               .arg(total, 0, 'g', 4)
                               .arg(result.targetLogit, 0, 'g', 4));
}

void TokenSaliencyView::updateLegend() {
    legendBar_->setPixmap(
        saliencyLegendBar(signedScale_->isChecked(), gamma_->value() / 100.0, QSize(120, 14)));
    legendBar_->setToolTip(signedScale_->isChecked() ? tr("Blue: against the explained class; red: for it.")
                                                     : tr("Colour by magnitude of the attribution."));
}

void TokenSaliencyView::updateControls() {
    const bool enabled = source_ != nullptr;
    for (QWidget* widget : std::initializer_list<QWidget*>{example_, customText_, method_, target_})
        widget->setEnabled(enabled);
    steps_->setEnabled(enabled && method_->currentData().toInt() ==
                                      static_cast<int>(TokenSaliencyMethod::IntegratedGradients));
    render();
}

bool TokenSaliencyView::showTokenToolTip(const QPoint& viewportPosition, const QPoint& globalPosition) {
    if (!result_) return false;
    const QTextCursor cursor = text_->cursorForPosition(viewportPosition);
    QTextCursor next(cursor);
    next.movePosition(QTextCursor::NextCharacter);
    // cursor.charFormat() is the format left of the cursor; try both sides of the position.
    for (const QTextCursor& side : {next, cursor}) {
        const QVariant index = side.charFormat().property(kTokenIndexProperty);
        if (!index.isValid()) continue;
        const int token = index.toInt();
        if (token < 0 || token >= result_->tokens.size()) continue;
        QToolTip::showText(
            globalPosition,
            QStringLiteral("%1: %2").arg(result_->tokens[token]).arg(result_->scores[token], 0, 'g', 4),
            text_);
        return true;
    }
    QToolTip::hideText();
    return true;
}

bool TokenSaliencyView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == text_->viewport() && event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        if (showTokenToolTip(help->pos(), help->globalPos())) return true;
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace uegr::studio
