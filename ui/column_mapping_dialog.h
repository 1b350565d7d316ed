#pragma once
// Chooses which columns of a dataset file hold the text, the optional second text and the
// label, with the raw rows as a preview and a live count of the rows that mapping accepts.
#include <QDialog>

#include "data/table_reader.h"

class QComboBox;
class QLabel;

namespace uegr::studio {

class RawTableModel;

class ColumnMappingDialog : public QDialog {
    Q_OBJECT
public:
    ColumnMappingDialog(RawTableModel& model, const ColumnMapping& initial, QWidget* parent = nullptr);
    ColumnMapping mapping() const;

private:
    void updateCheck();

    RawTableModel& model_;
    QComboBox* textColumn_;
    QComboBox* pairColumn_;
    QComboBox* labelColumn_;
    QLabel* check_;
};

}  // namespace uegr::studio
