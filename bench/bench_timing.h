#pragma once
// Timing the benchmarks share: the median milliseconds of a body after untimed warm-up calls.
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace uegr::bench {

inline double medianOf(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    if (n == 0) return 0;
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

inline double medianMs(int warmup, int repeats, const torch::Device& device,
                       const std::function<void()>& body) {
    // CUDA runs asynchronously: wait for the device so the time covers the work.
    const auto run = [&] {
        body();
        if (device.is_cuda()) torch::cuda::synchronize();
    };
    for (int i = 0; i < warmup; ++i) run();
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        run();
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    return medianOf(times);
}

}  // namespace uegr::bench
