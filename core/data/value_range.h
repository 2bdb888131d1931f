#pragma once
// What values a data set's inputs may take. Images live in [0, 1] (pixels): poisons, baselines and PGD are
// projected back into it. Feature vectors such as App. D.2's toy Gaussians are unbounded: clamping them to [0, 1]
// would move points past ε and towards the other class, so they are projected onto the ε-ball only.
#include "support/names.h"

namespace pacd {

enum class ValueRange {
    UnitInterval, ///< [0, 1]: pixels (every image data set)
    Unbounded,    ///< any finite value: feature vectors (the toy)
};

template <> struct NameTable<ValueRange> {
    static constexpr const char* what = "value range";
    static constexpr std::array<std::pair<ValueRange, const char*>, 2> entries{
        {{ValueRange::UnitInterval, "unit-interval"}, {ValueRange::Unbounded, "unbounded"}}};
};

} // namespace pacd
