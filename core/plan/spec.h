#pragma once
// What the user writes: one experiment from poison to table, as JSON (schema version 1). Torch-free. A field left
// unset takes the default that resolve() (plan/experiment_plan.h) picks from the scale and the data set; resolve
// is the only place that knows those defaults.
#include <cstdint>
#include <optional>
#include <string>

namespace pacd {

/// One experiment (Tables 2-4 of the paper): what to poison, against which defense, how to retrain and certify
/// the victims. Names (data set, defenses, architectures, solver, mode, scale) are spelt as in their tables
/// (plan/vocabulary.h); resolve() checks them. In JSON an unset field is null (older files wrote -1 or "",
/// which read as unset too).
struct ExperimentSpec {
    static constexpr int kSchemaVersion = 1;

    std::string name;                       ///< free text, shown in tables
    std::string dataset = "mnist";          ///< mnist | fashion-mnist | cifar10 | toy-gaussians (App. D.2)
    std::int64_t target = 8;                ///< target class (the paper: MNIST 8, CIFAR-10 "ship" = 8)
    std::string scale = "demo";             ///< demo | paper: picks the defaults of unset fields
    std::string poisonDefense = "ga";       ///< lower level of the attack: ga | macer | smoothadv | standard
    std::string retrainDefense = "ga";      ///< how victims are trained (may differ: transfer, Fig. 4)
    std::optional<std::string> poisonArch;  ///< default: mnist-cnn, CIFAR-10 resnet20, toy logistic
    std::optional<std::string> retrainArch; ///< default: poisonArch (App. D.4 varies it)
    double sigma = 0.25;                    ///< one σ for attack, retraining and certification...
    std::optional<double> attackSigma;      ///< ...unless overridden on purpose (the paper's code mixed 0.5 and 0.75)
    std::optional<double> retrainSigma;
    std::optional<double> certifySigma;
    std::optional<double> epsilon;      ///< ℓ∞ budget; default MNIST 0.1, CIFAR-10 0.03, points mode 0.06
    std::optional<std::int64_t> subset; ///< stratified training subset; demo 6000, paper 0 (= all)
    // Attack (Alg. 1 / ApproxGrad)
    std::optional<std::int64_t> attackEpochs; ///< P; demo 20, paper 50, toy 40
    /// poisons | clean-data: what an attack epoch passes over (attack/pacd_config.h AttackEpoch); default clean-data
    /// in points mode (the authors': ~250 upper steps per epoch for 500 poisons on CIFAR-10, not 25), poisons in
    /// class mode (the same number of steps to within a few per cent there)
    std::optional<std::string> attackEpoch;
    /// soft-acr | cross-entropy: the upper level (PACD's soft ACR, or App. D.1 Eq. 4's target-class cross-entropy,
    /// maximised); default cross-entropy when poison_defense is standard (Table 1), soft-acr otherwise
    std::optional<std::string> objective;
    std::optional<std::string> hessian;     ///< approxgrad | cg | first-order; demo first-order, paper approxgrad, toy cg
    std::optional<std::int64_t> lowerSteps; ///< T1; paper and toy 10, demo 5 (SmoothAdv: 1)
    std::int64_t linearSteps = 10;          ///< T2
    /// β, Adam's rate of the q-solve; 1e-3 (Alg. 2; App. E.3 says 0.01, which diverged on the MNIST CNN)
    std::optional<double> beta;
    /// ρ, the damping of (∇²θθζ + ρI)q = ∇θξ; 1e-3 (App. E.3). The cg solver needs ρ ≈ 10 on the MNIST CNN, whose
    /// Hessian is indefinite (README: Speed and precision)
    std::optional<double> rho;
    std::optional<std::string> poisonStep;    ///< adam | sign: how the poisons follow the hypergradient; default adam
    std::optional<double> poisonLearningRate; ///< the poisons' Adam rate; 0.1 (the authors' code)
    std::optional<std::int64_t> upperSamples; ///< k; demo 8, paper MNIST 20 / CIFAR-10 5
    std::optional<std::int64_t> cleanBatch;  ///< clean points per lower-level minibatch; demo 180, paper MNIST 900 / CIFAR-10 180
    std::optional<std::int64_t> poisonBatch; ///< poisons per minibatch; demo 20, paper MNIST 100 / CIFAR-10 20
    std::optional<std::int64_t>
        validationBatch; ///< target-class validation points per upper step; demo 50, paper MNIST 100 / CIFAR-10 20
    // What is poisoned (App. D.6: "points" poisons the training points nearest to single test points)
    std::string mode = "class";               ///< class: every target-class training point | points: single test points
    std::optional<std::int64_t> targetPoints; ///< points mode: target test points, each attacked on its own; demo 2, paper 5
    std::optional<std::int64_t>
        poisonCount; ///< points mode: nearest target-class training points poisoned; demo 60, paper 500 (1 %)
    /// Class mode: the fraction α of the target class's training points that become poisons, chosen with the seed;
    /// the rest stay clean in the victims' training data (App. A, Corollary 2: α with budget ε̃ acts like ε = α ε̃).
    /// Default 1 (the whole class, as in the paper).
    std::optional<double> poisonFraction;
    // Retraining and certification
    std::optional<std::int64_t> seeds;       ///< victims per data set; demo 2, paper 5
    std::optional<std::int64_t> trainEpochs; ///< demo 8, paper 100, toy 60
    std::optional<double> learningRate;      ///< victims' Adam rate; 1e-3 (App. E.2), toy 0.05
    double weightDecay = 0.0;                ///< victims' L2 penalty (Table 7: 0, 1e-4, 1e-2, 1e-1)
    bool watermark = true;                   ///< also train victims on the watermark baseline (Tables 2-4)
    bool randomBaseline = false;             ///< also train victims on uniform random ±ε noise on the same points
    // The defender (beyond the paper; defense/defense_config.h)
    /// none | bit-depth | jpeg | median | blur: applied to every training image before every victim is trained
    std::optional<std::string> sanitizer;
    std::optional<double> sanitizerParam; ///< bits, JPEG quality, median kernel, blur s.d.; default per kind
    bool detect = false;                  ///< score every victim's training set with each detector (implied by filter)
    /// none | spectral | activation-clustering | deep-knn: drop the 1.5 × poison-count top-scored target-class
    /// points of each victim's training set, retrain and certify that victim instead
    std::optional<std::string> filter;
    bool measurePgd = false;       ///< also measure the PGD ℓ2 distortion of the smoothed victims (Table 5)
    std::int64_t n0 = 100;         ///< CERTIFY selection samples
    std::optional<std::int64_t> n; ///< CERTIFY estimation samples; demo 1,000, paper and toy 100,000
    double alpha = 0.001;
    std::optional<std::int64_t> points; ///< target-class test points certified; demo 100, paper 500, toy 200
    std::uint64_t seed = 0;             ///< base seed of the attack and the victims
    /// fp32 | bf16 | auto (default): the arithmetic of the attack's lower level and soft radius, of training and of
    /// certification. auto is bf16 where the run's device has native bf16 units (AMX or AVX512-BF16; CUDA >= 8.0).
    std::optional<std::string> precision;
    /// autograd (default) | finite-difference (alias fd): how the approxgrad and cg solvers multiply by the Hessian
    /// (attack/approx_grad_config.h HessianProduct).
    std::optional<std::string> hvp;

    /// σ used by each stage.
    double sigmaForAttack() const { return attackSigma.value_or(sigma); }
    double sigmaForRetraining() const { return retrainSigma.value_or(sigma); }
    double sigmaForCertification() const { return certifySigma.value_or(sigma); }

    /// JSON with "schema_version"; every field written explicitly (unset ones as null).
    std::string toJson() const;
    /// Parses JSON; unknown fields, wrong types, other schema versions and settings that resolve() refuses are
    /// errors naming `source` (the file) and the field. Returns the spec as written (unset fields stay unset).
    static ExperimentSpec fromJson(const std::string& json, const std::string& source = "spec");
};

} // namespace pacd
