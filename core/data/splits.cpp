#include "data/splits.h"

#include "support/error.h"
#include "support/rng.h"

#include <torch/torch.h>

#include <algorithm>
#include <numeric>

namespace pacd {
namespace {

std::vector<std::int64_t> toVector(const torch::Tensor& labels) {
    require(labels.dim() == 1, "labels must be a 1-D tensor");
    const auto contiguous = labels.to(torch::kLong).contiguous().cpu();
    const auto* data = contiguous.data_ptr<std::int64_t>();
    return {data, data + contiguous.numel()};
}

std::vector<std::int64_t> sampleSorted(std::vector<std::int64_t> pool, std::int64_t count, PortableRng& rng) {
    rng.shuffle(pool);
    pool.resize(static_cast<std::size_t>(std::min<std::int64_t>(count, static_cast<std::int64_t>(pool.size()))));
    std::sort(pool.begin(), pool.end());
    return pool;
}

} // namespace

TrainValidationSplit splitTrainValidation(std::int64_t size, const SplitConfig& config) {
    require(config.validationCount >= 0 && config.validationCount < size, "validation count ", config.validationCount,
            " must be in [0, ", size, ") for a training file of ", size, " points");
    std::vector<std::int64_t> order(static_cast<std::size_t>(size));
    std::iota(order.begin(), order.end(), 0);
    PortableRng rng(config.seed);
    rng.shuffle(order);
    TrainValidationSplit split;
    split.validation.assign(order.begin(), order.begin() + config.validationCount);
    split.train.assign(order.begin() + config.validationCount, order.end());
    std::sort(split.validation.begin(), split.validation.end());
    std::sort(split.train.begin(), split.train.end());
    return split;
}

std::vector<std::int64_t> stratifiedSubsample(const torch::Tensor& labels, std::int64_t count, std::uint64_t seed) {
    const auto values = toVector(labels);
    const auto total = static_cast<std::int64_t>(values.size());
    require(count > 0 && count <= total, "subset size ", count, " must be in [1, ", total, "]");
    const auto classes = total ? *std::max_element(values.begin(), values.end()) + 1 : 0;
    std::vector<std::vector<std::int64_t>> byClass(static_cast<std::size_t>(classes));
    for (std::int64_t i = 0; i < total; ++i)
        byClass[values[i]].push_back(i);

    // Largest-remainder apportionment keeps every class's share within one point of proportional.
    std::vector<std::int64_t> quota(byClass.size());
    std::vector<std::pair<double, std::size_t>> remainders;
    std::int64_t assigned = 0;
    for (std::size_t c = 0; c < byClass.size(); ++c) {
        const double exact = static_cast<double>(count) * byClass[c].size() / total;
        quota[c] = static_cast<std::int64_t>(exact);
        assigned += quota[c];
        remainders.emplace_back(exact - quota[c], c);
    }
    std::stable_sort(remainders.begin(), remainders.end(), [](auto a, auto b) { return a.first > b.first; });
    for (std::size_t i = 0; assigned < count; ++i, ++assigned)
        ++quota[remainders[i].second];

    PortableRng rng(seed);
    std::vector<std::int64_t> out;
    for (std::size_t c = 0; c < byClass.size(); ++c) {
        const auto picked = sampleSorted(byClass[c], quota[c], rng);
        out.insert(out.end(), picked.begin(), picked.end());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::int64_t> stratifiedSubsetOf(const std::vector<std::int64_t>& indices, const torch::Tensor& fileLabels,
                                             std::int64_t count, std::uint64_t seed) {
    const auto labels = fileLabels.index_select(0, torch::tensor(indices, torch::kLong));
    std::vector<std::int64_t> picked;
    for (const auto position : stratifiedSubsample(labels, count, seed))
        picked.push_back(indices[static_cast<std::size_t>(position)]);
    return picked;
}

TargetClassViews makeTargetClassViews(const torch::Tensor& trainingFileLabels, const TrainValidationSplit& split,
                                      const torch::Tensor& testLabels, std::int64_t target, std::int64_t evaluationCount,
                                      std::uint64_t seed) {
    const auto train = toVector(trainingFileLabels);
    const auto test = toVector(testLabels);
    const auto classes = std::max(train.empty() ? 0 : *std::max_element(train.begin(), train.end()),
                                  test.empty() ? 0 : *std::max_element(test.begin(), test.end())) +
                         1;
    require(target >= 0 && target < classes, "target class ", target, " is outside [0, ", classes, ")");

    TargetClassViews views;
    views.target = target;
    for (const auto i : split.train) {
        require(i >= 0 && i < static_cast<std::int64_t>(train.size()), "split index ", i, " outside the training file");
        if (train[i] == target) views.poisonBase.push_back(i);
    }
    for (const auto i : split.validation) {
        require(i >= 0 && i < static_cast<std::int64_t>(train.size()), "split index ", i, " outside the training file");
        if (train[i] == target) views.validation.push_back(i);
    }
    require(!views.poisonBase.empty(), "target class ", target, " has no training points");
    views.evaluation = sampleClassPoints(testLabels, target, evaluationCount, seed);
    return views;
}

std::vector<std::int64_t> sampleClassPoints(const torch::Tensor& labels, std::int64_t target, std::int64_t count,
                                            std::uint64_t seed) {
    const auto values = toVector(labels);
    std::vector<std::int64_t> pool;
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(values.size()); ++i)
        if (values[i] == target) pool.push_back(i);
    require(!pool.empty(), "class ", target, " has no points to sample from");
    // A stream of its own, so that the same seed used for the split does not correlate with this sample.
    PortableRng rng(seed ^ 0x9e3779b97f4a7c15ULL);
    return sampleSorted(std::move(pool), count > 0 ? count : std::int64_t(1) << 62, rng);
}

} // namespace pacd
