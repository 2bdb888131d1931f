#include "smoothing/pgd_distortion.h"

#include "smoothing/certify.h"
#include "smoothing/eval_mode.h"
#include "support/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pacd {

void PgdDistortionConfig::validate() const {
    require(sigma > 0.0 && std::isfinite(sigma), "pgd-distortion setting 'sigma' must be > 0, got ", sigma);
    require(samples >= 1, "pgd-distortion setting 'samples' must be >= 1, got ", samples);
    require(steps >= 1, "pgd-distortion setting 'steps' must be >= 1, got ", steps);
    require(iterations >= 0, "pgd-distortion setting 'iterations' must be >= 0, got ", iterations);
    require(minEpsilon > 0.0, "pgd-distortion setting 'minEpsilon' must be > 0, got ", minEpsilon);
    require(maxEpsilon > minEpsilon, "pgd-distortion setting 'maxEpsilon' must exceed minEpsilon, got ", maxEpsilon);
    require(stepScale > 0.0, "pgd-distortion setting 'stepScale' must be > 0, got ", stepScale);
    require(evalSamples >= 1, "pgd-distortion setting 'evalSamples' must be >= 1, got ", evalSamples);
    require(batch >= 1, "pgd-distortion setting 'batch' must be >= 1, got ", batch);
}

namespace {

// Broadcasts a per-point [P] tensor over [P, ...].
torch::Tensor perPoint(const torch::Tensor& values, const torch::Tensor& like) {
    std::vector<std::int64_t> shape(static_cast<std::size_t>(like.dim()), 1);
    shape[0] = values.size(0);
    return values.view(shape);
}

torch::Tensor l2Norms(const torch::Tensor& t) {
    return t.flatten(1).norm(2, 1);
}

// ℓ2 PGD against the soft smoothed classifier, one radius per point; returns the perturbations δ.
torch::Tensor attack(ClassifierImpl& model, const torch::Tensor& x, const torch::Tensor& target, const torch::Tensor& epsilon,
                     const PgdDistortionConfig& config, torch::Generator& generator, const CancelToken& cancel) {
    torch::AutoGradMode gradients(true);
    const std::int64_t points = x.size(0);
    const auto radius = perPoint(epsilon, x);
    const auto stepSize = radius * (config.stepScale / static_cast<double>(config.steps));
    auto noiseShape = x.sizes().vec();
    noiseShape.insert(noiseShape.begin() + 1, config.samples);
    auto delta = torch::zeros_like(x);
    for (std::int64_t step = 0; step < config.steps; ++step) {
        cancel.throwIfCancelled();
        delta.requires_grad_(true);
        const auto noise = torch::randn(noiseShape, generator, x.options()) * config.sigma;
        const auto noisy = ((x + delta).unsqueeze(1) + noise).flatten(0, 1);
        const auto logits = model.forward(noisy);
        const auto averaged = torch::softmax(logits, 1).view({points, config.samples, -1}).mean(1);
        // Cross-entropy of the averaged softmax (Salman et al.'s smoothed loss), not the mean of per-sample losses.
        const auto loss = torch::nll_loss(torch::log(averaged.clamp_min(1e-12)), target,
                                          /*weight=*/{}, at::Reduction::Sum);
        const auto gradient = torch::autograd::grad({loss}, {delta})[0];
        torch::NoGradGuard noGrad;
        const auto direction = gradient / perPoint(l2Norms(gradient).clamp_min(1e-12), gradient);
        auto next = delta.detach() + stepSize * direction;
        next = next * perPoint(torch::clamp_max(epsilon / l2Norms(next).clamp_min(1e-12), 1.0), next);
        if (config.clipToUnitBox) next = (x + next).clamp(0.0, 1.0) - x;
        delta = next.detach();
    }
    return delta.detach();
}

} // namespace

std::vector<DistortionResult> pgdDistortion(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                                            const PgdDistortionConfig& config, CancelToken& cancel, const ProgressSink& progress,
                                            const std::vector<std::int64_t>& indices) {
    config.validate();
    require(inputs.defined() && inputs.dim() >= 2, "pgd-distortion: inputs must be [points, ...]");
    const std::int64_t points = inputs.size(0);
    require(labels.dim() == 1 && labels.size(0) == points, "pgd-distortion: ", points, " inputs but ", labels.numel(), " labels");
    require(indices.empty() || static_cast<std::int64_t>(indices.size()) == points, "pgd-distortion: ", indices.size(),
            " indices for ", points, " points");
    EvalModeScope evalMode(model);
    const auto device = modelDevice(model);
    auto generator = makeNoiseGenerator(device, config.seed);
    const auto cpuLabels = labels.to(torch::kCPU, torch::kLong);

    // Points per chunk so that one attack forward holds about `batch` noisy samples.
    const std::int64_t chunk = std::max<std::int64_t>(1, config.batch / config.samples);
    std::vector<DistortionResult> results;
    double distortionSum = 0.0;
    std::int64_t foundCount = 0;
    for (std::int64_t first = 0; first < points; first += chunk) {
        cancel.throwIfCancelled();
        const std::int64_t last = std::min(points, first + chunk);
        const std::int64_t count = last - first;
        const auto x = inputs.slice(0, first, last).to(device, modelDtype(model));
        const auto vote = [&](const torch::Tensor& at) {
            torch::NoGradGuard noGrad;
            return sampleVoteCounts(model, at, config.evalSamples, config.sigma, config.batch, generator, &cancel)
                .argmax(1)
                .to(device);
        };
        const auto clean = vote(x);
        const auto options = torch::TensorOptions().dtype(torch::kDouble);
        auto low = torch::full({count}, config.minEpsilon, options);
        auto high = torch::full({count}, config.maxEpsilon, options);
        auto best = torch::full({count}, std::numeric_limits<double>::infinity(), options);
        // Try the largest ε first: points it cannot move are reported as not found; then bisect in log scale
        // (ε spans three decades), keeping the smallest successful ‖δ‖.
        auto epsilon = high.clone();
        for (std::int64_t round = 0; round <= config.iterations; ++round) {
            const auto delta = attack(model, x, clean, epsilon.to(device, x.scalar_type()), config, generator, cancel);
            const auto success = (vote(x + delta) != clean).cpu();
            const auto norms = l2Norms(delta).cpu().to(torch::kDouble);
            best = torch::where(success, torch::minimum(best, norms), best);
            high = torch::where(success, epsilon, high);
            low = torch::where(success, low, epsilon);
            if (round == 0) low = torch::where(success, low, high); // nothing found: freeze the interval
            epsilon = torch::sqrt(low * high);
        }
        const auto cleanCpu = clean.cpu();
        for (std::int64_t i = 0; i < count; ++i) {
            DistortionResult r;
            r.index = indices.empty() ? first + i : indices[static_cast<std::size_t>(first + i)];
            r.label = cpuLabels[first + i].item<std::int64_t>();
            r.cleanPrediction = cleanCpu[i].item<std::int64_t>();
            r.distortion = best[i].item<double>();
            r.found = std::isfinite(r.distortion);
            if (r.found) {
                distortionSum += r.distortion;
                ++foundCount;
            }
            results.push_back(r);
        }
        ProgressEvent event;
        event.stage = "pgd-distortion";
        event.step = last;
        event.total = points;
        event.metrics["mean_distortion"] = foundCount > 0 ? distortionSum / double(foundCount) : 0.0;
        event.metrics["found_rate"] = double(foundCount) / double(last);
        report(progress, event);
    }
    return results;
}

double meanDistortion(const std::vector<DistortionResult>& results) {
    double sum = 0.0;
    std::int64_t found = 0;
    for (const auto& r : results)
        if (r.found) {
            sum += r.distortion;
            ++found;
        }
    return found > 0 ? sum / double(found) : std::numeric_limits<double>::quiet_NaN();
}

} // namespace pacd
