#pragma once
// A read-only Qt table model over the raw rows of a dataset file, for the column-mapping
// preview. The vertical header shows each row's line in its source file.
#include <QAbstractTableModel>
#include <memory>

#include "data/table_reader.h"

namespace uegr::studio {

class RawTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit RawTableModel(QObject* parent = nullptr);

    // Shared so a background analysis can read the same rows without copying them.
    void setTable(std::shared_ptr<const RawTable> table);
    const std::shared_ptr<const RawTable>& table() const { return table_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The row that starts at `line`, or else the first row after it (a row rejected while reading
    // is not in the table); -1 when no row starts at or after it.
    int rowAtOrAfterLine(std::size_t line) const;

private:
    std::shared_ptr<const RawTable> table_ = std::make_shared<RawTable>();
};

}  // namespace uegr::studio
