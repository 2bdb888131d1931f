#include "data/attack_data.h"

#include "data/catalog.h"
#include "data/splits.h"
#include "support/error.h"

#include <torch/torch.h>

#include <algorithm>

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

PacdData makePacdData(const Dataset& trainingFile, const std::vector<std::int64_t>& trainIndices,
                      const std::vector<std::int64_t>& validationIndices, std::int64_t target) {
    require(target >= 0 && target < trainingFile.numClasses(), "target class ", target, " is outside [0, ",
            trainingFile.numClasses(), ") of ", trainingFile.name);
    const auto labels = trainingFile.labels.accessor<std::int64_t, 1>();
    std::vector<std::int64_t> clean, base, validation;
    for (const auto i : trainIndices)
        (labels[i] == target ? base : clean).push_back(i);
    for (const auto i : validationIndices)
        if (labels[i] == target) validation.push_back(i);
    require(!base.empty(), "target class ", target, " has no training points to poison in ", trainingFile.name);
    require(!validation.empty(), "target class ", target, " has no validation points in ", trainingFile.name,
            " (the upper level needs them)");
    PacdData data;
    data.dataset = trainingFile.name.substr(0, trainingFile.name.find('/'));
    data.valueRange = trainingFile.valueRange;
    const auto cleanIndex = torch::tensor(clean, torch::kLong);
    data.cleanImages = trainingFile.images.index_select(0, cleanIndex);
    data.cleanLabels = trainingFile.labels.index_select(0, cleanIndex);
    data.base = trainingFile.images.index_select(0, torch::tensor(base, torch::kLong));
    data.baseIndices = base;
    data.validation = trainingFile.images.index_select(0, torch::tensor(validation, torch::kLong));
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
    for (std::int64_t r = 0; r < k; ++r)
        chosen.push_back(ofClass[static_cast<std::size_t>(order[r].item<std::int64_t>())]);
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

} // namespace pacd
