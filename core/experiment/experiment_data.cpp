#include "experiment/experiment_data.h"

#include "data/catalog.h"
#include "data/splits.h"
#include "support/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <unordered_map>

namespace pacd {

AttackSplit loadAttackSplit(const std::string& dataset, std::int64_t subset, std::uint64_t splitSeed,
                            const std::filesystem::path& dataDir) {
    AttackSplit split{loadDatasetFile(dataset, "train", dataDir), {}, {}};
    // The toy's training file has 1,000 points: 100 are held out, as 5,000 of MNIST's 60,000 are.
    const std::int64_t validationCount = dataset == "toy-gaussians" ? 100 : 5000;
    const auto parts = splitTrainValidation(split.trainingFile.size(), SplitConfig{validationCount, splitSeed});
    split.train = parts.train;
    split.validation = parts.validation;
    if (subset > 0 && subset < static_cast<std::int64_t>(split.train.size()))
        split.train = stratifiedSubsetOf(split.train, split.trainingFile.labels, subset, splitSeed);
    return split;
}

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

std::vector<std::int64_t> nearestOfClass(const Dataset& trainingFile, const std::vector<std::int64_t>& candidates,
                                         std::int64_t target, const torch::Tensor& point, std::int64_t count) {
    std::vector<std::int64_t> ofClass;
    const auto labels = trainingFile.labels.accessor<std::int64_t, 1>();
    for (const auto i : candidates)
        if (labels[i] == target) ofClass.push_back(i);
    require(!ofClass.empty(), "class ", target, " has no training points to poison in ", trainingFile.name);
    const auto images = trainingFile.images.index_select(0, torch::tensor(ofClass, torch::kLong)).flatten(1);
    const auto distances = (images - point.reshape({1, -1})).pow(2).sum(1);
    const auto k = std::min<std::int64_t>(count, static_cast<std::int64_t>(ofClass.size()));
    // Ties broken by position (stable sort), so the choice is the same on every platform.
    const auto order = std::get<1>(distances.sort(/*stable=*/true, /*dim=*/0, /*descending=*/false));
    std::vector<std::int64_t> chosen;
    for (std::int64_t r = 0; r < k; ++r) chosen.push_back(ofClass[static_cast<std::size_t>(order[r].item<std::int64_t>())]);
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

Dataset replacedView(const Dataset& trainingFile, const std::vector<std::int64_t>& viewIndices, const PoisonSet& poison) {
    std::unordered_map<std::int64_t, std::int64_t> row;
    for (std::int64_t r = 0; r < poison.size(); ++r) row[poison.indices[static_cast<std::size_t>(r)]] = r;
    auto view = viewIndices;
    for (const auto i : poison.indices)
        if (std::find(viewIndices.begin(), viewIndices.end(), i) == viewIndices.end()) view.push_back(i);
    std::sort(view.begin(), view.end());
    auto out = trainingFile.subset(view, ":poisoned");
    require(poison.images.sizes().slice(1) == out.images.sizes().slice(1), "poison set images have shape ",
            poison.images.sizes(), ", the data set's images ", out.images.sizes());
    std::vector<std::int64_t> positions, rows;
    for (std::size_t p = 0; p < view.size(); ++p) {
        const auto found = row.find(view[p]);
        if (found == row.end()) continue;
        positions.push_back(static_cast<std::int64_t>(p));
        rows.push_back(found->second);
    }
    if (!positions.empty())
        out.images.index_copy_(0, torch::tensor(positions, torch::kLong),
                               poison.images.index_select(0, torch::tensor(rows, torch::kLong)).to(out.images.dtype()));
    return out;
}

} // namespace pacd
