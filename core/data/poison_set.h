#pragma once
#include "data/dataset.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pacd {

/// The attacker's replacement for the target class's training points (paper §3.1: D^poison, clean-label).
/// On disk (format "pacd-poison-set" version 1): a JSON manifest FILE naming its images, and FILE's stem +
/// ".images.idx", a float32 IDX array [n, ...image shape] that keeps the poisoned pixels exact. The manifest
/// carries a hash of indices and pixels, so a manifest paired with other images is refused.
struct PoisonSet {
    std::string dataset;               ///< data set the indices refer to, e.g. "mnist"
    std::int64_t targetClass = 0;      ///< the class whose training points the set replaces (labels unchanged)
    torch::Tensor images;              ///< [n, ...image shape] float32, within valueRange
    std::vector<std::int64_t> indices; ///< training-file positions of the base points, one per image, distinct
    std::uint64_t seed = 0;            ///< seed of the attack that made it
    std::string configJson = "{}";     ///< the attack's settings as a JSON object
    /// Its data set's: images [0, 1], the toy's features unbounded. The manifest's "value_range"; manifests written
    /// before it existed hold images and read as UnitInterval.
    ValueRange valueRange = ValueRange::UnitInterval;

    std::int64_t size() const { return static_cast<std::int64_t>(indices.size()); }
    /// Throws pacd::Error naming the problem (shapes, values outside valueRange or not finite, duplicate or negative
    /// indices, bad config JSON).
    void validate() const;
    /// FNV-1a 64 over the indices and the pixels' float32 bytes, as 16 hex digits.
    std::string contentHash() const;
};

/// Throws pacd::Error unless the set's values may stand in `data`'s points: an unbounded set does not fit images.
void requirePoisonFits(const PoisonSet& poison, const Dataset& data);

/// Where the images of the manifest `manifest` live: "<stem>.images.idx" beside it.
std::filesystem::path poisonImagesPath(const std::filesystem::path& manifest);

/// Writes the images, then the manifest, each atomically (the manifest last: a reader never sees a manifest
/// whose images are not complete).
void writePoisonSet(const std::filesystem::path& manifest, const PoisonSet& poison);

/// Reads a poison set; throws pacd::Error naming the file when it is missing, of another format or version,
/// malformed, or when its images do not match the manifest's hash.
PoisonSet readPoisonSet(const std::filesystem::path& manifest);

} // namespace pacd
