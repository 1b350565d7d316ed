#include "config_commands.h"

#include <QCoreApplication>
#include <utility>

#include "config_form.h"

namespace uegr::studio {

FieldEditCommand::FieldEditCommand(ConfigForm& form, int field, QVariant before, QVariant after)
    : form_(form), field_(field), before_(std::move(before)), after_(std::move(after)) {
    setText(QCoreApplication::translate("ConfigCommands", "Change %1").arg(form.fieldKey(field)));
}

void FieldEditCommand::undo() {
    form_.setValue(field_, before_);
}
void FieldEditCommand::redo() {
    form_.setValue(field_, after_);
}

ReplaceConfigCommand::ReplaceConfigCommand(ConfigForm& form, RunConfig before, RunConfig after,
                                           const QString& text)
    : form_(form), before_(std::move(before)), after_(std::move(after)) {
    setText(text);
}

void ReplaceConfigCommand::undo() {
    form_.setConfig(before_);
}
void ReplaceConfigCommand::redo() {
    form_.setConfig(after_);
}

}  // namespace uegr::studio
