#pragma once
// The loss of one training step under each defense, written once: the victims' training loop (trainer.cpp) and the
// attack's lower level (PacdAttack) both call defenseStepLoss(), so the two cannot drift apart in what they draw
// or how they combine it.
#include "models/classifier.h"
#include "training/losses.h"
#include "training/train_config.h"

#include <torch/types.h>

namespace pacd {

/// Who takes the step. The loss is the same number for both; under SmoothAdv the attack's lower level adds the PGD
/// offset to the inputs as a constant (x + (x' − x).detach()), so that ζ still depends on the poisons through x'
/// (§3.2), where a victim trains on x' itself. (Until December 2026 the lower level also ran the PGD in train mode
/// and drew fresh noise for the augmentation term; it now takes the trainer's step, ε warm-up included.)
enum class StepRole {
    Training,        ///< a victim's training step (trainer.cpp)
    AttackLowerLevel ///< the PACD attack's lower level (PacdAttack), whose inputs carry the poisons' gradient
};

/// One step's settings, as in force at that step.
struct DefenseStepConfig {
    TrainMethod method = TrainMethod::GaussianAugmentation;
    double sigma = 0.25;       ///< σ of the Gaussian noise (ignored by standard)
    MacerConfig macer;         ///< MACER: k, γ, β and the λ of this step (MacerConfig::lambdaAt)
    SmoothAdvConfig smoothAdv; ///< SmoothAdv: m, steps and the ε of this step (SmoothAdvConfig::epsilonAt)
    StepRole role = StepRole::Training;
};

/// The loss of one step under `config.method` on (inputs, labels) and which points the trained classifier got right.
/// Every random draw comes from `generator`, in a fixed order: GA one σ·N(0, I) of the inputs' shape; MACER one
/// [N, k, ...] draw; SmoothAdv one [N, m, ...] draw (its first copy is the augmentation's noise), then the PGD's
/// random directions (if a gradient vanishes). Standard draws nothing. The model runs as the caller set it (train
/// mode), except for SmoothAdv's inner maximisation (eval mode, as Salman et al.).
BatchLoss defenseStepLoss(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                          const DefenseStepConfig& config, torch::Generator& generator);

/// Whether a step's loss is a mean of independent per-row terms (standard and GA; MACER and SmoothAdv too in
/// principle, but their draws interleave the rows' PGD and are not split here), so that rowShareOfStepLoss applies.
/// The model must not couple rows either (no batch-norm in train mode: modelCouplesRows).
bool stepLossIsRowSeparable(TrainMethod method);

/// Batch-norm layers (running statistics among the buffers) tie every row's output to the batch in train mode.
bool modelCouplesRows(const ClassifierImpl& model);

/// The part of defenseStepLoss(model, cat(others, rows), labels, config, generator) that depends on `rows`, the
/// batch's last rows: their terms with the same draws (the noise of those rows) and the whole batch's
/// normalisation, for `otherRows` rows before them. Its gradient in `rows` and its mixed partial with θ are the
/// whole loss's (with dropout, in distribution: masks are not drawn from `generator`). Requires a row-separable
/// method (stepLossIsRowSeparable).
torch::Tensor rowShareOfStepLoss(ClassifierImpl& model, std::int64_t otherRows, const torch::Tensor& rows,
                                 const torch::Tensor& rowLabels, const DefenseStepConfig& config, torch::Generator& generator);

} // namespace pacd
