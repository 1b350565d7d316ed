#include "train/saliency_snapshot.h"

#include <algorithm>

namespace uegr {
namespace {

std::vector<float> blockMeans(const torch::Tensor& matrix, int rows, int cols) {
    const torch::Tensor pooled = torch::adaptive_avg_pool2d(matrix.unsqueeze(0).unsqueeze(0), {rows, cols})
                                     .reshape(-1)
                                     .to(torch::kFloat)
                                     .cpu()
                                     .contiguous();
    return std::vector<float>(pooled.data_ptr<float>(), pooled.data_ptr<float>() + pooled.numel());
}

}  // namespace

SaliencyTensorMap downsampleSaliency(const std::string& layer, const std::string& tensorName,
                                     const torch::Tensor& saliency, const torch::Tensor& mask, int maxCells) {
    const torch::NoGradGuard noGrad;
    SaliencyTensorMap map;
    map.layer = layer;
    map.tensor = tensorName;
    map.shape = saliency.sizes().vec();
    const std::int64_t fullRows = saliency.dim() >= 2 ? saliency.size(0) : 1;
    const std::int64_t fullCols = std::max<std::int64_t>(saliency.numel() / std::max<std::int64_t>(fullRows, 1), 1);
    map.rows = static_cast<int>(std::min<std::int64_t>(fullRows, maxCells));
    map.cols = static_cast<int>(std::min<std::int64_t>(fullCols, maxCells));
    if (saliency.numel() == 0) {
        map.rows = map.cols = 0;
        return map;
    }
    const torch::Tensor matrix = saliency.detach().to(torch::kFloat).reshape({fullRows, fullCols});
    map.values = blockMeans(matrix, map.rows, map.cols);
    if (mask.defined())
        map.keptFraction = blockMeans(mask.to(torch::kFloat).reshape({fullRows, fullCols}), map.rows, map.cols);
    else
        map.keptFraction.assign(map.values.size(), 1.0f);
    return map;
}

}  // namespace uegr
