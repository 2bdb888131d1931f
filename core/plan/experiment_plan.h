#pragma once
// A spec resolved once into everything a run needs: typed names, the paper's (or the demo's) defaults filled in,
// ready settings for the attack, each victim, certification and the PGD measurement, and the stages with their
// content-addressed folders and cost. Torch-free: the GUI form, the CLI, the cost model and the runner all read
// the same plan, and resolve() is the only place that knows the defaults.
#include "attack/pacd_config.h"
#include "defense/defense_config.h"
#include "plan/spec.h"
#include "plan/vocabulary.h"
#include "smoothing/certify_config.h"
#include "smoothing/pgd_config.h"
#include "support/precision.h"
#include "support/progress.h"
#include "training/train_config.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pacd {

/// One unit of work of a run, in execution order. Its folder name is a hash of everything its output depends
/// on, so resuming, or another spec needing the same poisons or the same clean victim (a sweep), finds it.
struct PlannedStage {
    StageKind kind = StageKind::None;
    DataKind data = DataKind::None; ///< train / certify: the victim's training data (None for poison / watermark)
    std::string name;               ///< "poison", "train clean seed 0", "certify poison seed 1 point 7", ...
    std::int64_t seed = 0;          ///< victim seed (train / certify)
    std::int64_t point = -1;        ///< points mode: the attacked test point; -1 otherwise
    double weight = 0.0;            ///< estimated seconds (plan/cost_model.h), for the run's ETA
    std::string folder;             ///< "<kind>-<16 hex digits>", under the work root's artefacts/
    std::string doneFile;           ///< the file in the folder whose presence marks the stage done
    std::string trainFolder;        ///< certify: the victim's training folder
    std::string poisonFolder;       ///< train / detect: the folder of its poison set ("" = clean data)
    std::string modelFolder;        ///< detect: the training folder of the victim whose features are scored
    std::string detectFolder;       ///< train: the detect stage whose scores filter its data ("" = unfiltered)
};

/// Estimated seconds of one stage of each kind (plan/cost_model.h).
struct StageSeconds {
    double attack = 0;        ///< one poison stage (Alg. 1): the class, or one target point in points mode
    double watermark = 0;     ///< one watermark baseline (a blend, no training)
    double trainVictim = 0;   ///< one victim retrained from scratch
    double certifyVictim = 0; ///< one victim certified on the target class (on one point in points mode)
    double detect = 0;        ///< one victim's training set scored by every detector
};

/// How to resolve.
struct PlanOptions {
    std::int64_t certifyBatch = 1000; ///< noisy samples per forward pass while certifying (part of the address)
    /// Points mode: the attacked test points (the runner takes them from the data: ExperimentData::evaluation).
    /// Without them the plan stands in 0, 1, ... for them (unitsArePlaceholders): right for costs and settings,
    /// not for running.
    std::optional<std::vector<std::int64_t>> points;
    /// false: check and fill the settings only, without the stage list (cheap whatever the seeds and points; what
    /// reading a spec file needs).
    bool planStages = true;
    /// The run's device has native bf16 matrix units (models/precision_scope.h hasNativeBf16): precision "auto"
    /// then resolves to bf16. Part of the addresses of bf16 artefacts, so front ends pass the device's answer.
    bool nativeBf16 = false;
};

struct ExperimentPlan {
    ExperimentSpec spec;  ///< as written with every default filled in: what results record
    std::string specHash; ///< hashText(spec.toJson()): the run's own folder (specs/<hash>)

    DatasetId dataset = DatasetId::Mnist;
    Scale scale = Scale::Demo;
    PoisonMode mode = PoisonMode::Class;
    TrainMethod poisonDefense = TrainMethod::GaussianAugmentation;
    TrainMethod retrainDefense = TrainMethod::GaussianAugmentation;
    Arch poisonArch = Arch::MnistCnn;
    Arch retrainArch = Arch::MnistCnn;
    LinearSolver solver = LinearSolver::FirstOrder;
    HessianProduct hessianProduct = HessianProduct::Autograd;
    AttackObjective objective = AttackObjective::SoftAcr;
    AttackEpoch attackEpoch = AttackEpoch::Poisons;
    PoisonStep poisonStep = PoisonStep::Adam;
    Precision requestedPrecision = Precision::Auto; ///< as the spec asks
    Precision precision = Precision::Fp32;          ///< what runs: fp32 or bf16 (auto resolved with nativeBf16)
    bool nativeBf16 = false;                        ///< the PlanOptions::nativeBf16 it was resolved with

    std::int64_t target = 8;
    double epsilon = 0.1;
    std::int64_t subset = 0;       ///< stratified training subset, 0 = all
    std::int64_t seeds = 2;        ///< victims per data kind, seeds spec.seed, spec.seed + 1, ...
    std::int64_t points = 100;     ///< class mode: target-class test points certified
    std::int64_t targetPoints = 2; ///< points mode: attacked test points
    std::int64_t poisonCount = 60; ///< points mode: poisons per attacked point
    bool watermark = true;
    bool measurePgd = false;
    double watermarkOpacity = 0.1;    ///< §4, following Shafahi et al.
    double poisonFraction = 1.0;      ///< class mode: the seeded fraction of the target class that is poisoned
    bool randomBaseline = false;      ///< victims on random ±ε noise too (DataKind::Random)
    SanitizerSetting sanitizer;       ///< applied to every victim's training images
    bool detect = false;              ///< detect stages (true whenever filter is set)
    Detector filter = Detector::None; ///< retrain on the data minus this detector's top-scored points
    DetectorConfig detector;          ///< how the detect stages score

    PacdConfig attack;                ///< Alg. 1 (the seed is spec.seed)
    std::vector<TrainConfig> victims; ///< one per seed, in seed order; no device or checkpoint yet
    CertifyConfig certify;            ///< without its noise seed (the certify stage sets one per chunk of points)
    PgdDistortionConfig pgd;          ///< Table 5's measurement (used when measurePgd)
    std::int64_t pgdPoints = 50;      ///< points measured per victim (at most the certified ones)

    std::vector<std::int64_t> units{-1}; ///< class mode {-1}; points mode the attacked test points
    bool unitsArePlaceholders = false;   ///< points mode resolved without its points (see PlanOptions)
    StageSeconds seconds;                ///< the cost model's estimate per stage kind
    std::vector<PlannedStage> stages;    ///< in execution order

    /// The settings of the victim with this seed (spec.seed + s for s < seeds).
    const TrainConfig& victim(std::int64_t seed) const;
    /// Sum of the stages' weights: the run's estimated seconds before any stage ran.
    double estimatedSeconds() const;
};

/// The stage kind whose folder this is: folders are named "<kind>-<hash>" (None for any other name).
StageKind kindOfFolder(const std::string& folderName);

/// Resolves a spec: checks every name and range (throws pacd::Error naming the spec field, its value and what is
/// allowed), fills the defaults of its scale and data set, and plans its stages.
ExperimentPlan resolve(const ExperimentSpec& spec, const PlanOptions& options = {});

} // namespace pacd
