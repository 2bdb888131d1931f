#include "attack/toy_attack.h"

#include "models/classifier.h"
#include "models/logistic_regression.h"
#include "support/error.h"

#include <torch/torch.h>

#include <cmath>

namespace pacd {
namespace {

struct LinearModel {
    Classifier model;
    LogisticRegressionImpl* linear;
};

LinearModel makeLinear(std::uint64_t seed) {
    torch::manual_seed(seed);
    auto model = makeClassifier(defaultModelSpec("logistic", "toy-gaussians"));
    return {model, dynamic_cast<LogisticRegressionImpl*>(model.get())};
}

// Gaussian augmentation's loss: cross-entropy on one noisy copy of every point; the noise of draw d is fixed.
torch::Tensor gaussianAugmentationLoss(ClassifierImpl& model, const torch::Tensor& x, const torch::Tensor& y, double sigma,
                                       std::uint64_t seed, std::int64_t draw) {
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed * 1000003ULL + static_cast<std::uint64_t>(draw));
    const auto noise = torch::randn(x.sizes(), generator, x.options().requires_grad(false)) * sigma;
    return torch::cross_entropy_loss(model.forward(x + noise), y);
}

// Checks `cancel` every step: a step costs microseconds, and the playground's Cancel must not wait for a retraining.
void train(ClassifierImpl& model, const torch::Tensor& x, const torch::Tensor& y, double sigma, double lr, std::int64_t steps,
           std::uint64_t seed, const CancelToken& cancel) {
    torch::optim::Adam optimiser(model.parameters(), torch::optim::AdamOptions(lr));
    for (std::int64_t s = 0; s < steps; ++s) {
        cancel.throwIfCancelled();
        optimiser.zero_grad();
        gaussianAugmentationLoss(model, x, y, sigma, seed, s).backward();
        optimiser.step();
    }
}

// Distance of `point` to the boundary of the logit difference, on class 0's side (negative = misclassified).
double signedDistanceForClass0(LogisticRegressionImpl& linear, const torch::Tensor& point) {
    torch::NoGradGuard noGrad;
    const auto w = linear.linear()->weight[0] - linear.linear()->weight[1];
    const auto b = linear.linear()->bias[0] - linear.linear()->bias[1];
    return ((w * point).sum() + b).item<double>() / w.norm().item<double>();
}

torch::Tensor boundaryOf(LogisticRegressionImpl& linear) {
    torch::NoGradGuard noGrad;
    const auto w = linear.linear()->weight[0] - linear.linear()->weight[1];
    const auto b = linear.linear()->bias[0] - linear.linear()->bias[1];
    return torch::cat({w, b.view({1})}).clone();
}

} // namespace

void ToyAttackConfig::validate() const {
    require(epsilon >= 0, "toy setting 'epsilon' must be >= 0, got ", epsilon);
    require(sigma >= 0, "toy setting 'sigma' must be >= 0, got ", sigma);
    require(upperSteps >= 1, "toy setting 'upper steps' must be >= 1, got ", upperSteps);
    require(retrainSteps >= 1 && warmupSteps >= 0, "toy settings 'retrain steps' >= 1 and 'warm-up steps' >= 0");
    require(learningRate > 0, "toy setting 'learning rate' must be > 0, got ", learningRate);
}

torch::Tensor linearCertifiedRadius(const torch::Tensor& weight, const torch::Tensor& bias, const torch::Tensor& points,
                                    const torch::Tensor& labels) {
    require(weight.dim() == 2 && weight.size(0) == 2, "linearCertifiedRadius needs a two-class weight [2, d]");
    const auto difference = weight[0] - weight[1];
    const auto margin0 = points.matmul(difference) + (bias[0] - bias[1]);
    // Class 0 is on the positive side of the logit difference, class 1 on the negative one.
    const auto sign = 1.0 - 2.0 * labels.to(points.scalar_type());
    return torch::relu(sign * margin0) / difference.norm();
}

double toyAnalyticRadius(double negativeMean, double positiveMean, double shift, std::int64_t dimensions) {
    // The boundary is the bisector of (μ₋ + shift)·1 and μ₊·1: the hyperplane Σx = d·(μ₋ + shift + μ₊)/2.
    const double offset = (positiveMean + negativeMean + shift) / 2.0 - negativeMean;
    return std::abs(offset) * std::sqrt(static_cast<double>(dimensions));
}

ToyAttackResult runToyAttack(const ToyAttackConfig& config, CancelToken& cancel, const ProgressSink& progress,
                             const ToyStepObserver& observer) {
    config.validate();
    const auto train0 = makeToyGaussians(config.data);
    auto validationConfig = config.data;
    validationConfig.seed = config.data.seed + 1;
    const auto validation = makeToyGaussians(validationConfig);
    auto testConfig = config.data;
    testConfig.seed = config.data.seed + 2;
    const auto test = makeToyGaussians(testConfig);

    const auto targetRows = torch::tensor(train0.indicesOfClass(0), torch::kLong);
    const auto otherRows = torch::tensor(train0.indicesOfClass(1), torch::kLong);
    const auto base = train0.images.index_select(0, targetRows).clone();
    auto poisons = base.clone();
    const auto clean = train0.images.index_select(0, otherRows);
    const auto poisonLabels = torch::zeros({base.size(0)}, torch::kLong);
    const auto cleanLabels = torch::ones({clean.size(0)}, torch::kLong);
    const auto labels = torch::cat({cleanLabels, poisonLabels});
    const auto validationTarget = validation.images.index_select(0, torch::tensor(validation.indicesOfClass(0), torch::kLong));
    const auto validationLabels = torch::zeros({validationTarget.size(0)}, torch::kLong);

    // The lower level starts near its optimum on clean data: ApproxGrad's implicit gradient assumes θ ≈ θ*(u).
    auto lowerModel = makeLinear(config.seed);
    train(*lowerModel.model, train0.images, train0.labels, config.sigma, config.learningRate, config.warmupSteps, config.seed + 7,
          cancel);

    ApproxGradConfig attack;
    attack.lowerLearningRate = config.learningRate;
    attack.solver = config.solver;
    attack.linearSteps = 6;
    attack.poisonStep = PoisonStep::Sign;
    attack.epsilon = config.epsilon;
    attack.clampToUnit = false;
    ApproxGrad solver(lowerModel.model->parameters(), base.sizes().vec(), attack);
    const auto allRows = torch::arange(base.size(0), torch::kLong);
    auto& model = *lowerModel.model;
    const LowerObjective lower = [&](const torch::Tensor& u, std::int64_t draw) {
        return gaussianAugmentationLoss(model, torch::cat({clean, u}), labels, config.sigma, config.seed + 11, draw);
    };
    // For a linear model the smoothed classifier's radius is exact and differentiable: ξ is the ACR itself.
    const UpperObjective upper = [&](std::int64_t) {
        return linearCertifiedRadius(lowerModel.linear->linear()->weight, lowerModel.linear->linear()->bias, validationTarget,
                                     validationLabels)
            .mean();
    };

    ToyAttackResult result;
    for (std::int64_t step = 0; step < config.upperSteps; ++step) {
        cancel.throwIfCancelled();
        const auto stats = solver.step(poisons, base, allRows, lower, upper);
        result.steps.push_back(stats);
        const auto shift = (poisons - base).mean(0);
        report(progress, ProgressEvent{"toy",
                                       step + 1,
                                       config.upperSteps,
                                       {{"upper", stats.upper},
                                        {"hypergradient", stats.hypergradientNorm},
                                        {"shift_x", shift[0].item<double>()},
                                        {"shift_y", shift[1].item<double>()}},
                                       {}});
        if (observer)
            observer(ToyAttackStep{step + 1, config.upperSteps, poisons.clone(), boundaryOf(*lowerModel.linear), stats});
    }

    // Retrain from scratch, the same way on clean and on poisoned data, and measure.
    const auto poisonedImages = torch::cat({clean, poisons});
    auto cleanModel = makeLinear(config.seed + 100);
    train(*cleanModel.model, torch::cat({clean, base}), labels, config.sigma, config.learningRate, config.retrainSteps,
          config.seed + 200, cancel);
    auto poisonedModel = makeLinear(config.seed + 100);
    train(*poisonedModel.model, poisonedImages, labels, config.sigma, config.learningRate, config.retrainSteps, config.seed + 200,
          cancel);

    const auto mean = torch::full({2}, config.data.negativeMean, torch::kFloat);
    result.analyticClean = toyAnalyticRadius(config.data.negativeMean, config.data.positiveMean, 0.0);
    result.analyticPoisoned = toyAnalyticRadius(config.data.negativeMean, config.data.positiveMean, -config.epsilon);
    result.cleanRadius = signedDistanceForClass0(*cleanModel.linear, mean);
    result.poisonedRadius = signedDistanceForClass0(*poisonedModel.linear, mean);
    const auto testTarget = test.images.index_select(0, torch::tensor(test.indicesOfClass(0), torch::kLong));
    const auto testLabels = torch::zeros({testTarget.size(0)}, torch::kLong);
    {
        torch::NoGradGuard noGrad;
        result.cleanAcr =
            linearCertifiedRadius(cleanModel.linear->linear()->weight, cleanModel.linear->linear()->bias, testTarget, testLabels)
                .mean()
                .item<double>();
        result.poisonedAcr = linearCertifiedRadius(poisonedModel.linear->linear()->weight, poisonedModel.linear->linear()->bias,
                                                   testTarget, testLabels)
                                 .mean()
                                 .item<double>();
    }
    const auto shift = (poisons - base).mean(0);
    result.meanShift = {shift[0].item<double>(), shift[1].item<double>()};
    result.base = base;
    result.poisons = poisons;
    result.cleanBoundary = boundaryOf(*cleanModel.linear);
    result.poisonedBoundary = boundaryOf(*poisonedModel.linear);
    return result;
}

} // namespace pacd
