#pragma once
// The victims' training data when poisons are in play: a view of the training file with poisoned images in place
// of their base points (labels unchanged: clean-label poisoning). Two cuts, one per mode of the attack.
#include "data/dataset.h"
#include "data/poison_set.h"

#include <cstdint>
#include <vector>

namespace pacd {

/// The training view "clean data with the target class's training points replaced by the poisoned set": the
/// points of `trainingFile` at `viewIndices` that are not of the target class, plus one point per poison image at
/// its base index with the training file's label; sorted by training-file index. Throws pacd::Error when a
/// poison index is out of range or not labelled with the target class, or the image shapes differ.
Dataset poisonedView(const Dataset& trainingFile, const std::vector<std::int64_t>& viewIndices, const PoisonSet& poison);

/// The victims' training view: the points of `trainingFile` at `viewIndices`, with every point that `poison`
/// names replaced by its poisoned image (labels unchanged), sorted by training-file position. Unlike
/// poisonedView() the target class's other points stay (points mode poisons only some of them).
Dataset replacedView(const Dataset& trainingFile, const std::vector<std::int64_t>& viewIndices, const PoisonSet& poison);

} // namespace pacd
