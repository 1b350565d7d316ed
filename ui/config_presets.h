#pragma once
// One-click method presets for the configuration page. A preset sets training.method and the
// method's own knobs and resets the UEGR section to its defaults; data, model, evaluation and
// output settings are kept.
#include <QString>
#include <vector>

#include "config/run_config.h"

namespace uegr::studio {

enum class Preset { Uegr, Vanilla, RDrop, FreeLb, ChildTuningD };

const std::vector<Preset>& allPresets();
QString presetName(Preset preset);  // translated, for menus
RunConfig applyPreset(RunConfig config, Preset preset);

}  // namespace uegr::studio
