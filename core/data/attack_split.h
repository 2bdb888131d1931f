#pragma once
#include "data/dataset.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pacd {

/// The training file of a data set divided as the attack sees it: the paper's train part (or a stratified subset
/// of it, for demo-scale runs) and the validation part (the upper level's data). Indices into `trainingFile`.
struct AttackSplit {
    Dataset trainingFile;
    std::vector<std::int64_t> train, validation;
};

/// Loads `dataset`'s training file and splits it (App. E.1: 5,000 validation points; the toy 100); `subset` > 0
/// keeps a stratified subset of that many train points. The poison, baseline and export commands and the GUI's
/// export share it, so that poisons, victims and exports always see the same points for the same seeds.
AttackSplit loadAttackSplit(const std::string& dataset, std::int64_t subset, std::uint64_t splitSeed,
                            const std::filesystem::path& dataDir);

} // namespace pacd
