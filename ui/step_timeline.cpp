#include "step_timeline.h"

#include <QComboBox>

namespace uegr::studio {

void StepTimeline::addAxisChoices(QComboBox& box) {
    box.addItem(tr("Step"), static_cast<int>(TimeAxis::Step));
    box.addItem(tr("Epoch"), static_cast<int>(TimeAxis::Epoch));
    box.addItem(tr("Wall time"), static_cast<int>(TimeAxis::WallTime));
    box.setToolTip(
        tr("The x axis of the plots: the optimizer step, the fractional epoch or the "
           "wall time since the run started. Runs recorded before epochs and wall "
           "times were logged show steps."));
}

TimeAxis StepTimeline::effectiveAxis() const {
    if (positions_.empty()) return TimeAxis::Step;
    if (axis_ == TimeAxis::Epoch && !allHaveEpoch_) return TimeAxis::Step;
    if (axis_ == TimeAxis::WallTime && !allHaveSeconds_) return TimeAxis::Step;
    return axis_;
}

QString StepTimeline::axisLabel() const {
    switch (effectiveAxis()) {
        case TimeAxis::Epoch:
            return tr("epoch");
        case TimeAxis::WallTime:
            return tr("wall time (s)");
        case TimeAxis::Step:
            break;
    }
    return tr("step");
}

void StepTimeline::record(const StepTelemetry& step) {
    allHaveEpoch_ = allHaveEpoch_ && step.epochProgress.has_value();
    allHaveSeconds_ = allHaveSeconds_ && step.elapsedSeconds.has_value();
    positions_[step.step] = Position{step.epochProgress.value_or(0), step.elapsedSeconds.value_or(0)};
}

void StepTimeline::clear() {
    positions_.clear();
    allHaveEpoch_ = allHaveSeconds_ = true;
}

double StepTimeline::x(std::int64_t step) const {
    const TimeAxis axis = effectiveAxis();
    if (axis == TimeAxis::Step) return static_cast<double>(step);
    auto found = positions_.upper_bound(step);
    if (found != positions_.begin()) --found;
    return axis == TimeAxis::Epoch ? found->second.epoch : found->second.seconds;
}

}  // namespace uegr::studio
