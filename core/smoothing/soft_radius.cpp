#include "smoothing/soft_radius.h"

#include "support/error.h"

#include <torch/torch.h>

#include <cmath>

namespace pacd {

void SoftRadiusConfig::validate() const {
    require(sigma > 0.0 && std::isfinite(sigma), "soft radius setting 'sigma' must be > 0, got ", sigma);
    require(samples >= 1, "soft radius setting 'samples' must be >= 1, got ", samples);
    require(inverseTemperature > 0.0 && std::isfinite(inverseTemperature),
            "soft radius setting 'inverseTemperature' must be > 0, got ", inverseTemperature);
    require(clampMargin > 0.0 && clampMargin < 0.5, "soft radius setting 'clampMargin' must lie in (0, 0.5), got ", clampMargin);
}

torch::Tensor normalQuantile(const torch::Tensor& p) {
    return std::sqrt(2.0) * torch::erfinv(2.0 * p - 1.0);
}

torch::Tensor drawSoftNoise(const torch::Tensor& inputs, std::int64_t samples, double sigma,
                            std::optional<torch::Generator> generator) {
    require(inputs.dim() >= 2, "soft noise: inputs must be [points, ...]");
    require(samples >= 1, "soft noise: samples must be >= 1, got ", samples);
    auto shape = inputs.sizes().vec();
    shape.insert(shape.begin() + 1, samples);
    const auto options = inputs.options().requires_grad(false);
    // std::optional is not c10::optional in LibTorch 1.x, hence the two calls.
    auto unit = generator ? torch::randn(shape, *generator, options) : torch::randn(shape, options);
    return unit * sigma;
}

SoftRadius softRadius(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                      const SoftRadiusConfig& config, const torch::Tensor& noise) {
    config.validate();
    require(inputs.dim() >= 2, "soft radius: inputs must be [points, ...], got ", inputs.dim(), " dims");
    const std::int64_t points = inputs.size(0);
    require(labels.dim() == 1 && labels.size(0) == points, "soft radius: ", points, " inputs but ", labels.numel(), " labels");
    const auto perturbation = noise.defined() ? noise : drawSoftNoise(inputs, config.samples, config.sigma);
    require(perturbation.dim() == inputs.dim() + 1 && perturbation.size(0) == points &&
                perturbation.sizes().slice(2).equals(inputs.sizes().slice(1)),
            "soft radius: noise must be [N, k, ...input shape]");
    const std::int64_t samples = perturbation.size(1);

    const auto noisy = (inputs.unsqueeze(1) + perturbation).flatten(0, 1);
    const auto logits = model.forward(noisy);
    const std::int64_t classes = logits.size(1);
    const auto soft = torch::softmax(config.inverseTemperature * logits, 1).view({points, samples, classes}).mean(1);
    // Keeps the probabilities in [a, 1 − a] so that Φ⁻¹ and its gradient stay finite.
    const double a = config.clampMargin;
    const auto clamped = (1.0 - 2.0 * a) * soft + a;

    const auto target = labels.to(torch::kLong).to(inputs.device());
    const auto correct = clamped.argmax(1) == target;
    const auto pTrue = clamped.gather(1, target.unsqueeze(1)).squeeze(1);
    const auto isTrue = torch::one_hot(target, classes).to(torch::kBool);
    const auto pRunnerUp = std::get<0>(clamped.masked_fill(isTrue, -1.0).max(1));
    const auto margin = normalQuantile(pTrue) - normalQuantile(pRunnerUp);

    SoftRadius result;
    // Misclassified points count as radius 0; the mask is a constant, so they carry no gradient.
    result.radii = 0.5 * config.sigma * margin * correct.to(margin.scalar_type());
    result.objective = result.radii.sum() / static_cast<double>(points);
    result.probabilities = clamped;
    result.correct = correct;
    return result;
}

} // namespace pacd
