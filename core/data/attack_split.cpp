#include "data/attack_split.h"

#include "data/catalog.h"
#include "data/splits.h"

namespace pacd {

AttackSplit loadAttackSplit(const std::string& dataset, std::int64_t subset, std::uint64_t splitSeed,
                            const std::filesystem::path& dataDir) {
    AttackSplit split{loadDatasetFile(dataset, "train", dataDir), {}, {}};
    const auto parts =
        splitTrainValidation(split.trainingFile.size(), SplitConfig{dataset == "toy-gaussians" ? 100 : 5000, splitSeed});
    split.train = parts.train;
    split.validation = parts.validation;
    if (subset > 0 && subset < static_cast<std::int64_t>(split.train.size()))
        split.train = stratifiedSubsetOf(split.train, split.trainingFile.labels, subset, splitSeed);
    return split;
}

} // namespace pacd
