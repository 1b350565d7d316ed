#include "train/robustness_monitor.h"

#include <ATen/Parallel.h>
#include <stdlib.h>
#include <torch/torch.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include "attack/attack_runner.h"
#include "attack/wordnet.h"
#include "model/model_bundle.h"
#include "model/text_classifier.h"
#include "util/error.h"

namespace uegr {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;

// `uegr attack`'s default --batch-size, so a check and the command score identical batches.
constexpr int kAttackBatchSize = 32;

// Thrown from the attack's progress callback to end a cancelled check between examples.
struct CheckCancelled {};

// Building a model draws its initial weights from the global generator; the training run must
// not see a different random stream because robustness checks are on.
class GeneratorStateGuard {
public:
    GeneratorStateGuard() : generator_(at::detail::getDefaultCPUGenerator()) {
        const std::lock_guard<std::mutex> lock(generator_.mutex());
        state_ = generator_.get_state();
    }
    ~GeneratorStateGuard() {
        const std::lock_guard<std::mutex> lock(generator_.mutex());
        generator_.set_state(state_);
    }
    GeneratorStateGuard(const GeneratorStateGuard&) = delete;
    GeneratorStateGuard& operator=(const GeneratorStateGuard&) = delete;

private:
    at::Generator generator_;
    torch::Tensor state_;
};

// The bundle the trainer would export, read back as `uegr attack` reads it.
ModelBundle roundTripBundle(const RobustnessMonitor::BundleWriter& writeBundle) {
    std::string pattern = (fs::temp_directory_path() / "uegr-robustness-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
        throw Error("cannot create a temporary folder in " + fs::temp_directory_path().string());
    const fs::path dir(pattern);
    struct RemoveDir {
        fs::path dir;
        ~RemoveDir() {
            std::error_code ignored;
            fs::remove_all(dir, ignored);
        }
    } removeDir{dir};
    GeneratorStateGuard keepRandomStream;
    writeBundle(dir.string());
    return loadModelBundle(dir.string());
}

template <typename Dict>
void copyTensors(const Dict& source, const Dict& target, const char* kind) {
    if (source.size() != target.size())
        throw Error(std::string("robustness check: the model copy has a different number of ") + kind);
    for (const auto& item : source) {
        const torch::Tensor* destination = target.find(item.key());
        if (!destination || destination->sizes() != item.value().sizes())
            throw Error("robustness check: the model copy has no " + std::string(kind) + " \"" + item.key() +
                        "\" of that shape");
        destination->copy_(item.value());
    }
}

}  // namespace

struct RobustnessMonitor::State {
    RobustnessConfig config;
    std::uint64_t seed = 0;
    Dataset examples;
    ModelBundle bundle;
    std::unique_ptr<WordNet> wordNet;
    ResultSink onResult;
    NoteSink onNote;

    std::thread worker;
    std::atomic<bool> running{false};
    std::atomic<bool> cancelRequested{false};
    int runningEpoch = 0;

    mutable std::mutex mutex;  // guards the two below
    std::optional<RobustnessTelemetry> last;
    std::string failure;

    AttackSummary attack() {
        AttackSettings settings;
        settings.attack = config.attack;
        settings.charSwap.queryBudget = config.budget;
        settings.charSwap.seed = seed;
        settings.charSwap.batchSize = kAttackBatchSize;
        settings.synonym.queryBudget = config.budget;
        settings.synonym.batchSize = kAttackBatchSize;
        settings.pgd.epsilons = {config.pgdEpsilon};
        settings.pgd.seed = seed;
        settings.pgd.batchSize = kAttackBatchSize;
        return runNamedAttack(bundle, examples, settings, wordNet.get(),
                              [this](std::size_t, std::size_t) {
                                  if (cancelRequested) throw CheckCancelled{};
                              })
            .summary;
    }

    void check(std::int64_t step, int epoch) {
        at::set_num_threads(1);
        const auto start = Clock::now();
        try {
            const AttackSummary summary = attack();
            RobustnessTelemetry result;
            result.step = step;
            result.epoch = epoch;
            result.attack = config.attack;
            result.examples = static_cast<std::int64_t>(summary.examples);
            result.cleanAccuracy = summary.cleanAccuracy;
            result.accuracyUnderAttack = summary.accuracyUnderAttack;
            result.attackSuccessRate = summary.attackSuccessRate;
            result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
            {
                const std::lock_guard<std::mutex> lock(mutex);
                last = result;
            }
            onResult(result);
        } catch (const CheckCancelled&) {
        } catch (const std::exception& error) {
            const std::lock_guard<std::mutex> lock(mutex);
            failure = "robustness check of epoch " + std::to_string(epoch) + " failed: " + error.what();
        }
        running = false;
    }

    // Failures happen on the monitor's thread; they are reported on the caller's.
    void reportFailure() {
        std::string message;
        {
            const std::lock_guard<std::mutex> lock(mutex);
            message.swap(failure);
        }
        if (!message.empty()) onNote(message);
    }
};

RobustnessMonitor::RobustnessMonitor(const RobustnessConfig& config, std::uint64_t seed, const Dataset& dev,
                                     const BundleWriter& writeBundle, ResultSink onResult, NoteSink onNote) {
    if (config.everyEpochs <= 0) return;
    if (dev.examples.empty()) {
        onNote("robustness checks are off: the run has no dev split to attack");
        return;
    }
    auto state = std::make_unique<State>();
    state->config = config;
    state->seed = seed;
    state->examples = dev;
    if (state->examples.examples.size() > static_cast<std::size_t>(config.examples))
        state->examples.examples.resize(static_cast<std::size_t>(config.examples));
    if (config.attack == "wordnet") state->wordNet = std::make_unique<WordNet>();
    state->bundle = roundTripBundle(writeBundle);
    state->onResult = std::move(onResult);
    state->onNote = std::move(onNote);
    state_ = std::move(state);
}

RobustnessMonitor::~RobustnessMonitor() {
    cancel();
}

bool RobustnessMonitor::enabled() const {
    return state_ != nullptr;
}

bool RobustnessMonitor::epochEnded(TextClassifierImpl& model, std::int64_t step, int epoch) {
    if (!state_ || epoch % state_->config.everyEpochs != 0) return false;
    State& s = *state_;
    s.reportFailure();
    if (s.running) {
        s.onNote("robustness check of epoch " + std::to_string(epoch) + " skipped: the check of epoch " +
                 std::to_string(s.runningEpoch) + " is still running");
        return false;
    }
    if (s.worker.joinable()) s.worker.join();
    {
        torch::NoGradGuard noGrad;
        copyTensors(model.named_parameters(), s.bundle.model->named_parameters(), "parameters");
        copyTensors(model.named_buffers(), s.bundle.model->named_buffers(), "buffers");
    }
    s.cancelRequested = false;
    s.running = true;
    s.runningEpoch = epoch;
    s.worker = std::thread([&s, step, epoch] { s.check(step, epoch); });
    return true;
}

void RobustnessMonitor::finish(const std::atomic<bool>& stop) {
    if (!state_) return;
    while (state_->running && !stop) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    cancel();
}

void RobustnessMonitor::cancel() {
    if (!state_) return;
    state_->cancelRequested = true;
    if (state_->worker.joinable()) state_->worker.join();
    state_->reportFailure();
}

std::optional<RobustnessTelemetry> RobustnessMonitor::lastResult() const {
    if (!state_) return std::nullopt;
    const std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->last;
}

}  // namespace uegr
