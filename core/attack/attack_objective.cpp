#include "attack/attack_objective.h"

#include <torch/torch.h>

namespace pacd {

torch::Tensor misclassificationObjective(const torch::Tensor& logits, const torch::Tensor& labels) {
    // In fp32 whatever the logits' precision: the log-softmax of bf16 logits loses the small probabilities Eq. 4 moves.
    return -torch::nn::functional::cross_entropy(logits.to(torch::kFloat), labels);
}

} // namespace pacd
