#include "attack/attack_objective.h"

#include "smoothing/eval_mode.h"

#include <torch/torch.h>

namespace pacd {

torch::Tensor misclassificationObjective(const torch::Tensor& logits, const torch::Tensor& labels) {
    // In fp32 whatever the logits' precision: the log-softmax of bf16 logits loses the small probabilities Eq. 4 moves.
    return -torch::nn::functional::cross_entropy(logits.to(torch::kFloat), labels);
}

torch::Tensor upperObjective(ClassifierImpl& model, AttackObjective objective, const torch::Tensor& inputs,
                             const torch::Tensor& labels, const SoftRadiusConfig& soft, const torch::Tensor& noise) {
    const EvalModeScope eval(model);
    if (objective == AttackObjective::CrossEntropy) return misclassificationObjective(model.forward(inputs), labels);
    return softRadius(model, inputs, labels, soft, noise).objective;
}

} // namespace pacd
