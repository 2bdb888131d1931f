// The one file of ui/toy that includes torch; it includes no Qt header.
#include "toy/toy_engine.h"

#include "attack/toy_attack.h"
#include "data/toy_gaussians.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>

namespace pacd::ui {
namespace {

ToyAttackConfig configOf(const ToySettings& settings) {
    ToyAttackConfig config;
    config.epsilon = settings.epsilon;
    config.sigma = settings.sigma;
    config.upperSteps = settings.upperSteps;
    if (settings.pointsPerClass > 0) config.data.pointsPerClass = settings.pointsPerClass;
    if (settings.retrainSteps > 0) config.retrainSteps = settings.retrainSteps;
    config.seed = settings.seed;
    return config;
}

ToyPoints pointsOf(const torch::Tensor& xy) {
    const auto data = xy.to(torch::kDouble).contiguous();
    const auto* p = data.data_ptr<double>();
    ToyPoints points;
    points.x.resize(static_cast<std::size_t>(data.size(0)));
    points.y.resize(points.x.size());
    for (std::size_t i = 0; i < points.x.size(); ++i) {
        points.x[i] = p[2 * i];
        points.y[i] = p[2 * i + 1];
    }
    return points;
}

ToyLine lineOf(const torch::Tensor& abc) {
    const auto v = abc.to(torch::kDouble).contiguous();
    return ToyLine{v[0].item<double>(), v[1].item<double>(), v[2].item<double>()};
}

} // namespace

double ToyLine::distance(double x, double y) const {
    return std::abs(side(x, y)) / std::hypot(a, b);
}

ToySettings defaultToySettings() {
    const ToyAttackConfig config;
    ToySettings settings;
    settings.epsilon = config.epsilon;
    settings.sigma = config.sigma;
    settings.upperSteps = config.upperSteps;
    settings.pointsPerClass = config.data.pointsPerClass;
    settings.retrainSteps = config.retrainSteps;
    settings.seed = config.seed;
    return settings;
}

ToyData toyData(const ToySettings& settings) {
    const auto config = configOf(settings);
    const auto data = makeToyGaussians(config.data);
    const auto negative = data.images.index_select(0, torch::tensor(data.indicesOfClass(0), torch::kLong));
    const auto positive = data.images.index_select(0, torch::tensor(data.indicesOfClass(1), torch::kLong));
    return ToyData{pointsOf(negative), pointsOf(positive), config.data.negativeMean, config.data.positiveMean};
}

ToyLine analyticToyBoundary(double negativeMean, double positiveMean, double shift) {
    // Class −1 on the positive side: (μ₋ + shift + μ₊) − x − y > 0 below the bisector.
    return ToyLine{-1.0, -1.0, negativeMean + shift + positiveMean};
}

ToyOutcome runToy(const ToySettings& settings, CancelToken& cancel, const std::function<void(const ToyStepView&)>& onStep) {
    const auto started = std::chrono::steady_clock::now();
    const auto config = configOf(settings);
    const auto result = runToyAttack(config, cancel, silentProgress(), [&](const ToyAttackStep& step) {
        if (!onStep) return;
        onStep(ToyStepView{step.step, step.total, pointsOf(step.poisons), lineOf(step.lowerBoundary), step.stats.upper});
    });
    ToyOutcome outcome;
    outcome.data = toyData(settings);
    outcome.poisons = pointsOf(result.poisons);
    outcome.cleanBoundary = lineOf(result.cleanBoundary);
    outcome.poisonedBoundary = lineOf(result.poisonedBoundary);
    outcome.analyticClean = result.analyticClean;
    outcome.analyticPoisoned = result.analyticPoisoned;
    outcome.cleanRadius = result.cleanRadius;
    outcome.poisonedRadius = result.poisonedRadius;
    outcome.cleanAcr = result.cleanAcr;
    outcome.poisonedAcr = result.poisonedAcr;
    outcome.meanShiftX = result.meanShift.at(0);
    outcome.meanShiftY = result.meanShift.at(1);
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return outcome;
}

} // namespace pacd::ui
