#include "config/config_advice.h"

#include <sstream>

namespace uegr {
namespace {

std::string formatted(double value) {
    std::ostringstream text;
    text << value;
    return text.str();
}

}  // namespace

std::vector<ConfigAdvice> adviseRunConfig(const RunConfig& config) {
    std::vector<ConfigAdvice> advice;
    // An order of magnitude either side of the usual rates: fine-tuning at a from-scratch rate
    // destroys the pretrained weights, training from scratch at a fine-tuning rate barely moves.
    const double lr = config.training.lr;
    if (config.model.type == "hf" && lr > 10 * kPretrainedLearningRate)
        advice.push_back(
            {"training.lr", "training.lr " + formatted(lr) +
                                " is high for fine-tuning a pretrained model; 1e-5 to 5e-5 is usual "
                                "(the default for model.type \"hf\" is " +
                                formatted(kPretrainedLearningRate) + ")"});
    if (config.model.type != "hf" && lr < kFromScratchLearningRate / 10)
        advice.push_back({"training.lr", "training.lr " + formatted(lr) + " is low for a " +
                                             config.model.type + " trained from scratch; about " +
                                             formatted(kFromScratchLearningRate) + " is usual"});
    return advice;
}

}  // namespace uegr
