#include "train/generator_states.h"

#include <ATen/CPUGeneratorImpl.h>

#include <mutex>

namespace uegr {
namespace {

torch::Tensor stateOf(at::Generator generator) {
    const std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get_state();
}

void setStateOf(at::Generator generator, const torch::Tensor& state) {
    const std::lock_guard<std::mutex> lock(generator.mutex());
    generator.set_state(state);
}

at::Generator cudaGenerator(int index) {
    return at::globalContext().defaultGenerator(
        torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(index)));
}

}  // namespace

GeneratorStates captureGeneratorStates() {
    GeneratorStates states;
    states.cpu = stateOf(at::detail::getDefaultCPUGenerator());
    const int devices = torch::cuda::is_available() ? static_cast<int>(torch::cuda::device_count()) : 0;
    for (int index = 0; index < devices; ++index) states.cuda.push_back(stateOf(cudaGenerator(index)));
    return states;
}

void restoreGeneratorStates(const GeneratorStates& states) {
    if (states.cpu.defined()) setStateOf(at::detail::getDefaultCPUGenerator(), states.cpu);
    const int devices = torch::cuda::is_available() ? static_cast<int>(torch::cuda::device_count()) : 0;
    for (int index = 0; index < devices && index < static_cast<int>(states.cuda.size()); ++index)
        setStateOf(cudaGenerator(index), states.cuda[static_cast<std::size_t>(index)]);
}

}  // namespace uegr
