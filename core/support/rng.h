#pragma once
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace pacd {

/// A seeded generator whose draws are identical on every platform and standard library:
/// std::mt19937_64 is fully specified, but std::uniform_int_distribution and std::shuffle are not,
/// so splits made on a laptop would differ from those made on a GPU server.
class PortableRng {
  public:
    explicit PortableRng(std::uint64_t seed) : m_engine(seed) {}

    /// Uniform integer in [0, bound) by rejection sampling (no modulo bias).
    std::uint64_t below(std::uint64_t bound) {
        const std::uint64_t limit = ~std::uint64_t(0) - (~std::uint64_t(0) % bound);
        std::uint64_t draw;
        do {
            draw = m_engine();
        } while (draw >= limit);
        return draw % bound;
    }

    /// Fisher-Yates shuffle.
    template <typename T> void shuffle(std::vector<T>& values) {
        for (std::size_t i = values.size(); i > 1; --i)
            std::swap(values[i - 1], values[below(i)]);
    }

  private:
    std::mt19937_64 m_engine;
};

} // namespace pacd
