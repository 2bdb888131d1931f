#include "training/losses.h"

#include "smoothing/soft_radius.h"
#include "support/error.h"

#include <torch/torch.h>

namespace pacd {
namespace {

void requireBatch(const torch::Tensor& inputs, const torch::Tensor& labels, const char* what) {
    require(inputs.dim() >= 2, what, ": inputs must be [points, ...], got ", inputs.dim(), " dims");
    require(labels.dim() == 1 && labels.size(0) == inputs.size(0), what, ": ", inputs.size(0), " inputs but ", labels.numel(),
            " labels");
}

void requireNoise(const torch::Tensor& inputs, const torch::Tensor& noise, const char* what) {
    require(noise.defined() && noise.dim() == inputs.dim() + 1 && noise.size(0) == inputs.size(0) &&
                noise.sizes().slice(2).equals(inputs.sizes().slice(1)),
            what, ": noise must be [N, samples, ...input shape]");
}

// Runs the model on every noisy copy inputs[i] + noise[i, j]; returns logits [N, samples, C].
torch::Tensor noisyLogits(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& noise) {
    const auto noisy = (inputs.unsqueeze(1) + noise).flatten(0, 1);
    const auto logits = model.forward(noisy);
    return logits.view({inputs.size(0), noise.size(1), logits.size(1)});
}

} // namespace

BatchLoss crossEntropyLoss(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels) {
    requireBatch(inputs, labels, "cross-entropy");
    const auto logits = model.forward(inputs);
    return {torch::cross_entropy_loss(logits, labels), logits.argmax(1) == labels};
}

BatchLoss gaussianAugmentationLoss(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                                   const torch::Tensor& noise) {
    requireBatch(inputs, labels, "Gaussian augmentation");
    require(noise.defined() && noise.sizes() == inputs.sizes(), "Gaussian augmentation: noise must have the inputs' shape");
    return crossEntropyLoss(model, inputs + noise, labels);
}

MacerLoss macerLossFromLogits(const torch::Tensor& logits, const torch::Tensor& labels, const MacerConfig& config, double sigma) {
    config.validate();
    require(logits.dim() == 3, "MACER: logits must be [N, k, classes], got ", logits.dim(), " dims");
    require(logits.size(2) >= 2, "MACER: needs at least two classes");
    require(labels.dim() == 1 && labels.size(0) == logits.size(0), "MACER: ", logits.size(0), " points but ", labels.numel(),
            " labels");
    const auto points = static_cast<double>(logits.size(0));
    const auto target = labels.unsqueeze(1);

    // Classification: the base classifier's softmax (β = 1) averaged over the k copies; 1e-10 keeps log finite.
    const auto averaged = torch::softmax(logits, 2).mean(1);
    MacerLoss out;
    out.classification = -torch::log(averaged.gather(1, target).squeeze(1) + 1e-10).sum() / points;

    // Robustness: the β-sharpened soft classifier; its top two classes give the Φ⁻¹ gap ξ.
    const auto soft = torch::softmax(config.inverseTemperature * logits, 2).mean(1);
    const auto top2 = soft.topk(2, 1);
    const auto& top2Values = std::get<0>(top2);
    out.correct = std::get<1>(top2).select(1, 0) == labels;
    {
        // Which points pay the hinge is a constant of the step; deciding it without gradient keeps a point whose
        // ξ is ±inf (a probability of exactly 0 or 1) from injecting NaN gradients.
        torch::NoGradGuard noGrad;
        const auto gap = normalQuantile(top2Values.select(1, 0)) - normalQuantile(top2Values.select(1, 1));
        out.hinged = out.correct & torch::isfinite(gap) & (gap < config.gamma);
    }
    const auto paying = out.hinged.nonzero().squeeze(1);
    const auto paid = top2Values.index_select(0, paying);
    const auto gap = normalQuantile(paid.select(1, 0)) - normalQuantile(paid.select(1, 1));
    out.robustness = 0.5 * sigma * (config.gamma - gap).sum() / points;
    out.loss = out.classification + config.lambda * out.robustness;
    return out;
}

MacerLoss macerLoss(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels, const torch::Tensor& noise,
                    const MacerConfig& config, double sigma) {
    requireBatch(inputs, labels, "MACER");
    requireNoise(inputs, noise, "MACER");
    return macerLossFromLogits(noisyLogits(model, inputs, noise), labels, config, sigma);
}

torch::Tensor smoothAdvAttack(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                              const torch::Tensor& noise, double epsilon, std::int64_t steps,
                              std::optional<torch::Generator> generator) {
    requireBatch(inputs, labels, "SmoothAdv attack");
    requireNoise(inputs, noise, "SmoothAdv attack");
    require(std::isfinite(epsilon) && epsilon >= 0.0, "SmoothAdv attack: epsilon must be >= 0, got ", epsilon);
    require(steps >= 1, "SmoothAdv attack: steps must be >= 1, got ", steps);
    const auto clean = inputs.detach();
    if (epsilon == 0.0) return clean.clone();
    const double stepSize = 2.0 * epsilon / static_cast<double>(steps);
    const std::int64_t points = clean.size(0);
    std::vector<std::int64_t> perPoint(static_cast<std::size_t>(clean.dim()), 1);
    perPoint[0] = points;

    auto delta = torch::zeros_like(clean);
    for (std::int64_t step = 0; step < steps; ++step) {
        auto variable = delta.clone().requires_grad_(true);
        const auto logits = noisyLogits(model, clean + variable, noise);
        // Cross-entropy of the soft smoothed classifier: −log of the softmax averaged over the m copies. Summed, so
        // each point's gradient is its own; the step normalises it anyway.
        const auto averaged = torch::softmax(logits, 2).mean(1);
        const auto loss = -torch::log(averaged.gather(1, labels.unsqueeze(1)).clamp_min(1e-20)).sum();
        auto gradient = torch::autograd::grad({loss}, {variable})[0];

        torch::NoGradGuard noGrad;
        auto norms = gradient.flatten(1).norm(2, 1);
        const auto flat = norms == 0;
        if (flat.any().item<bool>()) {
            // A flat loss gives no direction; a random one (as Salman et al.) keeps the search moving.
            const auto random =
                generator ? torch::randn(gradient.sizes(), *generator, gradient.options()) : torch::randn_like(gradient);
            gradient = torch::where(flat.view(perPoint), random, gradient);
            norms = gradient.flatten(1).norm(2, 1);
        }
        delta = delta + stepSize * gradient / norms.view(perPoint);
        delta = (clean + delta).clamp(0.0, 1.0) - clean;
        // Shrinking δ toward 0 keeps x + δ in [0, 1] (a segment between two points of the box), so projecting onto
        // the ball after the clip satisfies both constraints.
        const auto length = delta.flatten(1).norm(2, 1);
        const auto scale = (epsilon / length.clamp_min(1e-12)).clamp_max(1.0);
        delta = delta * scale.view(perPoint);
    }
    return (clean + delta).detach();
}

torch::Tensor cropFlipAugment(const torch::Tensor& images, torch::Generator& generator, std::int64_t padding) {
    require(images.dim() == 4, "crop+flip augmentation needs [N, C, H, W] images, got ", images.dim(), " dims");
    require(padding >= 0, "crop+flip augmentation: padding must be >= 0, got ", padding);
    const std::int64_t n = images.size(0), h = images.size(2), w = images.size(3);
    const auto padded = torch::constant_pad_nd(images, {padding, padding, padding, padding}, 0.0);
    const auto cpuLong = torch::TensorOptions().dtype(torch::kLong);
    const auto offsets = torch::randint(0, 2 * padding + 1, {n, 2}, generator, cpuLong);
    const auto flips = torch::randint(0, 2, {n}, generator, cpuLong);
    const auto offset = offsets.accessor<std::int64_t, 2>();
    const auto flip = flips.accessor<std::int64_t, 1>();
    std::vector<torch::Tensor> out;
    out.reserve(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        auto crop = padded[i].slice(1, offset[i][0], offset[i][0] + h).slice(2, offset[i][1], offset[i][1] + w);
        out.push_back(flip[i] ? crop.flip({2}) : crop);
    }
    return torch::stack(out);
}

} // namespace pacd
