#include "saliency_page.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <exception>

#include "parameter_heatmap.h"
#include "telemetry_buffer.h"
#include "token_saliency_view.h"
#include "training_session.h"

namespace uegr::studio {

SaliencyPage::SaliencyPage(QWidget* parent)
    : QWidget(parent),
      modelLabel_(new QLabel(this)),
      openButton_(new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")),
                                  tr("&Open Run, Checkpoint or Bundle…"), this)),
      tabs_(new QTabWidget(this)),
      tokenView_(new TokenSaliencyView),
      compareButton_(new QPushButton(tr("Compare &With…"), this)),
      comparePanel_(new QWidget),
      compareModel_(new QLabel(comparePanel_)),
      compareView_(new TokenSaliencyView(comparePanel_)),
      tokensTab_(makeTokensTab()),
      heatmap_(new ParameterHeatmap),
      liveButton_(new QPushButton(tr("Request from &Live Run"), this)),
      followLive_(new QCheckBox(tr("Follow live snapshots"), this)),
      computeButton_(new QPushButton(tr("&Compute from Model"), this)),
      snapshotExamples_(new QSpinBox(this)),
      status_(new QLabel(this)) {
    modelLabel_->setObjectName(QStringLiteral("saliencyModel"));
    modelLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    openButton_->setObjectName(QStringLiteral("openSaliencyModel"));
    openButton_->setToolTip(
        tr("A finished run's folder (its model/ and dev split), one of its checkpoints "
           "(checkpoints/step-N: the run's model with that step's weights) or a model bundle folder."));
    connect(openButton_, &QPushButton::clicked, this, &SaliencyPage::chooseFolder);
    liveButton_->setObjectName(QStringLiteral("liveSnapshot"));
    liveButton_->setToolTip(tr("The running training sends |θ ⊙ g| of every parameter after its next step."));
    connect(liveButton_, &QPushButton::clicked, this, &SaliencyPage::requestLiveSnapshot);
    followLive_->setObjectName(QStringLiteral("followLive"));
    followLive_->setToolTip(
        tr("Show a snapshot of the running training about once a second, besides those "
           "output.saliency_every_steps makes it send."));
    // A run with output.saliency_every_steps 0 sends snapshots only on request: ask regularly.
    followTimer_.setInterval(1000);
    connect(&followTimer_, &QTimer::timeout, this, [this] {
        if (session_) session_->requestSaliency();
    });
    connect(followLive_, &QCheckBox::toggled, this, &SaliencyPage::updateFollowing);
    computeButton_->setObjectName(QStringLiteral("computeSnapshot"));
    computeButton_->setToolTip(
        tr("One forward and backward pass of the opened model (cross-entropy, eval mode) "
           "on its first examples."));
    connect(computeButton_, &QPushButton::clicked, this, &SaliencyPage::computeSnapshot);
    snapshotExamples_->setObjectName(QStringLiteral("snapshotExamples"));
    snapshotExamples_->setRange(1, 1024);
    snapshotExamples_->setValue(32);
    snapshotExamples_->setToolTip(tr("Examples in the batch the gradient is taken on."));
    status_->setObjectName(QStringLiteral("saliencyStatus"));
    status_->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Model:"), this));
    top->addWidget(modelLabel_, 1);
    top->addWidget(openButton_);
    top->addWidget(compareButton_);

    auto* parameters = new QWidget;
    auto* sources = new QHBoxLayout;
    sources->addWidget(liveButton_);
    sources->addWidget(followLive_);
    sources->addSpacing(16);
    sources->addWidget(computeButton_);
    sources->addWidget(new QLabel(tr("on"), this));
    sources->addWidget(snapshotExamples_);
    sources->addWidget(new QLabel(tr("examples"), this));
    sources->addStretch(1);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(heatmap_);
    auto* parameterLayout = new QVBoxLayout(parameters);
    parameterLayout->addLayout(sources);
    parameterLayout->addWidget(scroll, 1);

    tabs_->addTab(tokensTab_, tr("Tokens"));
    tabs_->addTab(parameters, tr("Parameters"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(tabs_, 1);
    layout->addWidget(status_);

    connect(&openWatcher_, &QFutureWatcher<OpenOutcome>::finished, this, &SaliencyPage::openFinished);
    connect(&snapshotWatcher_, &QFutureWatcher<SnapshotOutcome>::finished, this,
            &SaliencyPage::snapshotFinished);
    connect(tokenView_, &TokenSaliencyView::failed, this, &SaliencyPage::setStatus);
    connect(&compareWatcher_, &QFutureWatcher<OpenOutcome>::finished, this, &SaliencyPage::compareOpened);
    connect(tokenView_, &TokenSaliencyView::explained, this, &SaliencyPage::mirrorExplanation);
    connect(compareView_, &TokenSaliencyView::failed, this, &SaliencyPage::setStatus);
    openedModelText_ = tr("none opened");
    modelLabel_->setText(openedModelText_);
    updateControls();
}

SaliencyPage::~SaliencyPage() {
    // Running tasks own what they use (shared source, copied config); nothing here to wait for.
    openWatcher_.disconnect(this);
    compareWatcher_.disconnect(this);
    snapshotWatcher_.disconnect(this);
}

void SaliencyPage::setTrainingSession(TrainingSession* session) {
    if (session_) disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (session_) {
        connect(session_, &TrainingSession::telemetry, this, &SaliencyPage::addTelemetry);
        connect(session_, &TrainingSession::runningChanged, this, &SaliencyPage::updateControls);
        connect(session_, &TrainingSession::runningChanged, this, &SaliencyPage::updateFollowing);
        connect(session_, &TrainingSession::started, this,
                [this](const QString& runDir) { lastRunDir_ = runDir; });
        connect(session_, &TrainingSession::finished, this, [this] {
            if (lastRunDir_.isEmpty()) return;
            if (!source_ && !openWatcher_.isRunning())
                openFolder(lastRunDir_);
            else
                setStatus(tr("The run in %1 finished; open it to explain its model.")
                              .arg(QDir::toNativeSeparators(lastRunDir_)));
        });
    }
    updateControls();
}

void SaliencyPage::chooseFolder() {
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Open Run, Checkpoint or Model Bundle"),
                                          lastRunDir_.isEmpty() ? QString() : QFileInfo(lastRunDir_).path());
    if (!folder.isEmpty()) openFolder(folder);
}

SaliencyPage::OpenOutcome SaliencyPage::openSource(const QString& folder, const DataConfig& data) {
    try {
        return {SaliencySource::open(folder, data), {}};
    } catch (const std::exception& error) {
        return {nullptr, QString::fromStdString(error.what())};
    }
}

void SaliencyPage::openFolder(const QString& folder) {
    if (openWatcher_.isRunning()) return;
    const DataConfig data = dataSource_ ? dataSource_() : DataConfig{};
    setStatus(tr("Opening %1…").arg(QDir::toNativeSeparators(folder)));
    openWatcher_.setFuture(QtConcurrent::run(&SaliencyPage::openSource, folder, data));
    updateControls();
}

// The Tokens tab: the token view, and beside it the compared model's, hidden until one is opened.
QWidget* SaliencyPage::makeTokensTab() {
    compareButton_->setObjectName(QStringLiteral("compareSaliencyModel"));
    compareButton_->setToolTip(
        tr("Open a second run, checkpoint or bundle: it explains every text the first model explains, "
           "side by side."));
    connect(compareButton_, &QPushButton::clicked, this, &SaliencyPage::chooseCompareFolder);
    compareModel_->setObjectName(QStringLiteral("compareModel"));
    compareModel_->setWordWrap(true);
    compareView_->setObjectName(QStringLiteral("compareTokenView"));
    compareView_->setFollowing(true);  // mirrorExplanation() chooses its example and method
    connect(tokenView_, &TokenSaliencyView::coloursChanged, this, &SaliencyPage::mirrorColours);
    auto* stop = new QPushButton(tr("Stop Comparing"), comparePanel_);
    stop->setObjectName(QStringLiteral("stopComparing"));
    connect(stop, &QPushButton::clicked, this, &SaliencyPage::stopComparing);
    auto* header = new QHBoxLayout;
    header->addWidget(compareModel_, 1);
    header->addWidget(stop);
    auto* panelLayout = new QVBoxLayout(comparePanel_);
    panelLayout->setContentsMargins(0, 0, 0, 0);
    panelLayout->addLayout(header);
    panelLayout->addWidget(compareView_, 1);
    comparePanel_->hide();

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(tokenView_);
    splitter->addWidget(comparePanel_);
    splitter->setChildrenCollapsible(false);
    return splitter;
}

void SaliencyPage::chooseCompareFolder() {
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Compare With Run, Checkpoint or Model Bundle"),
                                          source_ ? QFileInfo(source_->bundleFolder()).path() : QString());
    if (!folder.isEmpty()) compareWith(folder);
}

void SaliencyPage::compareWith(const QString& folder) {
    if (compareWatcher_.isRunning()) return;
    const DataConfig data = dataSource_ ? dataSource_() : DataConfig{};
    setStatus(tr("Opening %1 to compare…").arg(QDir::toNativeSeparators(folder)));
    compareWatcher_.setFuture(QtConcurrent::run(&SaliencyPage::openSource, folder, data));
    updateControls();
}

void SaliencyPage::compareOpened() {
    const OpenOutcome outcome = compareWatcher_.result();
    updateControls();
    if (!outcome.source) {
        setStatus(tr("Could not open the model to compare: %1").arg(outcome.error));
        return;
    }
    compareSource_ = outcome.source;
    compareView_->setSource(compareSource_);
    const QString where = outcome.source->checkpointFolder().isEmpty() ? outcome.source->bundleFolder()
                                                                       : outcome.source->checkpointFolder();
    // A zero-width space after each separator lets a long path wrap instead of widening the page.
    const QString path = QDir::toNativeSeparators(where);
    compareModel_->setText(
        tr("Compared with: %1")
            .arg(QString(path).replace(QDir::separator(), QDir::separator() + QStringLiteral("\u200B"))));
    compareModel_->setToolTip(path);
    comparePanel_->show();
    setStatus(tr("Both models explain the same text."));
    mirrorColours();
    mirrorExplanation();
}

// Both views colour their scores alike, so the same colour means the same share of the maximum.
void SaliencyPage::mirrorColours() {
    compareView_->setSignedScale(tokenView_->signedScale());
    compareView_->setGamma(tokenView_->gamma());
}

void SaliencyPage::stopComparing() {
    compareSource_.reset();
    compareView_->setSource(nullptr);
    comparePanel_->hide();
}

// The compared model explains what the first one shows: the same example when both list the same
// data (so a sentence pair keeps its second text), else the text itself.
void SaliencyPage::mirrorExplanation() {
    const QString text = tokenView_->shownText();
    if (!compareSource_ || text.isEmpty()) return;
    if (compareView_->shownMethod() != tokenView_->shownMethod() ||
        compareView_->shownSteps() != tokenView_->shownSteps())
        compareView_->setMethod(tokenView_->shownMethod(), tokenView_->shownSteps());
    const int example = tokenView_->shownExample();
    const auto& theirs = compareSource_->examples();
    if (example >= 0 && example < static_cast<int>(theirs.size()) && theirs[example].text == text)
        compareView_->selectExample(example);
    else
        compareView_->explainText(text);
}

// The open model is the one `folder` names: the same bundle, or the run holding it.
bool SaliencyPage::isOpen(const QString& folder) const {
    if (!source_ || !source_->checkpointFolder().isEmpty()) return false;
    const QString bundle = QDir::cleanPath(source_->bundleFolder());
    const QString wanted = QDir::cleanPath(folder);
    return bundle == wanted || bundle == QDir::cleanPath(wanted + QStringLiteral("/model"));
}

void SaliencyPage::explainTextWith(const QString& folder, const QString& text) {
    tabs_->setCurrentWidget(tokensTab_);
    if (isOpen(folder) && !openWatcher_.isRunning()) {
        pendingText_.reset();
        tokenView_->explainText(text);
        return;
    }
    pendingText_ = PendingText{folder, text, !openWatcher_.isRunning()};
    if (pendingText_->opening) openFolder(folder);
}

void SaliencyPage::openFinished() {
    const OpenOutcome outcome = openWatcher_.result();
    updateControls();
    if (!outcome.source) {
        setStatus(tr("Could not open the model: %1").arg(outcome.error));
        Q_EMIT openFailed(outcome.error);
        if (pendingText_ && !pendingText_->opening) {  // the failed model was not the one asked for
            pendingText_->opening = true;
            openFolder(pendingText_->folder);
        } else {
            pendingText_.reset();
        }
        return;
    }
    source_ = outcome.source;
    tokenView_->setSource(source_);
    if (source_->checkpointFolder().isEmpty()) {
        openedModelText_ = QDir::toNativeSeparators(source_->bundleFolder());
        modelLabel_->setText(openedModelText_);
        setStatus(TokenSaliencyView::examplesSummary(*source_));
    } else {
        openedModelText_ = tr("%1 (checkpoint of step %2)")
                               .arg(QDir::toNativeSeparators(source_->checkpointFolder()))
                               .arg(source_->checkpointStep());
        modelLabel_->setText(openedModelText_);
        setStatus(tr("Weights of the checkpoint of step %1. %2")
                      .arg(source_->checkpointStep())
                      .arg(TokenSaliencyView::examplesSummary(*source_)));
    }
    updateControls();
    Q_EMIT opened(source_->bundleFolder());
    if (pendingText_ && pendingText_->opening) {
        tokenView_->explainText(pendingText_->text);
        pendingText_.reset();
    } else if (pendingText_) {  // asked for while another model was opening
        pendingText_->opening = true;
        openFolder(pendingText_->folder);
    }
}

void SaliencyPage::requestLiveSnapshot() {
    if (!session_ || !session_->isRunning()) return;
    liveSnapshotRequested_ = true;
    session_->requestSaliency();
    setStatus(tr("Snapshot requested; it arrives after the run's next step."));
}

void SaliencyPage::computeSnapshot() {
    if (!source_ || snapshotWatcher_.isRunning()) return;
    const std::shared_ptr<const SaliencySource> source = source_;
    const int examples = snapshotExamples_->value();
    setStatus(tr("Computing the parameter saliency…"));
    snapshotWatcher_.setFuture(QtConcurrent::run([source, examples]() -> SnapshotOutcome {
        SnapshotOutcome outcome{
            {}, {}, source->bundleFolder(), std::min(examples, static_cast<int>(source->examples().size()))};
        try {
            outcome.snapshot = source->parameterSnapshot(examples);
        } catch (const std::exception& error) {
            outcome.error = QString::fromStdString(error.what());
        }
        return outcome;
    }));
    updateControls();
}

void SaliencyPage::snapshotFinished() {
    const SnapshotOutcome outcome = snapshotWatcher_.result();
    updateControls();
    if (!outcome.error.isEmpty()) {
        setStatus(tr("Could not compute the parameter saliency: %1").arg(outcome.error));
        return;
    }
    modelLabel_->setText(openedModelText_);
    heatmap_->setSnapshot(outcome.snapshot, tr("Model %1, %2 examples")
                                                .arg(QDir::toNativeSeparators(outcome.bundleFolder))
                                                .arg(outcome.examples));
    setStatus(tr("Parameter saliency computed."));
    Q_EMIT snapshotShown();
}

void SaliencyPage::addTelemetry(const TelemetryBatch& batch) {
    if (!batch.saliency || !(liveSnapshotRequested_ || followLive_->isChecked())) return;
    liveSnapshotRequested_ = false;
    modelLabel_->setText(
        tr("%1 (live run, step %2)").arg(QDir::toNativeSeparators(lastRunDir_)).arg(batch.saliency->step));
    heatmap_->setSnapshot(*batch.saliency, tr("Live run, step %1").arg(batch.saliency->step));
    setStatus(tr("Live snapshot of step %1 received.").arg(batch.saliency->step));
    Q_EMIT snapshotShown();
}

bool SaliencyPage::isBusy() const {
    return openWatcher_.isRunning() || snapshotWatcher_.isRunning() || tokenView_->isComputing();
}

QString SaliencyPage::statusText() const {
    return status_->text();
}

void SaliencyPage::setStatus(const QString& message) {
    status_->setText(message);
    Q_EMIT statusMessage(message);
}

void SaliencyPage::updateControls() {
    openButton_->setEnabled(!openWatcher_.isRunning());
    compareButton_->setEnabled(source_ && !compareWatcher_.isRunning());
    liveButton_->setEnabled(session_ && session_->isRunning());
    computeButton_->setEnabled(source_ && !snapshotWatcher_.isRunning());
}

void SaliencyPage::updateFollowing() {
    const bool follow = followLive_->isChecked() && session_ && session_->isRunning();
    if (follow == followTimer_.isActive()) return;
    if (!follow) {
        followTimer_.stop();
        return;
    }
    session_->requestSaliency();
    followTimer_.start();
}

}  // namespace uegr::studio
