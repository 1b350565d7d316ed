#include "config_presets.h"

#include <QCoreApplication>

namespace uegr::studio {

const std::vector<Preset>& allPresets() {
    static const std::vector<Preset> presets{Preset::Uegr, Preset::Vanilla, Preset::RDrop, Preset::FreeLb,
                                             Preset::ChildTuningD};
    return presets;
}

QString presetName(Preset preset) {
    switch (preset) {
        case Preset::Uegr:
            return QCoreApplication::translate("Presets", "UEGR");
        case Preset::Vanilla:
            return QCoreApplication::translate("Presets", "Vanilla fine-tuning");
        case Preset::RDrop:
            return QCoreApplication::translate("Presets", "R-Drop");
        case Preset::FreeLb:
            return QCoreApplication::translate("Presets", "FreeLB");
        case Preset::ChildTuningD:
            return QCoreApplication::translate("Presets", "ChildTuning-D");
    }
    return {};
}

RunConfig applyPreset(RunConfig config, Preset preset) {
    const TrainingConfig defaults;
    config.uegr = UegrConfig{};
    config.training.rdropAlpha = defaults.rdropAlpha;
    config.training.childtuningBatches = defaults.childtuningBatches;
    switch (preset) {
        case Preset::Uegr:
            config.training.method = "uegr";
            break;
        case Preset::Vanilla:
            config.training.method = "vanilla";
            break;
        case Preset::RDrop:
            config.training.method = "rdrop";
            break;
        case Preset::FreeLb:
            config.training.method = "freelb";
            break;
        case Preset::ChildTuningD:
            // docs/METHOD.md (Baselines): the Fisher mask is computed once, then applied in soft mode.
            config.training.method = "childtuning_d";
            config.uegr.maskMode = "soft";
            break;
    }
    return config;
}

}  // namespace uegr::studio
