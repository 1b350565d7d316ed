#pragma once
// The random draws of a training step behind one seam (docs/METHOD.md, "How the step is
// verified"): the keep masks of the from-scratch models' dropout sites, the adversary's uniform
// start ξ and the dropout controller's uniform draws. Without an installed RandomDraws (always,
// outside tests) they come from LibTorch's and the controller's own generators. A test installs
// one for its thread, so that an independent implementation fed the same draws can be compared
// with the step number for number, without comparing randomness.
#include <torch/torch.h>

namespace uegr {

class RandomDraws {
public:
    virtual ~RandomDraws() = default;
    // 0/1 values shaped and typed like `input`: the elements a dropout site at `rate` keeps.
    virtual torch::Tensor dropoutKeepMask(const torch::Tensor& input, double rate) = 0;
    // Entries of U(−1, 1) shaped and typed like `like`.
    virtual torch::Tensor symmetricUniform(const torch::Tensor& like) = 0;
    // One draw of U[0, 1); U(a, b) is then a + (b − a)·u.
    virtual double unitUniform() = 0;
};

// Installs `draws` for the current thread while it lives; the previous one comes back after.
class ScopedRandomDraws {
public:
    explicit ScopedRandomDraws(RandomDraws& draws);
    ~ScopedRandomDraws();
    ScopedRandomDraws(const ScopedRandomDraws&) = delete;
    ScopedRandomDraws& operator=(const ScopedRandomDraws&) = delete;

private:
    RandomDraws* previous_;
};

// The draws installed for this thread, or nullptr.
RandomDraws* injectedRandomDraws();

// torch::dropout; with injected draws, input · keep / (1 − rate), as torch::dropout computes it.
torch::Tensor siteDropout(const torch::Tensor& input, double rate, bool training);

}  // namespace uegr
