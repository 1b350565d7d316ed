#include "train/flat_views.h"

namespace uegr {

std::vector<torch::Tensor> flatViews(const torch::Tensor& flat, const std::vector<torch::Tensor>& likes) {
    std::vector<torch::Tensor> views;
    views.reserve(likes.size());
    std::int64_t offset = 0;
    for (const torch::Tensor& like : likes) {
        views.push_back(flat.narrow(0, offset, like.numel()).view(like.sizes()));
        offset += like.numel();
    }
    return views;
}

}  // namespace uegr
