#pragma once
// The Configuration page: the run config as a validated form (ConfigForm) with presets,
// JSON load/save through uegr::loadRunConfig / saveRunConfig, undo/redo of every edit, and the
// pretrained-model panel for model.type "hf".
#include <QWidget>

#include "config/run_config.h"
#include "data/table_reader.h"

class QComboBox;
class QLabel;
class QUndoStack;

namespace uegr::studio {

class ConfigForm;
class PretrainedModelPanel;

class ConfigPage : public QWidget {
    Q_OBJECT
public:
    explicit ConfigPage(QWidget* parent = nullptr);

    RunConfig config() const;
    void setConfig(const RunConfig& config, const QString& description);  // undoable
    ConfigForm& form() const { return *form_; }
    PretrainedModelPanel& pretrainedPanel() const { return *pretrainedPanel_; }
    QUndoStack* undoStack() const { return undoStack_; }

    // Returns the error text, empty on success.
    QString openConfig(const QString& path);
    QString saveConfig(const QString& path);
    void chooseConfig();  // file dialogs; errors in a message box
    void save();
    void saveAs();

    // Points data.* at a dataset opened on the Dataset page (the bundled demo stays implicit).
    void useDataset(const QString& path, const ColumnMapping& mapping);
    // Fine-tunes the Hugging Face model in `folder` (model.type "hf"), as one undoable edit; a
    // learning rate left at the from-scratch default moves to the fine-tuning default.
    void usePretrainedFolder(const QString& folder);
    void choosePretrainedFolder();  // folder dialog, then usePretrainedFolder

    // While a run trains, a note says that edits here apply to the next run, not to that one.
    void setRunActive(bool active);

    QString fileName() const { return fileName_; }
    QString validationError() const { return validationError_; }  // empty when valid

Q_SIGNALS:
    void changed();
    void fileNameChanged(const QString& fileName);

private:
    void revalidate();
    void enableApplicableKeys();
    void showMatchingPreset();
    void showError(const QString& title, const QString& message);
    void setFileName(const QString& fileName);

    ConfigForm* form_;
    PretrainedModelPanel* pretrainedPanel_;
    QUndoStack* undoStack_;
    QComboBox* presets_;
    QLabel* status_;
    QLabel* runNote_;
    QString fileName_;
    QString validationError_;
    QWidget* highlighted_ = nullptr;
};

}  // namespace uegr::studio
