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

} // namespace pacd
