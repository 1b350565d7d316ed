#pragma once
// The studio's main window: a page list on the left (Dataset, Configuration, Training,
// Saliency, Runs, Robustness), the selected page on the right, File/Edit/Help menus.
// Geometry, window state, the current page and the open run-config file persist in QSettings.
// Closing asks first while a run trains (stop, then quit) or the run config has unsaved edits.
#include <QMainWindow>

class QListWidget;
class QMenu;
class QStackedWidget;

namespace uegr::studio {

class ConfigPage;
class DatasetPage;
class RunsPage;
class TrainingPage;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // A .json file is a run config (its training file then opens on the Dataset page),
    // anything else a dataset. Errors are shown to the user; returns whether it opened.
    bool openFile(const QString& path);
    // At start-up: `requested` (the command line's file) if given, else the run config of the
    // last session (or the demo dataset), keeping the restored page.
    void openStartupFile(const QString& requested);
    static QString demoDatasetPath();
    // For scripted quits (--quit-after-ms): closes without asking about unsaved edits or runs.
    void closeWithoutAsking();

    DatasetPage* datasetPage() const { return datasetPage_; }
    ConfigPage* configPage() const { return configPage_; }
    TrainingPage* trainingPage() const { return trainingPage_; }
    RunsPage* runsPage() const { return runsPage_; }

    int pageCount() const;
    QWidget* page(int index) const;
    void showPage(int index);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void addPage(QWidget* page, const QString& objectName, const QString& title, const QString& iconName);
    void createMenus();
    void fillRecentRunsMenu(QMenu& menu);
    void showAbout();
    void showError(const QString& title, const QString& message);
    void restoreSettings();
    QSize firstLaunchSize() const;
    void saveSettings();
    void updateTitle();
    bool confirmClose();
    bool confirmStopTraining();
    bool confirmDiscardConfig();

    QListWidget* pageList_;
    QStackedWidget* pages_;
    DatasetPage* datasetPage_;
    ConfigPage* configPage_;
    TrainingPage* trainingPage_;
    RunsPage* runsPage_;
    bool askBeforeClosing_ = true;
    bool closeWhenRunStops_ = false;
};

}  // namespace uegr::studio
