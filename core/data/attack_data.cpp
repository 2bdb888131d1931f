#include "data/attack_data.h"

#include "data/catalog.h"
#include "data/splits.h"
#include "support/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <set>

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

std::vector<std::int64_t> seededFraction(const std::vector<std::int64_t>& points, double fraction, std::uint64_t seed) {
    require(fraction > 0, "poison fraction ", fraction, " must be > 0");
    if (fraction >= 1.0 || points.empty()) return points;
    const auto n = static_cast<std::int64_t>(points.size());
    const auto count = std::clamp<std::int64_t>(std::llround(fraction * static_cast<double>(n)), 1, n);
    // torch's CPU generator, not std::shuffle: the same points on every platform and standard library.
    auto generator = at::detail::createCPUGenerator(seed);
    const auto order = torch::randperm(n, generator, torch::TensorOptions().dtype(torch::kLong));
    const auto chosen = std::get<0>(order.slice(0, 0, count).sort());
    std::vector<std::int64_t> out;
    out.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i)
        out.push_back(points[static_cast<std::size_t>(chosen[i].item<std::int64_t>())]);
    return out;
}

PacdData makePacdData(const Dataset& trainingFile, const std::vector<std::int64_t>& trainIndices,
                      const std::vector<std::int64_t>& validationIndices, std::int64_t target, double fraction,
                      std::uint64_t fractionSeed) {
    require(target >= 0 && target < trainingFile.numClasses(), "target class ", target, " is outside [0, ",
            trainingFile.numClasses(), ") of ", trainingFile.name);
    const auto labels = trainingFile.labels.accessor<std::int64_t, 1>();
    std::vector<std::int64_t> clean, base, validation;
    for (const auto i : trainIndices)
        (labels[i] == target ? base : clean).push_back(i);
    if (fraction < 1.0) {
        // The target points left unpoisoned are clean training data like the other classes'.
        const auto chosen = seededFraction(base, fraction, fractionSeed);
        const std::set<std::int64_t> poisoned(chosen.begin(), chosen.end());
        for (const auto i : base)
            if (!poisoned.count(i)) clean.push_back(i);
        std::sort(clean.begin(), clean.end());
        base = chosen;
    }
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
