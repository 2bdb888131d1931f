#pragma once
// The project's two non-cryptographic hashes, each written once. Both are content addresses or seeds on users'
// disks (stage folder names, spec hashes, poison-set and checkpoint seals, the streams of a seeded run), so their
// output must never change: tst_support pins them to the published test vectors.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pacd {

/// FNV-1a 64 (Fowler, Noll, Vo), fed incrementally: add() the pieces in order, then read value() or hex().
class Fnv1a64 {
  public:
    static constexpr std::uint64_t kOffsetBasis = 0xcbf29ce484222325ULL;
    static constexpr std::uint64_t kPrime = 0x100000001b3ULL;

    /// Mixes `bytes` bytes at `data` into the hash.
    Fnv1a64& add(const void* data, std::size_t bytes) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < bytes; ++i) {
            m_hash ^= p[i];
            m_hash *= kPrime;
        }
        return *this;
    }
    Fnv1a64& add(std::string_view text) { return add(text.data(), text.size()); }

    std::uint64_t value() const { return m_hash; }
    /// The hash as 16 lower-case hex digits.
    std::string hex() const;

  private:
    std::uint64_t m_hash = kOffsetBasis;
};

/// `value` as 16 lower-case hex digits, zero-padded ("00000000000000ff").
std::string hex16(std::uint64_t value);

/// FNV-1a 64 of a text as 16 hex digits (artefact folder names, spec hashes).
std::string hashText(std::string_view text);

/// SplitMix64's output function (Steele, Lea, Flood 2014): a bijective mix of 64 bits, so that nearby inputs
/// (seed, seed + 1) give unrelated outputs.
constexpr std::uint64_t splitMix64Mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// SplitMix64's increment, 2^64 / φ.
constexpr std::uint64_t kSplitMix64Gamma = 0x9e3779b97f4a7c15ULL;

/// Output number `index` (0-based) of SplitMix64 started at `seed`: distinct, well-mixed seeds for the separate
/// random streams of one run.
constexpr std::uint64_t splitMix64(std::uint64_t seed, std::uint64_t index) {
    return splitMix64Mix(seed + kSplitMix64Gamma * (index + 1));
}

} // namespace pacd
