#pragma once
// The upper level's objective ξ that ApproxGrad minimises (Alg. 1): PACD's soft ACR (smoothing/soft_radius.h) or
// standard bilevel poisoning's cross-entropy (App. D.1, Eq. 4), evaluated as the victims are: in eval mode.
#include "attack/pacd_config.h"
#include "models/classifier.h"
#include "smoothing/soft_radius.h"

#include <torch/types.h>

namespace pacd {

/// Standard bilevel poisoning's upper level (App. D.1, Eq. 4): the attacker wants the target class's validation
/// points misclassified, i.e. their cross-entropy large, so ξ = −mean CE(logits, labels). The paper prints "min" over
/// the CE; its text (and Table 1) is about misclassifying the digit 8, which is the maximum.
torch::Tensor misclassificationObjective(const torch::Tensor& logits, const torch::Tensor& labels);

/// ξ on validation points [N, ...] with labels [N]: the soft ACR (with `noise` from drawSoftNoise) or Eq. 4's −CE.
/// The model runs in eval mode and is put back in the mode it had: batch-norm uses the running statistics that the
/// lower-level steps keep up to date, so ξ is the objective of the network the victims certify, not of one that
/// normalises each 20-image validation batch by its own statistics. (No effect on the MNIST CNN: no batch-norm,
/// and the attack runs without dropout.)
torch::Tensor upperObjective(ClassifierImpl& model, AttackObjective objective, const torch::Tensor& inputs,
                             const torch::Tensor& labels, const SoftRadiusConfig& soft, const torch::Tensor& noise);

} // namespace pacd
