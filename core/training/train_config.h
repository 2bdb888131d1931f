#pragma once
// Torch-free but for c10's small Device type, so that plans and front ends can hold training settings.
#include "support/names.h"
#include "support/precision.h"

#include <c10/core/Device.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pacd {

/// The victim's training procedure (paper §2, §3.2).
enum class TrainMethod {
    Standard,             ///< cross-entropy on clean inputs
    GaussianAugmentation, ///< "ga": cross-entropy on x + N(0, σ²I), one fresh draw per step (Cohen et al.)
    Macer,                ///< MACER (Zhai et al.): soft-classifier loss + certified-radius hinge
    SmoothAdv,            ///< SmoothAdv (Salman et al.): ℓ2 PGD against the soft smoothed classifier, then GA
};

template <> struct NameTable<TrainMethod> {
    static constexpr const char* what = "training method";
    static constexpr std::array<std::pair<TrainMethod, const char*>, 4> entries{{{TrainMethod::Standard, "standard"},
                                                                                 {TrainMethod::GaussianAugmentation, "ga"},
                                                                                 {TrainMethod::Macer, "macer"},
                                                                                 {TrainMethod::SmoothAdv, "smoothadv"}}};
};

/// "standard", "ga", "macer", "smoothadv".
std::string methodName(TrainMethod method);
/// Inverse of methodName(); throws pacd::Error listing the known names.
TrainMethod parseMethod(const std::string& name);
/// Every method name, in the order above.
const std::vector<std::string>& methodNames();

/// MACER's settings (Zhai et al. 2020; paper App. E.3).
struct MacerConfig {
    std::int64_t samples = 16;        ///< k noise samples per point (retraining: 16)
    double lambda = 16.0;             ///< λ, weight of the robustness term (MNIST retraining: 16)
    double gamma = 8.0;               ///< γ, hinge on the Φ⁻¹ gap (8 throughout)
    double inverseTemperature = 16.0; ///< β of the soft classifier in the robustness term (MACER's default)

    std::int64_t warmupEpochs = 0; ///< epochs at the start with λ = 0 (classification term only); see paperRetraining()

    /// The paper's retraining values: k=16, γ=8, λ=16 on MNIST-like data, λ=12 (σ=0.25) / 4 (σ≥0.5) on CIFAR-10;
    /// plus one warm-up epoch (our addition): from random weights only the few correctly classified points pay the
    /// hinge, so misclassifying everything is the cheapest state and training collapses to chance; one epoch of the
    /// classification term alone avoids it. warmupEpochs = 0 gives macer.py's schedule.
    static MacerConfig paperRetraining(const std::string& dataset, double sigma);
    /// The values the attack's lower level uses (k=2, λ=1, γ=8).
    static MacerConfig paperPoisoning();
    /// λ in force during `epoch` (0-based): 0 during the warm-up.
    double lambdaAt(std::int64_t epoch) const { return epoch < warmupEpochs ? 0.0 : lambda; }
    /// Throws pacd::Error naming the first bad setting.
    void validate() const;
};

/// SmoothAdv's settings (Salman et al. 2019; paper §4.3, App. E.3).
struct SmoothAdvConfig {
    double epsilon = 1.0;           ///< ℓ2 radius of the PGD ball
    std::int64_t steps = 2;         ///< PGD steps (step size 2ε/steps, normalised gradient)
    std::int64_t samples = 1;       ///< m noise vectors per point in the attack
    std::int64_t warmupEpochs = 10; ///< ε grows linearly over the first epochs: ε·min(1, (epoch+1)/warmup)

    /// The paper's setting: m=1, 2 PGD steps, ε=1, warm-up over 10 epochs (as Salman et al.'s published runs).
    static SmoothAdvConfig paper();
    /// train_pgd.py's defaults: ε=64/256, 10 steps, m=1, warm-up 1 epoch (i.e. none).
    static SmoothAdvConfig originalDefaults();
    /// ε in force during `epoch` (0-based).
    double epsilonAt(std::int64_t epoch) const;
    /// Throws pacd::Error naming the first bad setting.
    void validate() const;
};

enum class OptimizerKind {
    Adam, ///< the paper's optimiser (lr 1e-3)
    Sgd,  ///< Cohen's / MACER's / Salman's: momentum, step schedule
};

/// "auto" = 4-pixel pad + random crop and horizontal flip on 3×32×32 images (CIFAR-10) except for SmoothAdv,
/// as the paper trains; off on MNIST-like data.
enum class Augmentation { Auto, Off, CropFlip };

/// Whether crop+flip applies to images of this shape ([C, H, W]) under `method`: Auto = CIFAR-shaped images and not
/// SmoothAdv (App. E.2). Shared by the victims' training and the attack's lower level.
bool cropFlipApplies(Augmentation augmentation, TrainMethod method, const std::vector<std::int64_t>& imageShape);

/// Everything one training run depends on; saved with its checkpoints next to the seed.
struct TrainConfig {
    TrainMethod method = TrainMethod::GaussianAugmentation;
    double sigma = 0.25;          ///< noise level of GA / MACER / SmoothAdv (ignored by standard)
    std::int64_t epochs = 100;    ///< App. E.2: 100
    std::int64_t batchSize = 200; ///< App. E.2: 200
    OptimizerKind optimizer = OptimizerKind::Adam;
    double learningRate = 1e-3;    ///< App. E.2: Adam 1e-3 (SGD: Cohen et al. use 0.1)
    double momentum = 0.9;         ///< SGD only
    std::int64_t lrStepEpochs = 0; ///< multiply the rate by lrGamma every this many epochs; 0 = constant
    double lrGamma = 0.1;
    double weightDecay = 0.0; ///< L2 penalty (Table 7: 0, 1e-4, 1e-2, 1e-1)
    Augmentation augmentation = Augmentation::Auto;
    MacerConfig macer;
    SmoothAdvConfig smoothAdv = SmoothAdvConfig::paper();
    c10::Device device = c10::kCPU;
    /// Fp32 or Bf16 (autocast per step: fp32 master weights and optimiser state); Auto is resolved by the caller
    /// (models/precision_scope.h resolvePrecision) and read as it by train().
    Precision precision = Precision::Fp32;
    std::uint64_t seed = 0; ///< shuffling, noise, augmentation, dropout: same seed, same weights (CPU)

    std::filesystem::path checkpoint; ///< model file written after every epoch (+ ".state" for resume); empty = none
    bool resume = false;              ///< continue from checkpoint's ".state" when it exists
    std::string datasetLabel;         ///< recorded in the checkpoint ("mnist", "mnist+poison:…"); empty = from the data's name

    double progressIntervalSeconds = 0.2; ///< at most one per-step event per interval (epoch events always)
    std::int64_t monitorSamples = 20;     ///< noise samples of the per-epoch soft ACR of the monitor set

    /// The paper's MACER preset for this data set and σ, the paper's SmoothAdv preset, Adam 1e-3, batch 200.
    static TrainConfig paper(TrainMethod method, const std::string& dataset, double sigma);
    /// Throws pacd::Error naming the first bad setting.
    void validate() const;
    /// Whether crop+flip applies to images of this shape ([C, H, W]).
    bool augments(const std::vector<std::int64_t>& imageShape) const;
    /// Learning rate in force during `epoch` (0-based).
    double learningRateAt(std::int64_t epoch) const;
    /// The settings as one JSON text (for checkpoints, results and the resume check).
    std::string toJson() const;
};

} // namespace pacd
