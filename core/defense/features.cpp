#include "defense/features.h"

#include "smoothing/eval_mode.h"
#include "support/error.h"

#include <torch/torch.h>

namespace pacd {

torch::Tensor extractFeatures(ClassifierImpl& model, const torch::Tensor& images, std::int64_t batch) {
    require(batch >= 1, "feature extraction: batch must be >= 1, got ", batch);
    EvalModeScope eval(model);
    torch::NoGradGuard noGrad;
    const auto device = modelDevice(model);
    std::vector<torch::Tensor> parts;
    for (std::int64_t i = 0; i < images.size(0); i += batch)
        parts.push_back(model.features(images.slice(0, i, std::min(images.size(0), i + batch)).to(device)).cpu());
    return parts.empty() ? torch::empty({0, 0}) : torch::cat(parts, 0);
}

} // namespace pacd
