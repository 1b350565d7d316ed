#pragma once
#include <torch/torch.h>

namespace uegr {

// Puts a module in eval mode for a scope and restores its previous mode, also on exceptions,
// so evaluating in the middle of training never leaves dropout switched off.
class EvalModeGuard {
public:
    explicit EvalModeGuard(torch::nn::Module& module) : module_(module), wasTraining_(module.is_training()) {
        module_.eval();
    }
    ~EvalModeGuard() { module_.train(wasTraining_); }
    EvalModeGuard(const EvalModeGuard&) = delete;
    EvalModeGuard& operator=(const EvalModeGuard&) = delete;

private:
    torch::nn::Module& module_;
    bool wasTraining_;
};

}  // namespace uegr
