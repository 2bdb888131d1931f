#include "data/training_views.h"

#include "support/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <unordered_map>

namespace pacd {

Dataset poisonedView(const Dataset& trainingFile, const std::vector<std::int64_t>& viewIndices, const PoisonSet& poison) {
    poison.validate();
    requirePoisonFits(poison, trainingFile);
    const std::int64_t n = trainingFile.size();
    require(poison.targetClass < trainingFile.numClasses(), "poison set targets class ", poison.targetClass, " but ",
            trainingFile.name, " has ", trainingFile.numClasses(), " classes");
    require(poison.images.sizes().slice(1) == trainingFile.images.sizes().slice(1), "poison images of shape ",
            poison.images.sizes().slice(1), " do not fit ", trainingFile.name, "'s images of shape ",
            trainingFile.images.sizes().slice(1));
    const auto labels = trainingFile.labels.accessor<std::int64_t, 1>();
    for (const auto index : poison.indices) {
        require(index < n, "poison index ", index, " is outside ", trainingFile.name, " (", n, " points)");
        require(labels[index] == poison.targetClass, "poison index ", index, " is labelled ", labels[index], " in ",
                trainingFile.name, ", not the target class ", poison.targetClass,
                " (clean-label poison keeps its base point's label)");
    }
    // Training-file index -> row of the poison images (-1 = clean point).
    std::vector<std::int64_t> keep;
    keep.reserve(viewIndices.size() + poison.indices.size());
    for (const auto index : viewIndices) {
        require(index >= 0 && index < n, "view index ", index, " is outside ", trainingFile.name, " (", n, " points)");
        if (labels[index] != poison.targetClass) keep.push_back(index);
    }
    keep.insert(keep.end(), poison.indices.begin(), poison.indices.end());
    std::sort(keep.begin(), keep.end());
    keep.erase(std::unique(keep.begin(), keep.end()), keep.end());

    auto view = trainingFile.subset(keep, "+poison");
    std::vector<std::int64_t> rows, sources;
    for (std::int64_t p = 0; p < poison.size(); ++p) {
        const auto position = std::lower_bound(keep.begin(), keep.end(), poison.indices[static_cast<std::size_t>(p)]);
        rows.push_back(position - keep.begin());
        sources.push_back(p);
    }
    if (!rows.empty())
        view.images.index_copy_(0, torch::tensor(rows, torch::kLong),
                                poison.images.index_select(0, torch::tensor(sources, torch::kLong)).to(view.images.options()));
    return view;
}

Dataset replacedView(const Dataset& trainingFile, const std::vector<std::int64_t>& viewIndices, const PoisonSet& poison) {
    requirePoisonFits(poison, trainingFile);
    std::unordered_map<std::int64_t, std::int64_t> row;
    for (std::int64_t r = 0; r < poison.size(); ++r)
        row[poison.indices[static_cast<std::size_t>(r)]] = r;
    auto view = viewIndices;
    for (const auto i : poison.indices)
        if (std::find(viewIndices.begin(), viewIndices.end(), i) == viewIndices.end()) view.push_back(i);
    std::sort(view.begin(), view.end());
    auto out = trainingFile.subset(view, ":poisoned");
    require(poison.images.sizes().slice(1) == out.images.sizes().slice(1), "poison set images have shape ", poison.images.sizes(),
            ", the data set's images ", out.images.sizes());
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
