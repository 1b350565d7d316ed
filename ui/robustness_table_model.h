#pragma once
// The Robustness page's side-by-side table (RobustnessComparison) as a Qt model. Display text
// is formatted; Qt::UserRole holds the raw number (fractions for rates) for sorting and tests.
// The highlighted run is shown in bold.
#include <QAbstractTableModel>
#include <vector>

#include "robustness_comparison.h"

namespace uegr::studio {

class RobustnessTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit RobustnessTableModel(QObject* parent = nullptr);

    void setResults(const std::vector<RunAttackResult>& results);
    void setHighlightedRun(const QString& runDir);
    const RobustnessComparison& comparison() const { return comparison_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    RobustnessComparison comparison_;
    QString highlighted_;
};

}  // namespace uegr::studio
