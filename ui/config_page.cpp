#include "config_page.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/config_advice.h"
#include "config/key_applicability.h"
#include "config_commands.h"
#include "config_form.h"
#include "config_presets.h"
#include "pretrained_model_panel.h"
#include "run_config_io.h"
#include "util/error.h"
#include "util/install_paths.h"

namespace uegr::studio {

namespace {
constexpr int kCustomPreset = -1;  // the preset box's item for a configuration at no preset
}  // namespace

ConfigPage::ConfigPage(QWidget* parent)
    : QWidget(parent),
      form_(new ConfigForm),
      pretrainedPanel_(new PretrainedModelPanel(this)),
      undoStack_(new QUndoStack(this)),
      presets_(new QComboBox(this)),
      status_(new QLabel(this)),
      runNote_(
          new QLabel(tr("A run is training with the configuration it started with: changes here apply to "
                        "the next run."),
                     this)) {
    for (Preset preset : allPresets()) presets_->addItem(presetName(preset), static_cast<int>(preset));
    presets_->addItem(tr("Custom"), kCustomPreset);
    presets_->setObjectName(QStringLiteral("presets"));
    presets_->setToolTip(tr("Set the training method and its knobs; data, model and output settings stay."));
    auto* applyPresetButton = new QPushButton(tr("Apply &Preset"), this);
    applyPresetButton->setObjectName(QStringLiteral("applyPreset"));
    connect(presets_, &QComboBox::currentIndexChanged, applyPresetButton, [this, applyPresetButton] {
        applyPresetButton->setEnabled(presets_->currentData() != kCustomPreset);
    });
    connect(applyPresetButton, &QPushButton::clicked, this, [this] {
        const auto preset = static_cast<Preset>(presets_->currentData().toInt());
        setConfig(applyPreset(config(), preset), tr("Apply preset %1").arg(presetName(preset)));
    });

    // Always in view: the panel for a pretrained folder only shows once model.type is "hf".
    auto* pretrainedButton = new QPushButton(tr("Pre&trained Model…"), this);
    pretrainedButton->setObjectName(QStringLiteral("choosePretrained"));
    pretrainedButton->setToolTip(
        tr("Fine-tune a local Hugging Face model folder (BERT, RoBERTa or ALBERT: config.json, "
           "model.safetensors and the tokenizer files) instead of training a model from scratch."));
    connect(pretrainedButton, &QPushButton::clicked, this, &ConfigPage::choosePretrainedFolder);

    auto* openButton = new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Load…"), this);
    auto* saveButton = new QPushButton(QIcon(QStringLiteral(":/icons/save.svg")), tr("&Save"), this);
    auto* saveAsButton = new QPushButton(tr("Save &As…"), this);
    connect(openButton, &QPushButton::clicked, this, &ConfigPage::chooseConfig);
    connect(saveButton, &QPushButton::clicked, this, &ConfigPage::save);
    connect(saveAsButton, &QPushButton::clicked, this, &ConfigPage::saveAs);
    auto* undoButton = new QToolButton(this);
    undoButton->setDefaultAction(undoStack_->createUndoAction(this, tr("&Undo")));
    auto* redoButton = new QToolButton(this);
    redoButton->setDefaultAction(undoStack_->createRedoAction(this, tr("&Redo")));

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Preset:"), this));
    bar->addWidget(presets_);
    bar->addWidget(applyPresetButton);
    bar->addWidget(pretrainedButton);
    bar->addStretch(1);
    bar->addWidget(undoButton);
    bar->addWidget(redoButton);
    bar->addWidget(openButton);
    bar->addWidget(saveButton);
    bar->addWidget(saveAsButton);

    status_->setObjectName(QStringLiteral("configStatus"));
    status_->setWordWrap(true);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(form_);
    scroll->setWidgetResizable(true);

    runNote_->setObjectName(QStringLiteral("runNote"));
    runNote_->setWordWrap(true);
    runNote_->setStyleSheet(QStringLiteral("background: #e8f0fe; padding: 4px;"));
    runNote_->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(runNote_);
    layout->addWidget(status_);
    layout->addWidget(pretrainedPanel_);
    layout->addWidget(scroll, 1);

    connect(pretrainedPanel_, &PretrainedModelPanel::chooseFolderRequested, this,
            &ConfigPage::choosePretrainedFolder);
    // The panel as context: the undo stack, destroyed after it, still signals on its way out.
    connect(this, &ConfigPage::changed, pretrainedPanel_, [this] {
        pretrainedPanel_->showConfig(config());
        enableApplicableKeys();
        showMatchingPreset();
    });

    connect(form_, &ConfigForm::edited, this,
            [this](int field, const QVariant& before, const QVariant& after) {
                undoStack_->push(new FieldEditCommand(*form_, field, before, after));
            });
    connect(undoStack_, &QUndoStack::indexChanged, this, [this] {
        revalidate();
        Q_EMIT changed();
    });
    revalidate();
    pretrainedPanel_->showConfig(config());
    enableApplicableKeys();
    showMatchingPreset();
}

namespace {

// Completes "Only read with %1." for each condition of config/key_applicability.h.
const char* conditionText(KeyCondition condition) {
    switch (condition) {
        case KeyCondition::HfModel:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage", "model type hf");
        case KeyCondition::ScratchModel:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage", "models trained from scratch");
        case KeyCondition::RecurrentOrEncoder:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage", "model types bilstm and transformer");
        case KeyCondition::TransformerModel:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage", "model type transformer");
        case KeyCondition::TextCnnModel:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage", "model type textcnn");
        case KeyCondition::NoDevFile:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage", "an empty dev file");
        case KeyCondition::NoTestFile:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage", "an empty test file");
        case KeyCondition::RDropMethod:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage", "method rdrop");
        case KeyCondition::ChildTuningMethod:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage", "method childtuning_d");
        case KeyCondition::UegrStep:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage", "method uegr and its ablations");
        case KeyCondition::Adversary:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage",
                                     "the methods with an adversary: uegr, its ablations "
                                     "except uegr_no_adv, and freelb");
        case KeyCondition::AdversaryUniformStart:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage", "an adversary and adv_init uniform");
        case KeyCondition::JsLoss:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage",
                                     "method uegr and its ablations except uegr_no_js");
        case KeyCondition::DropoutRuleChoice:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage",
                                     "method uegr and its ablations except uegr_uniform_dropout");
        case KeyCondition::ImportanceDropout:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage", "the UEGR step and dropout_rule importance");
        case KeyCondition::Saliency:
            return QT_TRANSLATE_NOOP(
                "uegr::studio::ConfigPage",
                "a saliency mask (uegr and its ablations except uegr_no_mask) or importance-driven dropout");
        case KeyCondition::ScheduledMask:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage",
                                     "method uegr and its ablations except uegr_no_mask");
        case KeyCondition::AnyMask:
            return QT_TRANSLATE_NOOP("uegr::studio::ConfigPage",
                                     "a parameter mask: uegr and its ablations except "
                                     "uegr_no_mask, and childtuning_d");
    }
    return "";
}

}  // namespace

// Keys that only some model types or methods read (config/key_applicability.h) are disabled, not
// cleared, where they would have no effect, and the tooltip says when they apply.
void ConfigPage::enableApplicableKeys() {
    const RunConfig current = config();
    for (const ConditionalKeys& conditional : conditionalKeys()) {
        const bool applies = conditionHolds(conditional.condition, current);
        const QString note = QStringLiteral("<br><i>%1</i>")
                                 .arg(tr("Only read with %1.").arg(tr(conditionText(conditional.condition))));
        for (const std::string& key : conditional.keys) {
            QWidget* editor = form_->editor(QString::fromStdString(key));
            if (!editor) continue;
            editor->setEnabled(applies);
            // The form's tooltip is "<b>key</b>: help"; the note is its last line while it applies not.
            const QString help = editor->toolTip().section(QStringLiteral("<br><i>"), 0, 0);
            editor->setToolTip(applies ? help : help + note);
        }
    }
}

// The preset box names the preset the configuration is at, or "Custom" (after an edit or an undo).
void ConfigPage::showMatchingPreset() {
    const nlohmann::json current = toJson(config());
    int shown = presets_->findData(kCustomPreset);
    for (Preset preset : allPresets())
        if (toJson(applyPreset(config(), preset)) == current) {
            shown = presets_->findData(static_cast<int>(preset));
            break;
        }
    presets_->setCurrentIndex(shown);
}

void ConfigPage::usePretrainedFolder(const QString& folder) {
    RunConfig updated = config();
    if (updated.training.lr == defaultLearningRate(updated.model.type))
        updated.training.lr = defaultLearningRate("hf");
    updated.model.type = "hf";
    updated.model.path = folder.toStdString();
    setConfig(updated, tr("Use pretrained model %1").arg(QFileInfo(folder).fileName()));
}

void ConfigPage::choosePretrainedFolder() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a Hugging Face Model Folder"),
                                                             QString::fromStdString(config().model.path));
    if (!folder.isEmpty()) usePretrainedFolder(folder);
}

RunConfig ConfigPage::config() const {
    return form_->config();
}

void ConfigPage::setConfig(const RunConfig& config, const QString& description) {
    RunConfig before = form_->config();
    if (runConfigToJsonText(before) == runConfigToJsonText(config)) return;
    undoStack_->push(new ReplaceConfigCommand(*form_, std::move(before), config, description));
}

QString ConfigPage::openConfig(const QString& path) {
    try {
        setConfig(loadRunConfig(path.toStdString()), tr("Load %1").arg(QFileInfo(path).fileName()));
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    setFileName(path);
    undoStack_->setClean();
    return {};
}

QString ConfigPage::saveConfig(const QString& path) {
    try {
        const RunConfig current = config();
        validate(current);
        saveRunConfig(current, path.toStdString());
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    setFileName(path);
    undoStack_->setClean();
    return {};
}

void ConfigPage::chooseConfig() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Load Run Config"), QFileInfo(fileName_).absolutePath(),
                                     tr("Run configs (*.json);;All files (*)"));
    if (path.isEmpty()) return;
    const QString error = openConfig(path);
    if (!error.isEmpty()) showError(tr("Load Run Config"), error);
}

void ConfigPage::save() {
    if (fileName_.isEmpty()) {
        saveAs();
        return;
    }
    const QString error = saveConfig(fileName_);
    if (!error.isEmpty()) showError(tr("Save Run Config"), error);
}

void ConfigPage::saveAs() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Run Config"), fileName_.isEmpty() ? QStringLiteral("run.json") : fileName_,
        tr("Run configs (*.json)"));
    if (path.isEmpty()) return;
    const QString error = saveConfig(path);
    if (!error.isEmpty()) showError(tr("Save Run Config"), error);
}

void ConfigPage::setRunActive(bool active) {
    runNote_->setVisible(active);
}

void ConfigPage::useDataset(const QString& path, const ColumnMapping& mapping) {
    RunConfig updated = config();
    const bool isDemo =
        QFileInfo(path) == QFileInfo(QString::fromStdString(uegr::demoDataDirectory() + "/train.csv"));
    updated.data.train = isDemo ? std::string() : path.toStdString();
    updated.data.textColumn = mapping.text;
    updated.data.pairColumn = mapping.pair;
    updated.data.labelColumn = mapping.label;
    setConfig(updated, tr("Use dataset %1").arg(QFileInfo(path).fileName()));
}

void ConfigPage::revalidate() {
    if (highlighted_) highlighted_->setStyleSheet({});
    highlighted_ = nullptr;
    try {
        const RunConfig current = config();
        validate(current);
        validationError_.clear();
        QStringList warnings;
        for (const ConfigAdvice& advice : adviseRunConfig(current))
            warnings << tr("Warning: %1").arg(QString::fromStdString(advice.message));
        if (warnings.isEmpty()) {
            status_->setText(tr("The configuration is valid."));
            status_->setStyleSheet({});
        } else {
            status_->setText(warnings.join(QLatin1Char('\n')));
            status_->setStyleSheet(QStringLiteral("color: #8a5300;"));
        }
    } catch (const ConfigError& error) {
        validationError_ = QString::fromStdString(error.what());
        status_->setText(validationError_);
        status_->setStyleSheet(QStringLiteral("color: #b00020;"));
        highlighted_ = form_->editor(QString::fromStdString(error.key()));
        if (highlighted_) highlighted_->setStyleSheet(QStringLiteral("border: 1px solid #b00020;"));
    }
}

void ConfigPage::setFileName(const QString& fileName) {
    if (fileName == fileName_) return;
    fileName_ = fileName;
    Q_EMIT fileNameChanged(fileName_);
}

void ConfigPage::showError(const QString& title, const QString& message) {
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

}  // namespace uegr::studio
