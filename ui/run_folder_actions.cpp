#include "run_folder_actions.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <algorithm>

#include "run_rename.h"
#include "runs_page.h"
#include "runs_workspace.h"

namespace uegr::studio {
namespace {

QString nameOf(const QString& runDir) {
    return QFileInfo(QDir::cleanPath(runDir)).fileName();
}

bool sameFolder(const QString& a, const QString& b) {
    return QDir::cleanPath(QDir(a).absolutePath()) == QDir::cleanPath(QDir(b).absolutePath());
}

QStringList namesOf(const QStringList& runDirs) {
    QStringList names;
    for (const QString& dir : runDirs) names << nameOf(dir);
    return names;
}

}  // namespace

RunFolderActions::RunFolderActions(RunsPage* page)
    : QObject(page),
      page_(page),
      editTags_(makeAction("editTagsAction", tr("Edit Ta&gs"), &RunFolderActions::editTags)),
      editNotes_(makeAction("editNotesAction", tr("Edit &Notes…"), &RunFolderActions::editNotes)),
      rename_(makeAction("renameRunAction", tr("Rena&me…"), &RunFolderActions::renameRun)),
      delete_(makeAction("deleteRunAction", tr("Move to &Trash…"), &RunFolderActions::deleteRuns)),
      undoDelete_(makeAction("undoDeleteAction", tr("Undo De&lete"), &RunFolderActions::undoDelete)) {
    // Shown in the context menu; the keys themselves are handled by eventFilter().
    delete_->setShortcut(QKeySequence::Delete);
    undoDelete_->setShortcut(QKeySequence::Undo);
    for (QAction* action : {delete_, undoDelete_}) action->setShortcutContext(Qt::WidgetShortcut);
    editTags_->setToolTip(tr("Edit the selected run's tags, separated by commas."));
    editNotes_->setToolTip(tr("Write notes on the selected run."));
    rename_->setToolTip(tr("Rename the selected run's folder."));
    delete_->setToolTip(tr("Move the selected runs' folders to the trash."));
    undoDelete_->setToolTip(tr("Put the runs deleted last back where they were."));
    page_->table()->installEventFilter(this);
}

QAction* RunFolderActions::makeAction(const char* objectName, const QString& text,
                                      void (RunFolderActions::*slot)()) {
    auto* action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(objectName));
    connect(action, &QAction::triggered, this, slot);
    return action;
}

void RunFolderActions::updateEnabled() {
    const QStringList runs = page_->selectedRunFolders();
    bool training = false;
    bool annotatable = runs.size() == 1;
    for (const QString& run : runs) {
        const int row = page_->model()->rowOf(run);
        training = training || (row >= 0 && page_->model()->status(row) == RunStatus::Running);
        annotatable = annotatable && row >= 0 && page_->model()->run(row).readable() &&
                      page_->model()->run(row).annotationsError.isEmpty();
    }
    editTags_->setEnabled(annotatable);
    editNotes_->setEnabled(annotatable);
    rename_->setEnabled(runs.size() == 1 && !training);
    delete_->setEnabled(!runs.isEmpty() && !training);
    undoDelete_->setEnabled(!trashed_.empty());
}

bool RunFolderActions::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    QAction* action = key->matches(QKeySequence::Undo)     ? undoDelete_
                      : key->matches(QKeySequence::Delete) ? delete_
                                                           : nullptr;
    if (!action || !action->isEnabled()) return QObject::eventFilter(watched, event);
    event->accept();
    if (event->type() == QEvent::KeyPress) action->trigger();
    return true;
}

bool RunFolderActions::refuseTraining(const QStringList& runs, const QString& messageTemplate) {
    for (const QString& run : runs) {
        const int row = page_->model()->rowOf(run);
        if (row >= 0 && page_->model()->status(row) == RunStatus::Running) {
            Q_EMIT message(messageTemplate.arg(nameOf(run)), true);
            return true;
        }
    }
    return false;
}

void RunFolderActions::editTags() {
    const QStringList runs = page_->selectedRunFolders();
    const int row = runs.size() == 1 ? page_->model()->rowOf(runs.front()) : -1;
    if (row < 0) return;
    auto* proxy = qobject_cast<QSortFilterProxyModel*>(page_->table()->model());
    const QModelIndex cell = proxy->mapFromSource(page_->model()->index(row, RunsTableModel::Tags));
    page_->table()->setCurrentIndex(cell);
    page_->table()->edit(cell);
}

void RunFolderActions::editNotes() {
    const QStringList runs = page_->selectedRunFolders();
    if (runs.size() != 1 || page_->model()->rowOf(runs.front()) < 0) return;
    const QString run = runs.front();
    bool ok = false;
    const QString notes = QInputDialog::getMultiLineText(
        page_, tr("Run Notes"), tr("Notes on %1:").arg(nameOf(run)),
        page_->model()->run(page_->model()->rowOf(run)).annotations.notes, &ok);
    // A rescan may have replaced the rows while the dialog was open: look the run up again.
    const int row = page_->model()->rowOf(run);
    if (!ok || row < 0) return;
    RunAnnotations annotations = page_->model()->run(row).annotations;
    annotations.notes = notes;
    const QString error = page_->model()->setAnnotations(row, annotations);
    Q_EMIT message(error.isEmpty() ? tr("Notes on %1 saved.").arg(nameOf(run)) : error, !error.isEmpty());
}

void RunFolderActions::renameRun() {
    const QStringList runs = page_->selectedRunFolders();
    if (runs.size() != 1) return;
    const QString run = runs.front();
    const QString training = tr("%1 is training; stop it before renaming it.");
    if (refuseTraining(runs, training)) return;
    bool ok = false;
    const QString name = QInputDialog::getText(page_, tr("Rename Run"), tr("New name of the run folder:"),
                                               QLineEdit::Normal, nameOf(run), &ok);
    if (!ok || name.trimmed() == nameOf(run)) return;
    if (refuseTraining(runs, training)) return;  // a resume may have started meanwhile
    QString renamed;
    const QString error = renameRunFolder(run, name, &renamed);
    if (!error.isEmpty()) {
        Q_EMIT message(error, true);
        return;
    }
    showRenamed(run, renamed);
}

// Moves the row to the new folder without rereading it: only its path and name changed.
void RunFolderActions::showRenamed(const QString& from, const QString& to) {
    replaceRecentRun(from, to);
    std::vector<RunRow> rows = page_->model()->runs();
    const int row = page_->model()->rowOf(from);
    if (row >= 0) {
        RunOverview& overview = rows[static_cast<std::size_t>(row)].overview;
        overview.dir = QDir::toNativeSeparators(QDir::cleanPath(to)).toStdString();
        overview.name = nameOf(to).toStdString();
        page_->model()->setRuns(std::move(rows));
        page_->selectRuns({to});
    }
    Q_EMIT message(tr("Renamed %1 to %2.").arg(nameOf(from), nameOf(to)), false);
}

bool RunFolderActions::confirmDelete(const QStringList& runs) {
    const QString text =
        runs.size() == 1 ? tr("Move the run %1 to the trash?").arg(nameOf(runs.front()))
                         : tr("Move these %n runs to the trash?\n%1", nullptr, static_cast<int>(runs.size()))
                               .arg(namesOf(runs).join(QLatin1Char('\n')));
    QMessageBox box(QMessageBox::Question, tr("Delete Runs"), text, QMessageBox::Cancel, page_);
    box.setInformativeText(tr("Undo Delete (Ctrl+Z in the runs table) puts them back."));
    QPushButton* trash = box.addButton(tr("Move to &Trash"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == trash;
}

void RunFolderActions::deleteRuns() {
    const QStringList runs = page_->selectedRunFolders();
    if (runs.isEmpty() || refuseTraining(runs, tr("%1 is training; stop it before deleting it."))) return;
    if (!confirmDelete(runs)) return;
    std::vector<TrashedRun> trashed;
    QString error;
    for (const QString& run : runs) {
        TrashedRun moved;
        error = moveRunToTrash(run, &moved);
        if (!error.isEmpty()) break;
        trashed.push_back(moved);
    }
    if (!trashed.empty()) {
        removeRows(trashed);
        trashed_.push_back(std::move(trashed));
    }
    updateEnabled();
    Q_EMIT message(error.isEmpty() ? tr("Moved %n run(s) to the trash. Undo Delete puts them back.", nullptr,
                                        static_cast<int>(runs.size()))
                                   : error,
                   !error.isEmpty());
}

void RunFolderActions::removeRows(const std::vector<TrashedRun>& trashed) {
    std::vector<RunRow> kept;
    for (const RunRow& row : page_->model()->runs()) {
        const QString dir = QString::fromStdString(row.overview.dir);
        if (std::none_of(trashed.begin(), trashed.end(),
                         [&dir](const TrashedRun& run) { return sameFolder(dir, run.originalPath); }))
            kept.push_back(row);
    }
    page_->model()->setRuns(std::move(kept));
}

void RunFolderActions::undoDelete() {
    if (trashed_.empty()) return;
    const std::vector<TrashedRun> batch = std::move(trashed_.back());
    trashed_.pop_back();
    QStringList restored;
    QString error;
    for (auto run = batch.rbegin(); run != batch.rend(); ++run) {
        const QString problem = restoreRunFromTrash(*run);
        if (problem.isEmpty())
            restored << run->originalPath;
        else if (error.isEmpty())
            error = problem;
    }
    updateEnabled();
    // The scan reads the restored folders again; its own message would hide ours.
    connect(
        page_, &RunsPage::scanned, this,
        [this, restored, error] {
            page_->selectRuns(restored);
            Q_EMIT message(error.isEmpty()
                               ? tr("Put back %1.").arg(namesOf(restored).join(QStringLiteral(", ")))
                               : error,
                           !error.isEmpty());
        },
        Qt::SingleShotConnection);
    page_->refresh();
}

}  // namespace uegr::studio
