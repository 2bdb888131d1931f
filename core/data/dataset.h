#pragma once
#include "data/value_range.h"

#include <torch/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace pacd {

/// An in-memory labelled image set: images [N, C, H, W] float32 in [0, 1] (the toy: [N, 2], unbounded), labels [N]
/// int64.
/// Eager like torch's MNIST dataset: every algorithm in the engine works on whole tensors or index batches.
struct Dataset {
    std::string name; ///< e.g. "mnist/train"
    torch::Tensor images;
    torch::Tensor labels;
    std::vector<std::string> classNames;              ///< index = label
    ValueRange valueRange = ValueRange::UnitInterval; ///< what the images' values may be (the toy: Unbounded)

    std::int64_t size() const { return labels.defined() ? labels.size(0) : 0; }
    std::int64_t numClasses() const { return static_cast<std::int64_t>(classNames.size()); }
    /// Per-class counts, length numClasses().
    std::vector<std::int64_t> classCounts() const;
    /// The points at the given indices (a copy), named name + suffix.
    Dataset subset(const std::vector<std::int64_t>& indices, const std::string& suffix = {}) const;
    /// Indices of the points whose label is `label`, in order.
    std::vector<std::int64_t> indicesOfClass(std::int64_t label) const;
    /// Throws pacd::Error naming the dataset if shapes, dtypes, label range or pixel range are inconsistent.
    void validate() const;
};

/// Concatenates datasets with the same image shape and classes (e.g. two CIFAR-10 batches).
Dataset concatenate(const std::vector<Dataset>& parts, const std::string& name);

} // namespace pacd
