#include "pretrained_model_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace uegr::studio {
namespace {

// The keys the description depends on; anything else changing needs no re-read.
QString describedInputs(const RunConfig& config) {
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
        .arg(QString::fromStdString(config.model.path), QString::fromStdString(config.training.method))
        .arg(config.training.batchSize)
        .arg(config.data.maxLength)
        .arg(config.uegr.passes)
        .arg(config.uegr.advSteps)
        .arg(config.uegr.useCleanLoss);
}

QString formatSeconds(double seconds) {
    if (seconds < 1.0) return QObject::tr("%1 ms").arg(seconds * 1000.0, 0, 'f', 0);
    if (seconds < 120.0) return QObject::tr("%1 s").arg(seconds, 0, 'f', 1);
    return QObject::tr("%1 min").arg(seconds / 60.0, 0, 'f', 1);
}

}  // namespace

PretrainedModelPanel::PretrainedModelPanel(QWidget* parent)
    : QGroupBox(tr("Pretrained model"), parent),
      details_(new QLabel(this)),
      warning_(new QLabel(this)),
      debounce_(new QTimer(this)) {
    setObjectName(QStringLiteral("pretrainedModelPanel"));
    details_->setObjectName(QStringLiteral("pretrainedDetails"));
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    warning_->setObjectName(QStringLiteral("pretrainedWarning"));
    warning_->setWordWrap(true);
    warning_->setStyleSheet(QStringLiteral("color: #9a6700;"));
    warning_->hide();

    auto* chooseButton = new QPushButton(tr("Choose &Folder…"), this);
    chooseButton->setToolTip(
        tr("A local Hugging Face model folder: config.json, model.safetensors and the tokenizer files."));
    connect(chooseButton, &QPushButton::clicked, this, &PretrainedModelPanel::chooseFolderRequested);

    auto* top = new QHBoxLayout;
    top->addWidget(details_, 1);
    top->addWidget(chooseButton, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(warning_);

    debounce_->setSingleShot(true);
    debounce_->setInterval(250);
    connect(debounce_, &QTimer::timeout, this, &PretrainedModelPanel::describe);
    connect(&watcher_, &QFutureWatcher<PretrainedFolderSummary>::finished, this, [this] {
        present(watcher_.result());
        if (pending_) describe();
    });
}

void PretrainedModelPanel::showConfig(const RunConfig& config) {
    config_ = config;
    setVisible(config.model.type == "hf");
    if (config.model.type != "hf") return;
    if (describedInputs(config) == describedKey_) return;
    if (config.model.path.empty()) {
        describedKey_ = describedInputs(config);
        summary_ = {};
        details_->setText(tr("No folder chosen yet."));
        warning_->hide();
        return;
    }
    details_->setText(tr("Reading %1…").arg(QString::fromStdString(config.model.path)));
    debounce_->start();
}

void PretrainedModelPanel::describe() {
    if (watcher_.isRunning()) {
        pending_ = true;  // one more pass with the newest config once this one is done
        return;
    }
    pending_ = false;
    describedKey_ = describedInputs(config_);
    const QString folder = QString::fromStdString(config_.model.path);
    const RunConfig config = config_;
    watcher_.setFuture(
        QtConcurrent::run([folder, config] { return describePretrainedFolder(folder, config); }));
}

void PretrainedModelPanel::present(const PretrainedFolderSummary& summary) {
    summary_ = summary;
    if (!summary.error.isEmpty()) {
        details_->setText(summary.error);
        warning_->hide();
        Q_EMIT summaryReady();
        return;
    }
    const QLocale locale;
    QString text = tr("<b>%1</b>, %2 layers, hidden size %3, %4 attention heads, %5 million parameters; "
                      "%6 tokenizer with %7 tokens; up to %8 positions.")
                       .arg(summary.architecture.toUpper())
                       .arg(summary.layers)
                       .arg(summary.hiddenSize)
                       .arg(summary.heads)
                       .arg(locale.toString(static_cast<double>(summary.parameters) / 1e6, 'f', 1))
                       .arg(summary.tokenizer)
                       .arg(locale.toString(summary.vocabSize))
                       .arg(summary.maxPositions);
    if (!summary.labels.isEmpty())
        text +=
            QLatin1Char(' ') + tr("Labels in the folder: %1.").arg(summary.labels.join(QStringLiteral(", ")));
    text += QLatin1Char(' ') +
            tr("Estimated step time on this CPU: %1.").arg(formatSeconds(summary.estimatedCpuStepSeconds));
    details_->setText(text);

    QStringList warnings;
    if (!summary.hasWeights)
        warnings << tr("The folder has no model.safetensors: every weight would start random.");
    if (summary.slowOnCpu)
        warnings << tr("Training will be slow on the CPU (about %1 per step): use a CUDA GPU, or lower the "
                       "batch size, max length or UEGR passes.")
                        .arg(formatSeconds(summary.estimatedCpuStepSeconds));
    warning_->setText(warnings.join(QLatin1Char('\n')));
    warning_->setVisible(!warnings.isEmpty());
    Q_EMIT summaryReady();
}

}  // namespace uegr::studio
