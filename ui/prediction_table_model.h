#pragma once
// The rows of ExamplePredictions as a table (text, true label, predicted label, confidence) and
// the filter the prediction panel puts over it: correct or incorrect only, one true label, and
// words of the text.
#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include "example_predictions.h"

namespace uegr::studio {

class PredictionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Text, TrueLabel, Predicted, Confidence, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit PredictionTableModel(QObject* parent = nullptr);

    void setPredictions(ExamplePredictions predictions);
    const ExamplePredictions& predictions() const { return predictions_; }
    const ExamplePrediction& prediction(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    ExamplePredictions predictions_;
};

class PredictionFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Outcome { All, Correct, Incorrect };

    explicit PredictionFilter(QObject* parent = nullptr);
    void setOutcome(Outcome outcome);
    void setTrueLabel(int label);       // -1: any
    void setText(const QString& text);  // case-insensitive substring of the text or its pair

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Outcome outcome_ = Outcome::All;
    int trueLabel_ = -1;
    QString text_;
};

}  // namespace uegr::studio
