#pragma once
// The Runs page: the runs of a workspace folder in a sortable, filterable table (scanned on a
// background thread) with the hyper-parameters that differ between them, replay of one run's
// curves, overlay of several runs, the selected run's confusion matrix and per-class scores
// (best dev, test) and per-example predictions, the config diff of two, resume of a stopped run, tags, notes,
// rename and delete (run_folder_actions), and the exports (model bundle, HTML/PDF report,
// metrics CSV). Corrupt run folders show as "unreadable" rows and error messages, never as a
// crash.
#include <QFutureWatcher>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <vector>

#include "runs_plots.h"
#include "runs_table_model.h"

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QMenu;
class QToolButton;

namespace uegr::studio {

class ClassReportPanel;
class PredictionPanel;
class RunFolderActions;

class RunsPage : public QWidget {
    Q_OBJECT
public:
    explicit RunsPage(QWidget* parent = nullptr);
    ~RunsPage() override;

    QString workspace() const { return workspace_; }
    void setWorkspace(const QString& folder);  // remembered in QSettings; rescans
    void chooseWorkspace();                    // folder dialog
    void refresh();                            // rescans in the background; scanned() follows
    bool isScanning() const;

    // Reads the runs' metrics.jsonl in the background, then replays one run or overlays
    // several; curvesShown() or loadFailed() follows.
    void openRun(const QString& runDir);
    // For Recent menus, newest first: the runs opened or trained lately, then the workspace's
    // other runs by last change, at most kMaxRecentRuns.
    QStringList recentRunFolders() const;
    void compareRuns(const QStringList& runDirs);
    void chooseRunFolder();  // folder dialog, for runs outside the workspace

    // The run this studio trains now (empty: none); its row shows as running.
    void setActiveRun(const QString& runDir);
    // The selected run's exports (model bundle, reports, metrics CSV), also offered in the main
    // window's File menu; disabled unless exactly one run is selected.
    QMenu* exportMenu() const;

    RunsTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    RunPlots* plots() const { return plots_; }
    ClassReportPanel* classReport() const { return classReport_; }
    PredictionPanel* predictions() const { return predictions_; }
    QStringList selectedRuns() const;        // readable run folders, in table order
    QStringList selectedRunFolders() const;  // unreadable ones too, for rename and delete
    void selectRuns(const QStringList& runDirs);
    QString message() const;

Q_SIGNALS:
    void scanned();
    void curvesShown(const QStringList& runDirs);
    void loadFailed(const QString& message);
    void resumeRequested(const QString& runDir);
    void statusMessage(const QString& message);
    void openInSaliencyRequested(const QString& runDir, const QString& text);  // from the predictions

private:
    struct LoadResult;
    void scanDone();
    void loadCurves(const QStringList& runDirs);
    void curvesLoaded();
    void updateActions();
    void showClassReport();  // of the single selected run
    void updateRecentMenu();
    void showConfigDiff();  // of the two selected runs
    void showContextMenu(const QPoint& position);
    void activateCell(const QModelIndex& index);
    QPushButton* buttonFor(QAction* action, const char* objectName);
    void showMessage(const QString& text, bool error);
    QString singleSelectedRun() const;
    QStringList selectedFolders(bool readableOnly) const;
    void exportModel();
    void exportReport(bool pdf);
    void exportCsv();

    QString workspace_;
    QString activeRun_;
    RunsTableModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* table_;
    RunPlots* plots_;
    ClassReportPanel* classReport_;
    PredictionPanel* predictions_;
    QLabel* workspaceLabel_;
    QLabel* message_;
    QLineEdit* filter_;
    QPushButton* openButton_;
    QPushButton* compareButton_;
    QPushButton* resumeButton_;
    QToolButton* exportButton_;
    QToolButton* recentButton_;
    QAction* configDiffAction_;
    RunFolderActions* folderActions_;
    QMenu* contextMenu_;
    QAction* openAction_ = nullptr;  // in the context menu, like the buttons
    QAction* compareAction_ = nullptr;
    QFutureWatcher<std::vector<RunRow>>* scanner_;
    QFutureWatcher<std::shared_ptr<const LoadResult>>* loader_;
    bool rescanPending_ = false;
};

}  // namespace uegr::studio
