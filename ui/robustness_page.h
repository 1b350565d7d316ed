#pragma once
// The Robustness page: attacks the trained models of the workspace's runs and compares them.
// Left: the runs (checkable; by default every finished run with a model), the attacks and their
// options, Run / Cancel and the progress. Right: the side-by-side table of every run with saved
// results (CSV export), accuracy against PGD's ε (one curve per run) and the examples browser.
// The attacks run on the AttackSession's thread; results are saved in <run>/robustness/ and
// read back from there when the page (re)loads the workspace.
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

#include "attack_session.h"

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableView;
class QTabWidget;

namespace uegr::studio {

class LivePlot;
class RobustnessExamplesView;
class RobustnessOptions;
class RobustnessTableModel;

class RobustnessPage : public QWidget {
    Q_OBJECT
public:
    explicit RobustnessPage(QWidget* parent = nullptr);
    ~RobustnessPage() override;

    // Lists the workspace's runs and loads their saved results (runsWorkspace() until set).
    void setWorkspace(const QString& folder);
    QString workspace() const { return workspace_; }
    void refresh();

    QStringList runDirs() const;  // listed runs, in list order
    QStringList checkedRuns() const;
    void setRunChecked(const QString& runDir, bool checked);

    bool startAttacks();  // false (with a status message) when nothing can run
    void cancel();
    bool isRunning() const { return session_.isRunning(); }
    AttackSession& session() { return session_; }

    // Shows the examples of `attack` on `runDir` in the browser (reads its records).
    void showExamples(const QString& runDir, const QString& attack);
    QString exportCsv(const QString& path) const;  // empty or an error message

    RobustnessOptions* options() const { return options_; }
    RobustnessTableModel* tableModel() const { return tableModel_; }
    LivePlot* epsilonPlot() const { return plot_; }
    RobustnessExamplesView* examplesView() const { return examples_; }
    QProgressBar* progressBar() const { return progress_; }
    const std::vector<RunAttackResult>& results() const { return results_; }
    QString statusText() const;

Q_SIGNALS:
    void openInSaliencyRequested(const QString& runDir, const QString& text);
    void statusMessage(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void addResult(const RunAttackResult& result);
    void showResults();
    void updateExampleChoices();
    void updateAttackChoices();
    void showChosenExamples();
    void chooseCsvFile();
    void setStatus(const QString& message);
    void updateControls();

    QString workspace_;
    bool followSettings_ = true;  // the workspace is the Runs page's until setWorkspace()
    AttackSession session_;
    std::vector<RunAttackResult>
        results_;            // summaries of every run of the workspace, fresh ones with records
    QStringList failures_;   // of the current job
    QStringList unchecked_;  // runs the user unchecked, kept across refreshes

    QListWidget* runs_;
    QPushButton* refreshButton_;
    RobustnessOptions* options_;
    QPushButton* runButton_;
    QPushButton* cancelButton_;
    QProgressBar* progress_;
    QLabel* status_;
    QTabWidget* tabs_;
    RobustnessTableModel* tableModel_;
    QTableView* table_;
    QPushButton* csvButton_;
    LivePlot* plot_;
    QComboBox* exampleRun_;
    QComboBox* exampleAttack_;
    RobustnessExamplesView* examples_;
};

}  // namespace uegr::studio
