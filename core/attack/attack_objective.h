#pragma once
// Upper-level objectives ξ that ApproxGrad minimises, besides the soft ACR (smoothing/soft_radius.h).
#include <torch/types.h>

namespace pacd {

/// Standard bilevel poisoning's upper level (App. D.1, Eq. 4): the attacker wants the target class's validation
/// points misclassified, i.e. their cross-entropy large, so ξ = −mean CE(logits, labels). The paper prints "min" over
/// the CE; its text (and Table 1) is about misclassifying the digit 8, which is the maximum.
torch::Tensor misclassificationObjective(const torch::Tensor& logits, const torch::Tensor& labels);

} // namespace pacd
