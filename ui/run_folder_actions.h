#pragma once
// The Runs page's actions on run folders: edit a run's tags (in the table) and notes, rename it,
// move runs to the trash, and undo that (Undo Delete, Ctrl+Z in the table). A run that is
// training is neither renamed nor deleted. Messages go out through message().
#include <QObject>
#include <QStringList>
#include <vector>

#include "run_trash.h"

class QAction;

namespace uegr::studio {

class RunsPage;

class RunFolderActions : public QObject {
    Q_OBJECT
public:
    explicit RunFolderActions(RunsPage* page);

    QAction* editTagsAction() const { return editTags_; }
    QAction* editNotesAction() const { return editNotes_; }
    QAction* renameAction() const { return rename_; }
    QAction* deleteAction() const { return delete_; }
    QAction* undoDeleteAction() const { return undoDelete_; }

    // After the selection, the listed runs or the training run changed (the page calls it once
    // its table is set up).
    void updateEnabled();

Q_SIGNALS:
    void message(const QString& text, bool error);

protected:
    // Delete and Ctrl+Z in the runs table. Ctrl+Z is claimed before the window's Edit > Undo
    // (the configuration's) sees it, but only while a delete can be undone.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QAction* makeAction(const char* objectName, const QString& text, void (RunFolderActions::*slot)());
    bool refuseTraining(const QStringList& runs, const QString& messageTemplate);
    bool confirmDelete(const QStringList& runs);
    void removeRows(const std::vector<TrashedRun>& trashed);
    void showRenamed(const QString& from, const QString& to);
    void editTags();
    void editNotes();
    void renameRun();
    void deleteRuns();
    void undoDelete();

    RunsPage* page_;
    QAction* editTags_;
    QAction* editNotes_;
    QAction* rename_;
    QAction* delete_;
    QAction* undoDelete_;
    std::vector<std::vector<TrashedRun>> trashed_;  // one entry per delete, newest last
};

}  // namespace uegr::studio
