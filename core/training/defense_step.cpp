#include "training/defense_step.h"

#include "smoothing/eval_mode.h"
#include "support/error.h"

#include <torch/torch.h>

#include <vector>

namespace pacd {
namespace {

// [N, copies, ...input shape]: `copies` noise draws per point.
std::vector<std::int64_t> withCopies(const torch::Tensor& inputs, std::int64_t copies) {
    auto shape = inputs.sizes().vec();
    shape.insert(shape.begin() + 1, copies);
    return shape;
}

BatchLoss smoothAdvStep(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                        const DefenseStepConfig& config, torch::Generator& generator) {
    // Noise is drawn without autograd history whatever the inputs carry: it is data, not a function of the poisons.
    const auto options = inputs.options().requires_grad(false);
    const auto noise = torch::randn(withCopies(inputs, config.smoothAdv.samples), generator, options) * config.sigma;
    torch::Tensor adversarial;
    {
        // Salman et al. attack the model in eval mode (no dropout, batch-norm on its running statistics).
        EvalModeScope eval(model);
        adversarial =
            smoothAdvAttack(model, inputs.detach(), labels, noise, config.smoothAdv.epsilon, config.smoothAdv.steps, generator);
    }
    // The attack's lower level keeps the PGD step as a constant offset, so that ζ still depends on the poisons
    // through x' = u + δ (§3.2); a victim's inputs carry no gradient, and the two are the same numbers.
    const auto trained = config.role == StepRole::AttackLowerLevel ? inputs + (adversarial - inputs).detach() : adversarial;
    // Trained on the noisy copy the PGD attacked (the paper's k = 1; train_pgd.py's default).
    return gaussianAugmentationLoss(model, trained, labels, noise.select(1, 0));
}

} // namespace

BatchLoss defenseStepLoss(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                          const DefenseStepConfig& config, torch::Generator& generator) {
    const auto options = inputs.options().requires_grad(false);
    switch (config.method) {
    case TrainMethod::Standard:
        return crossEntropyLoss(model, inputs, labels);
    case TrainMethod::GaussianAugmentation:
        return gaussianAugmentationLoss(model, inputs, labels, torch::randn(inputs.sizes(), generator, options) * config.sigma);
    case TrainMethod::Macer: {
        const auto noise = torch::randn(withCopies(inputs, config.macer.samples), generator, options) * config.sigma;
        const auto out = macerLoss(model, inputs, labels, noise, config.macer, config.sigma);
        return BatchLoss{out.loss, out.correct};
    }
    case TrainMethod::SmoothAdv:
        return smoothAdvStep(model, inputs, labels, config, generator);
    }
    fail("defense step: unknown training method ", static_cast<int>(config.method));
}

} // namespace pacd
