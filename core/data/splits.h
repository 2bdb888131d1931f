#pragma once
#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace pacd {

/// How the official training file is divided into the paper's train and validation parts (App. E.1).
struct SplitConfig {
    std::int64_t validationCount = 5000; ///< MNIST 60,000 -> 55,000 + 5,000; CIFAR-10 50,000 -> 45,000 + 5,000
    std::uint64_t seed = 0;              ///< same seed, same split, on every platform
};

/// Indices into the training file; both sorted ascending, disjoint, together all of it.
struct TrainValidationSplit {
    std::vector<std::int64_t> train;
    std::vector<std::int64_t> validation;
};

/// A seeded uniform random split of a training file of `trainingFileSize` points.
TrainValidationSplit splitTrainValidation(std::int64_t trainingFileSize, const SplitConfig& config = {});

/// A seeded sample of `count` of `labels`' indices with each class represented in proportion to its size
/// (largest-remainder rounding); sorted ascending. For demo-scale runs on small machines.
std::vector<std::int64_t> stratifiedSubsample(const torch::Tensor& labels, std::int64_t count, std::uint64_t seed);

/// The three sets of the target class the attack and its evaluation use.
struct TargetClassViews {
    std::int64_t target = 0;
    std::vector<std::int64_t> poisonBase; ///< target-class points of the train part (indices into the training file)
    std::vector<std::int64_t>
        validation; ///< target-class points of the validation part (training-file indices): the upper level's set
    std::vector<std::int64_t> evaluation; ///< a seeded sample of the target class's test points (test-file indices)
};

/// A stratified subsample (as stratifiedSubsample) of `indices`, positions into a file whose labels are
/// `fileLabels`: the chosen positions, sorted. Attack, baselines and training call this one function so that
/// poisons made on a demo-scale subset and the victims trained on it see the same points.
std::vector<std::int64_t> stratifiedSubsetOf(const std::vector<std::int64_t>& indices, const torch::Tensor& fileLabels,
                                             std::int64_t count, std::uint64_t seed);

/// A seeded sample of `count` indices of the points labelled `target` (all of them when count <= 0 or larger
/// than the class), sorted. The evaluation set of makeTargetClassViews() is this sample of the test labels.
std::vector<std::int64_t> sampleClassPoints(const torch::Tensor& labels, std::int64_t target, std::int64_t count,
                                            std::uint64_t seed);

/// Builds the target class's views. `evaluationCount` <= 0 means every target-class test point.
TargetClassViews makeTargetClassViews(const torch::Tensor& trainingFileLabels, const TrainValidationSplit& split,
                                      const torch::Tensor& testLabels, std::int64_t target, std::int64_t evaluationCount = 500,
                                      std::uint64_t seed = 0);

} // namespace pacd
