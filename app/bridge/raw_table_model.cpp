#include "raw_table_model.h"

#include <algorithm>

#include <utility>

namespace uegr::studio {

RawTableModel::RawTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RawTableModel::setTable(std::shared_ptr<const RawTable> table) {
    beginResetModel();
    table_ = table ? std::move(table) : std::make_shared<RawTable>();
    endResetModel();
}

int RawTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(table_->rows.size());
}

int RawTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(table_->header.size());
}

QVariant RawTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
    const auto& fields = table_->rows[static_cast<std::size_t>(index.row())].fields;
    const auto column = static_cast<std::size_t>(index.column());
    if (column >= fields.size()) return {};
    QString text = QString::fromStdString(fields[column]);
    // Multi-line cells would make rows tall; the tooltip keeps the full text.
    if (role == Qt::DisplayRole) text.replace(QLatin1Char('\n'), QChar(0x21B5));
    return text;
}

QVariant RawTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || section < 0) return {};
    const auto index = static_cast<std::size_t>(section);
    if (orientation == Qt::Horizontal)
        return index < table_->header.size() ? QVariant(QString::fromStdString(table_->header[index]))
                                             : QVariant();
    return index < table_->rows.size() ? QVariant(static_cast<qulonglong>(table_->rows[index].line))
                                       : QVariant();
}

int RawTableModel::rowAtOrAfterLine(std::size_t line) const {
    const auto& rows = table_->rows;
    const auto found = std::lower_bound(rows.begin(), rows.end(), line,
                                        [](const RawRow& row, std::size_t wanted) { return row.line < wanted; });
    return found == rows.end() ? -1 : static_cast<int>(found - rows.begin());
}

}  // namespace uegr::studio
