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

bool stepLossIsRowSeparable(TrainMethod method) {
    return method == TrainMethod::Standard || method == TrainMethod::GaussianAugmentation;
}

bool modelCouplesRows(const ClassifierImpl& model) {
    for (const auto& buffer : model.named_buffers())
        if (buffer.key().find("running_mean") != std::string::npos) return true;
    return false;
}

torch::Tensor rowShareOfStepLoss(ClassifierImpl& model, std::int64_t otherRows, const torch::Tensor& rows,
                                 const torch::Tensor& rowLabels, const DefenseStepConfig& config, torch::Generator& generator) {
    require(stepLossIsRowSeparable(config.method), "defense step: the loss of this method is not split by rows");
    require(otherRows >= 0 && rows.dim() >= 1, "defense step: bad row share (", otherRows, " rows before ", rows.sizes(), ")");
    const auto whole = otherRows + rows.size(0);
    auto inputs = rows;
    if (config.method == TrainMethod::GaussianAugmentation) {
        // The whole batch's draw, as defenseStepLoss makes it, of which these rows take their slice.
        auto shape = rows.sizes().vec();
        shape[0] = whole;
        const auto noise = torch::randn(shape, generator, rows.options().requires_grad(false)) * config.sigma;
        inputs = rows + noise.slice(0, otherRows);
    }
    return crossEntropyLoss(model, inputs, rowLabels).loss * (static_cast<double>(rows.size(0)) / static_cast<double>(whole));
}

} // namespace pacd
