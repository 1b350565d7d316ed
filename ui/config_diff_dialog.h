#pragma once
// The config diff of two runs: one row per key whose value differs, with both values; a key that
// only one run has shows "(absent)" on the other side.
#include <QDialog>

#include "config/config_diff.h"

class QTableWidget;

namespace uegr::studio {

class ConfigDiffDialog : public QDialog {
    Q_OBJECT
public:
    ConfigDiffDialog(const QString& leftName, const FlatConfig& left, const QString& rightName,
                     const FlatConfig& right, QWidget* parent = nullptr);

    QTableWidget* table() const { return table_; }

private:
    QTableWidget* table_;
};

}  // namespace uegr::studio
