#include "prediction_table_model.h"

#include <QBrush>
#include <QColor>

namespace uegr::studio {

PredictionTableModel::PredictionTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PredictionTableModel::setPredictions(ExamplePredictions predictions) {
    beginResetModel();
    predictions_ = std::move(predictions);
    endResetModel();
}

const ExamplePrediction& PredictionTableModel::prediction(int row) const {
    return predictions_.rows.at(static_cast<std::size_t>(row));
}

int PredictionTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(predictions_.rows.size());
}

int PredictionTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PredictionTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const ExamplePrediction& row = prediction(index.row());
    const auto label = [this](int index) { return predictions_.labels.value(index); };
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
            case Text:
                return row.pair.isEmpty() ? row.text : row.text + QStringLiteral(" ‖ ") + row.pair;
            case TrueLabel:
                return label(row.trueLabel);
            case Predicted:
                return label(row.predicted);
            case Confidence:
                return role == SortRole ? QVariant(row.confidence)
                                        : QVariant(QString::number(row.confidence, 'f', 3));
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Text) return row.text;
    if (role == Qt::ForegroundRole && index.column() == Predicted && !row.correct())
        return QBrush(QColor(0xc0, 0x39, 0x2b));  // the red of the studio's error messages
    if (role == Qt::TextAlignmentRole && index.column() == Confidence)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PredictionTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Text:
            return tr("Text");
        case TrueLabel:
            return tr("True label");
        case Predicted:
            return tr("Predicted");
        case Confidence:
            return tr("Confidence");
    }
    return {};
}

PredictionFilter::PredictionFilter(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(PredictionTableModel::SortRole);
}

void PredictionFilter::setOutcome(Outcome outcome) {
    outcome_ = outcome;
    invalidateFilter();
}

void PredictionFilter::setTrueLabel(int label) {
    trueLabel_ = label;
    invalidateFilter();
}

void PredictionFilter::setText(const QString& text) {
    text_ = text;
    invalidateFilter();
}

bool PredictionFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const auto* model = static_cast<const PredictionTableModel*>(sourceModel());
    const ExamplePrediction& row = model->prediction(sourceRow);
    if (outcome_ == Outcome::Correct && !row.correct()) return false;
    if (outcome_ == Outcome::Incorrect && row.correct()) return false;
    if (trueLabel_ >= 0 && row.trueLabel != trueLabel_) return false;
    return text_.isEmpty() || row.text.contains(text_, Qt::CaseInsensitive) ||
           row.pair.contains(text_, Qt::CaseInsensitive);
}

}  // namespace uegr::studio
