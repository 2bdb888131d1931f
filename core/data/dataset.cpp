#include "data/dataset.h"

#include "support/error.h"

#include <torch/torch.h>

namespace pacd {

std::vector<std::int64_t> Dataset::classCounts() const {
    std::vector<std::int64_t> counts(classNames.size(), 0);
    if (size() == 0) return counts;
    const auto bins = torch::bincount(labels, {}, numClasses());
    for (std::int64_t c = 0; c < numClasses(); ++c)
        counts[c] = bins[c].item<std::int64_t>();
    return counts;
}

Dataset Dataset::subset(const std::vector<std::int64_t>& indices, const std::string& suffix) const {
    const auto index = torch::tensor(indices, torch::kLong);
    if (!indices.empty()) {
        const auto lo = index.min().item<std::int64_t>(), hi = index.max().item<std::int64_t>();
        require(lo >= 0 && hi < size(), "subset of ", name, ": index out of range [0, ", size(), ")");
    }
    return Dataset{name + suffix, images.index_select(0, index), labels.index_select(0, index), classNames, valueRange};
}

std::vector<std::int64_t> Dataset::indicesOfClass(std::int64_t label) const {
    std::vector<std::int64_t> out;
    const auto accessor = labels.accessor<std::int64_t, 1>();
    for (std::int64_t i = 0; i < size(); ++i)
        if (accessor[i] == label) out.push_back(i);
    return out;
}

void Dataset::validate() const {
    require(images.defined() && labels.defined(), "dataset ", name, ": images or labels missing");
    require(images.scalar_type() == torch::kFloat, "dataset ", name, ": images must be float32");
    require(labels.scalar_type() == torch::kLong && labels.dim() == 1, "dataset ", name, ": labels must be int64 [N]");
    require(images.size(0) == labels.size(0), "dataset ", name, ": ", images.size(0), " images but ", labels.size(0), " labels");
    require(!classNames.empty(), "dataset ", name, ": no class names");
    if (size() == 0) return;
    const auto lo = labels.min().item<std::int64_t>(), hi = labels.max().item<std::int64_t>();
    require(lo >= 0 && hi < numClasses(), "dataset ", name, ": label ", (lo < 0 ? lo : hi), " outside [0, ", numClasses(), ")");
}

Dataset concatenate(const std::vector<Dataset>& parts, const std::string& name) {
    require(!parts.empty(), "cannot concatenate zero datasets into ", name);
    std::vector<torch::Tensor> images, labels;
    for (const auto& part : parts) {
        require(part.classNames == parts.front().classNames, "cannot concatenate ", part.name, " into ", name,
                ": classes differ");
        require(part.images.sizes().slice(1) == parts.front().images.sizes().slice(1), "cannot concatenate ", part.name, " into ",
                name, ": image shape ", part.images.sizes(), " differs from ", parts.front().images.sizes());
        require(part.valueRange == parts.front().valueRange, "cannot concatenate ", part.name, " into ", name,
                ": value ranges differ");
        images.push_back(part.images);
        labels.push_back(part.labels);
    }
    return Dataset{name, torch::cat(images), torch::cat(labels), parts.front().classNames, parts.front().valueRange};
}

} // namespace pacd
