#pragma once
// Where a training step lies on the plots' x axis: at its step number, at its fractional epoch
// or at the wall seconds since the run started. Records from metrics.jsonl files written before
// epoch_progress and elapsed_seconds existed lack them; an axis that some recorded step lacks
// falls back to the step number, so one plot never mixes units.
#include <QCoreApplication>
#include <QString>
#include <cstdint>
#include <map>

#include "train/telemetry.h"

class QComboBox;

namespace uegr::studio {

enum class TimeAxis { Step, Epoch, WallTime };

class StepTimeline {
    Q_DECLARE_TR_FUNCTIONS(StepTimeline)
public:
    // Step, Epoch and Wall time, each with its TimeAxis as item data, and a tooltip saying what
    // they mean: the x-axis choice of the Training page and of the Runs page's plots.
    static void addAxisChoices(QComboBox& box);

    void setAxis(TimeAxis axis) { axis_ = axis; }
    // The chosen axis, or Step when no step is recorded or one lacks what the chosen axis needs.
    TimeAxis effectiveAxis() const;
    QString axisLabel() const;  // of the effective axis

    void record(const StepTelemetry& step);
    void clear();
    // The x of `step` on the effective axis; a step never recorded (an evaluation before any
    // step record) takes the x of the nearest recorded step before it.
    double x(std::int64_t step) const;

private:
    struct Position {
        double epoch = 0, seconds = 0;
    };

    TimeAxis axis_ = TimeAxis::Step;
    std::map<std::int64_t, Position> positions_;
    bool allHaveEpoch_ = true, allHaveSeconds_ = true;
};

}  // namespace uegr::studio
