#pragma once
// The attack's settings, torch-free so that plans and front ends can hold them without LibTorch's headers.
#include "attack/approx_grad_config.h"
#include "support/precision.h"
#include "training/train_config.h"

#include <cstdint>
#include <string>

namespace pacd {

/// What the upper level makes worse on the target class's validation points.
enum class AttackObjective {
    SoftAcr,      ///< PACD (§3.2): minimise the soft smoothed classifier's ACR
    CrossEntropy, ///< standard bilevel poisoning (App. D.1, Eq. 4): maximise the base classifier's cross-entropy
};

template <> struct NameTable<AttackObjective> {
    static constexpr const char* what = "attack objective";
    static constexpr std::array<std::pair<AttackObjective, const char*>, 3> entries{
        {{AttackObjective::SoftAcr, "soft-acr"},
         {AttackObjective::CrossEntropy, "cross-entropy"},
         {AttackObjective::CrossEntropy, "ce"}}};
};

/// What one attack epoch passes over (App. D.6). With every target-class point poisoned the two are the same number
/// of upper steps to within a few per cent (MNIST: 5,851 poisons / 100 vs 54,149 clean / 900); with 500 poisons
/// near one test point a pass over the poisons is 25 steps where the authors' epoch, a pass over the clean data,
/// is about 250.
enum class AttackEpoch {
    Poisons,   ///< ⌈poisons / poison batch⌉ upper steps
    CleanData, ///< max(that, ⌈clean points / clean batch⌉): the poisons are cycled, reshuffled on each pass (the authors')
};

template <> struct NameTable<AttackEpoch> {
    static constexpr const char* what = "attack epoch";
    static constexpr std::array<std::pair<AttackEpoch, const char*>, 2> entries{
        {{AttackEpoch::Poisons, "poisons"}, {AttackEpoch::CleanData, "clean-data"}}};
};

/// Settings of the PACD attack (Alg. 1 around ApproxGrad). Defaults are the paper's MNIST values (§4, App. E.3);
/// resolve() (plan/experiment_plan.h) gives each data set's, defense's and scale's.
struct PacdConfig {
    TrainMethod defense = TrainMethod::GaussianAugmentation; ///< lower level: standard, ga, macer, smoothadv
    AttackObjective objective = AttackObjective::SoftAcr;    ///< upper level: PACD's soft ACR or Eq. 4's cross-entropy
    std::int64_t target = 8;                                 ///< the class whose training points become poisons
    double sigma = 0.25;                                     ///< noise of the lower level and of the soft smoothed classifier
    double epsilon = 0.1;                                    ///< ℓ∞ budget (MNIST 0.1, CIFAR-10 0.03)
    std::int64_t epochs = 50;                                ///< P: attack epochs (see epochOver)
    AttackEpoch epochOver = AttackEpoch::Poisons;            ///< what an epoch passes over; points mode: clean data
    std::int64_t cleanBatch = 900;                           ///< clean points per lower-level minibatch (CIFAR-10: 180)
    std::int64_t poisonBatch = 100;                          ///< poisons per minibatch (CIFAR-10: 20)
    std::int64_t validationBatch = 100;                      ///< target-class validation points per upper step (CIFAR-10: 20)
    std::int64_t reinitEvery = 10;                           ///< R: epochs between lower-level re-initialisations (SmoothAdv: 20)
    std::int64_t upperSamples = 20;                          ///< k noise samples of the soft smoothed classifier (CIFAR-10: 5)
    double inverseTemperature = 16.0;                        ///< α of the soft smoothed classifier
    ApproxGradConfig approx; ///< T1, T2, ρ, β, the poisons' step; approx.epsilon is set from epsilon
    /// Pad-crop-flip in the lower level: Auto applies it where the victims' training does (3×32×32 images, every
    /// defense but SmoothAdv; App. E.2), so that the poisons are optimised against the training they will meet.
    Augmentation augmentation = Augmentation::Auto;
    MacerConfig macer{2, 1.0, 8.0, 16.0};                 ///< MACER while poisoning: k = 2, λ = 1, γ = 8 (App. E.3)
    SmoothAdvConfig smoothAdv = SmoothAdvConfig::paper(); ///< SmoothAdv while poisoning: k = 1, 2 steps, ε = 1
    double timeBudgetSeconds = 0.0;                       ///< stop (with a checkpoint) once exceeded; 0 = none
    std::int64_t checkpointEverySteps = 0;                ///< also checkpoint every this many upper steps; 0 = at epoch ends only
    std::uint64_t seed = 0; ///< batches, noise and re-initialisations: same seed, same poisons (CPU)
    /// The lower-level steps' and the soft radius's arithmetic (Hessian products stay fp32); Auto is resolved
    /// against the attack's device.
    Precision precision = Precision::Fp32;

    /// Throws pacd::Error naming the first bad setting.
    void validate() const;
    /// The settings as a JSON object (stored in checkpoints and poison sets).
    std::string toJson() const;
};

} // namespace pacd
