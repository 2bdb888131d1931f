#pragma once
#include "data/attack_data.h"
#include "data/dataset.h"
#include "data/poison_set.h"
#include "plan/experiment_plan.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pacd {

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

} // namespace pacd
