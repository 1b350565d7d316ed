#include "robustness_table_model.h"

#include <QFont>

namespace uegr::studio {

RobustnessTableModel::RobustnessTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RobustnessTableModel::setResults(const std::vector<RunAttackResult>& results) {
    beginResetModel();
    comparison_ = RobustnessComparison(results);
    endResetModel();
}

void RobustnessTableModel::setHighlightedRun(const QString& runDir) {
    highlighted_ = runDir.isEmpty() ? QString() : normalizedRunDir(runDir);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::FontRole});
}

int RobustnessTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(comparison_.rows().size());
}

int RobustnessTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || comparison_.rows().empty() ? 0 : comparison_.columnCount();
}

QVariant RobustnessTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const int row = index.row(), column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            return comparison_.text(row, column);
        case Qt::UserRole: {
            if (column == 0) return comparison_.rows()[static_cast<std::size_t>(row)].runDir;
            const std::optional<double> value = comparison_.value(row, column);
            return value ? QVariant(*value) : QVariant();
        }
        case Qt::ToolTipRole:
            return column == 0 ? comparison_.rows()[static_cast<std::size_t>(row)].runDir : QVariant();
        case Qt::TextAlignmentRole:
            return column == 0 ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                               : QVariant(Qt::AlignRight | Qt::AlignVCenter);
        case Qt::FontRole: {
            if (highlighted_.isEmpty() ||
                comparison_.rows()[static_cast<std::size_t>(row)].runDir != highlighted_)
                return {};
            QFont font;
            font.setBold(true);
            return font;
        }
        default:
            return {};
    }
}

QVariant RobustnessTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return comparison_.header(section);
}

}  // namespace uegr::studio
