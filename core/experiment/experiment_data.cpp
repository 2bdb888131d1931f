#include "experiment/experiment_data.h"

#include "data/catalog.h"
#include "data/splits.h"
#include "support/error.h"

#include <torch/torch.h>

namespace pacd {

ExperimentData loadExperimentData(const ExperimentSpec& spec, const std::filesystem::path& dataDir) {
    ExperimentData data{loadAttackSplit(spec.dataset, spec.subset, 0, dataDir), loadDatasetFile(spec.dataset, "test", dataDir), {}};
    require(spec.target < data.split.trainingFile.numClasses(), "spec field 'target': ", spec.target, " is not a class of ",
            spec.dataset, " (", data.split.trainingFile.numClasses(), " classes)");
    const std::int64_t count = spec.mode == "points" ? spec.targetPoints : spec.points;
    data.evaluation = sampleClassPoints(data.test.labels, spec.target, count, spec.seed);
    require(!data.evaluation.empty(), "class ", spec.target, " has no test points in ", data.test.name);
    return data;
}

} // namespace pacd
