#pragma once
#include "data/dataset.h"
#include "data/poison_set.h"
#include "plan/experiment_plan.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pacd {

/// The paper's training part of a training file (App. E.1: 5,000 validation points held out; the toy: 100),
/// optionally a stratified subset for demo-scale runs. The attack, the baselines, `pacd-cli train` and the
/// experiment runner all cut it here, so that poisons and victims see the same points.
struct AttackSplit {
    Dataset trainingFile;
    std::vector<std::int64_t> train;      ///< training-file positions of the (possibly subsetted) train part
    std::vector<std::int64_t> validation; ///< training-file positions of the validation part
};

/// Loads `dataset`'s training file from `dataDir` and splits it (split and subset seeded by `splitSeed`).
/// subset <= 0 or >= the train part keeps all of it.
AttackSplit loadAttackSplit(const std::string& dataset, std::int64_t subset, std::uint64_t splitSeed,
                            const std::filesystem::path& dataDir);

/// Everything an experiment reads: the split, the test file, and the target class's evaluation points.
struct ExperimentData {
    AttackSplit split;
    Dataset test;
    std::vector<std::int64_t> evaluation; ///< test-file positions certified (class mode: `points` of the target
                                          ///< class; points mode: the `target_points` attacked test points)
};

/// Loads the data of a plan. Evaluation points are a seeded sample of the target class's test points
/// (seed = spec.seed), the same for every victim and every spec that shares data and seed.
ExperimentData loadExperimentData(const ExperimentPlan& plan, const std::filesystem::path& dataDir);

/// Points mode (App. D.6): the `count` training points of class `target` among `candidates` (training-file
/// positions) closest in ℓ2 to `point`, sorted by position.
std::vector<std::int64_t> nearestOfClass(const Dataset& trainingFile, const std::vector<std::int64_t>& candidates,
                                         std::int64_t target, const torch::Tensor& point, std::int64_t count);

/// The victims' training view: the points of `trainingFile` at `viewIndices`, with every point that `poison`
/// names replaced by its poisoned image (labels unchanged), sorted by training-file position. Unlike
/// poisonedView() the target class's other points stay (points mode poisons only some of them).
Dataset replacedView(const Dataset& trainingFile, const std::vector<std::int64_t>& viewIndices, const PoisonSet& poison);

} // namespace pacd
