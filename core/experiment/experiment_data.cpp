#include "experiment/experiment_data.h"

#include "data/catalog.h"
#include "data/splits.h"
#include "support/error.h"

#include <torch/torch.h>

namespace pacd {

ExperimentData loadExperimentData(const ExperimentPlan& plan, const std::filesystem::path& dataDir) {
    const auto& dataset = plan.spec.dataset;
    ExperimentData data{loadAttackSplit(dataset, plan.subset, 0, dataDir), loadDatasetFile(dataset, "test", dataDir), {}};
    require(plan.target < data.split.trainingFile.numClasses(), "spec field 'target': ", plan.target, " is not a class of ",
            dataset, " (", data.split.trainingFile.numClasses(), " classes)");
    const std::int64_t count = plan.mode == PoisonMode::Points ? plan.targetPoints : plan.points;
    data.evaluation = sampleClassPoints(data.test.labels, plan.target, count, plan.spec.seed);
    require(!data.evaluation.empty(), "class ", plan.target, " has no test points in ", data.test.name);
    return data;
}

} // namespace pacd
