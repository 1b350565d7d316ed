#pragma once
// The Configuration page's panel for model.type "hf": choose a local Hugging Face model folder
// and see its architecture, size and tokenizer, with a warning when a training step would be
// slow on the CPU. The folder is read off the GUI thread whenever the relevant keys change.
#include <QFutureWatcher>
#include <QGroupBox>

#include "pretrained_folder.h"

class QLabel;
class QTimer;

namespace uegr::studio {

class PretrainedModelPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit PretrainedModelPanel(QWidget* parent = nullptr);

    // Shows the panel for model.type "hf" and describes model.path (again, when a key the
    // estimate depends on changed).
    void showConfig(const RunConfig& config);
    const PretrainedFolderSummary& summary() const { return summary_; }

Q_SIGNALS:
    void chooseFolderRequested();  // the Choose Folder button; the page shows the dialog
    void summaryReady();           // summary() describes the current folder

private:
    void describe();
    void present(const PretrainedFolderSummary& summary);

    QLabel* details_;
    QLabel* warning_;
    QTimer* debounce_;
    QFutureWatcher<PretrainedFolderSummary> watcher_;
    RunConfig config_;
    QString describedKey_;  // the inputs of the last description, to skip needless re-reads
    bool pending_ = false;
    PretrainedFolderSummary summary_;
};

}  // namespace uegr::studio
