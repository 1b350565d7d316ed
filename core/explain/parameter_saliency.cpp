#include "explain/parameter_saliency.h"

#include <map>

#include "model/eval_mode_guard.h"
#include "train/saliency.h"
#include "train/saliency_snapshot.h"
#include "util/error.h"

namespace uegr {

SaliencySnapshot parameterSaliencySnapshot(TextClassifierImpl& model, const Batch& batch, int maxCells) {
    if (batch.labels.numel() == 0) throw Error("a saliency snapshot needs at least one labelled example");
    std::map<std::string, std::string> layerOf;
    for (const ParameterLayer& layer : model.parameterLayers())
        for (const std::string& name : layer.parameterNames) layerOf[name] = layer.name;

    std::vector<std::string> names;
    std::vector<torch::Tensor> parameters;
    for (const auto& item : model.named_parameters(/*recurse=*/true)) {
        names.push_back(item.key());
        parameters.push_back(item.value());
    }
    const torch::Device device =
        parameters.empty() ? torch::Device(torch::kCPU) : parameters.front().device();
    EvalModeGuard evalMode(model);
    const Batch onDevice = batch.to(device);
    const torch::Tensor loss = torch::nn::functional::cross_entropy(
        model.forward(onDevice.inputIds, onDevice.attentionMask), onDevice.labels);

    std::vector<torch::Tensor> trainable;
    for (const torch::Tensor& parameter : parameters)
        if (parameter.requires_grad()) trainable.push_back(parameter);
    const std::vector<torch::Tensor> gradients =
        torch::autograd::grad({loss}, trainable, /*grad_outputs=*/{}, /*retain_graph=*/false,
                              /*create_graph=*/false, /*allow_unused=*/true);

    SaliencySnapshot snapshot;
    std::size_t next = 0;
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        const torch::Tensor gradient = parameters[i].requires_grad() ? gradients[next++] : torch::Tensor();
        const torch::Tensor saliency = gradient.defined()
                                           ? elementSaliency(SaliencyKind::Taylor, parameters[i], gradient)
                                           : torch::zeros_like(parameters[i]);
        const auto layer = layerOf.find(names[i]);
        if (layer == layerOf.end())
            throw Error("model parameter " + names[i] + " belongs to no parameter layer");
        snapshot.tensors.push_back(
            downsampleSaliency(layer->second, names[i], saliency, torch::Tensor(), maxCells));
    }
    return snapshot;
}

}  // namespace uegr
