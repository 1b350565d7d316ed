#pragma once
// Every run-config key as a validated editor, grouped Data / Model / Training / UEGR forward
// stage / UEGR backward stage / Evaluation / Output. The editors are the single source of
// truth: config() reads them all back. Numeric editors take their ranges from
// uegr::numericRanges(), the table validate() checks, and commit when editing is finished (not
// per keystroke). Cross-key rules (dropout_max >= dropout_min, ...) are left to validate() and
// reported by the page.
#include <QVariant>
#include <QWidget>
#include <functional>
#include <vector>

#include "config/run_config.h"

namespace uegr::studio {

class ConfigForm : public QWidget {
    Q_OBJECT
public:
    explicit ConfigForm(QWidget* parent = nullptr);

    RunConfig config() const;
    void setConfig(const RunConfig& config);  // emits no edited()

    int fieldCount() const { return static_cast<int>(fields_.size()); }
    int fieldIndex(const QString& key) const;  // -1 when unknown
    QString fieldKey(int field) const { return fields_[static_cast<std::size_t>(field)].key; }
    QWidget* editor(const QString& key) const;
    QVariant value(int field) const;
    void setValue(int field, const QVariant& value);  // emits no edited()

Q_SIGNALS:
    // The user changed a field; `before` is its value at the previous commit.
    void edited(int field, const QVariant& before, const QVariant& after);

private:
    struct Field {
        QString key;  // dotted JSON path, e.g. "uegr.passes"
        QWidget* editor;
        std::function<QVariant(const RunConfig&)> read;
        std::function<void(RunConfig&, const QVariant&)> write;
        QVariant committed;
    };
    class Builder;

    void watch(std::size_t field);
    void commit(std::size_t field);

    std::vector<Field> fields_;
    bool applying_ = false;
};

}  // namespace uegr::studio
