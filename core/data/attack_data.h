#pragma once
// What the attack and the victims' training cut from a data set's training file: the paper's train/validation
// split (optionally a stratified subset), the attack's clean / target-class / validation parts, and points mode's
// nearest training points. Everything here is a choice of training-file positions, made the same way by the attack,
// the baselines, `pacd-cli train` and the experiment runner, so that poisons and victims see the same points.
#include "data/dataset.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pacd {

/// The paper's training part of a training file (App. E.1: 5,000 validation points held out; the toy: 100),
/// optionally a stratified subset for demo-scale runs.
struct AttackSplit {
    Dataset trainingFile;
    std::vector<std::int64_t> train;      ///< training-file positions of the (possibly subsetted) train part
    std::vector<std::int64_t> validation; ///< training-file positions of the validation part
};

/// Loads `dataset`'s training file from `dataDir` and splits it (split and subset seeded by `splitSeed`).
/// subset <= 0 or >= the train part keeps all of it.
AttackSplit loadAttackSplit(const std::string& dataset, std::int64_t subset, std::uint64_t splitSeed,
                            const std::filesystem::path& dataDir);

/// What the attack works on, cut from the training file (all indices are training-file positions).
struct PacdData {
    std::string dataset;                              ///< e.g. "mnist"
    torch::Tensor cleanImages, cleanLabels;           ///< the unalterable points: training part minus the target class
    torch::Tensor base;                               ///< the target class's training points (the poisons start here)
    std::vector<std::int64_t> baseIndices;            ///< their training-file positions
    torch::Tensor validation;                         ///< the target class's validation points (the upper level's data)
    ValueRange valueRange = ValueRange::UnitInterval; ///< the training file's: what the poisons are projected into
};

/// The seeded part of `points` that partial poisoning poisons: round(fraction × size) of them (at least one), drawn
/// by a permutation seeded with `seed`, returned in the input's order. fraction >= 1 returns `points` unchanged.
std::vector<std::int64_t> seededFraction(const std::vector<std::int64_t>& points, double fraction, std::uint64_t seed);

/// Cuts PacdData from the training file: `trainIndices` (the paper's training part, possibly a stratified subset)
/// and `validationIndices` (the validation part). With `fraction` < 1 only seededFraction() of the target class's
/// training points are the base; the others join the clean (unalterable) points. Throws when the target class has
/// no points in either part.
PacdData makePacdData(const Dataset& trainingFile, const std::vector<std::int64_t>& trainIndices,
                      const std::vector<std::int64_t>& validationIndices, std::int64_t target, double fraction = 1.0,
                      std::uint64_t fractionSeed = 0);

/// Points mode (App. D.6): the `count` training points of class `target` among `candidates` (training-file
/// positions) closest in ℓ2 to `point`, sorted by position.
std::vector<std::int64_t> nearestOfClass(const Dataset& trainingFile, const std::vector<std::int64_t>& candidates,
                                         std::int64_t target, const torch::Tensor& point, std::int64_t count);

} // namespace pacd
