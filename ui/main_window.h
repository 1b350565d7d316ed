#pragma once
// The studio's main window: a page list on the left (Dataset, Configuration, Training,
// Saliency, Runs, Robustness), the selected page on the right, File/Edit/Help menus.
// Geometry, window state and the current page persist in QSettings.
#include <QMainWindow>

class QListWidget;
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
    static QString demoDatasetPath();

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
    void showAbout();
    void showError(const QString& title, const QString& message);
    void restoreSettings();

    QListWidget* pageList_;
    QStackedWidget* pages_;
    DatasetPage* datasetPage_;
    ConfigPage* configPage_;
    TrainingPage* trainingPage_;
    RunsPage* runsPage_;
};

}  // namespace uegr::studio
