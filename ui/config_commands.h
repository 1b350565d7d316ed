#pragma once
// Undo commands of the configuration page: one committed field edit (an editor commits when
// editing is finished, so typing "128" and Tab is one step) or a whole-config replacement
// (preset, file load).
#include <QUndoCommand>
#include <QVariant>

#include "config/run_config.h"

namespace uegr::studio {

class ConfigForm;

class FieldEditCommand : public QUndoCommand {
public:
    FieldEditCommand(ConfigForm& form, int field, QVariant before, QVariant after);
    void undo() override;
    void redo() override;

private:
    ConfigForm& form_;
    int field_;
    QVariant before_, after_;
};

class ReplaceConfigCommand : public QUndoCommand {
public:
    ReplaceConfigCommand(ConfigForm& form, RunConfig before, RunConfig after, const QString& text);
    void undo() override;
    void redo() override;

private:
    ConfigForm& form_;
    RunConfig before_, after_;
};

}  // namespace uegr::studio
