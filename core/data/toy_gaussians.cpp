#include "data/toy_gaussians.h"

#include "support/error.h"

#include <torch/torch.h>

#include <cmath>
#include <random>

namespace pacd {
namespace {

// Box-Muller on raw mt19937_64 output: std::normal_distribution is implementation-defined, and the toy's
// numbers must match across compilers so that lecture slides and tests agree.
class PortableNormal {
  public:
    explicit PortableNormal(std::uint64_t seed) : m_engine(seed) {}
    double operator()() {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        const double u1 = uniformOpen(), u2 = uniformOpen();
        const double radius = std::sqrt(-2.0 * std::log(u1));
        const double angle = 2.0 * M_PI * u2;
        m_spare = radius * std::sin(angle);
        m_hasSpare = true;
        return radius * std::cos(angle);
    }

  private:
    double uniformOpen() { return (static_cast<double>(m_engine() >> 11) + 0.5) * 0x1.0p-53; }
    std::mt19937_64 m_engine;
    double m_spare = 0.0;
    bool m_hasSpare = false;
};

} // namespace

Dataset makeToyGaussians(const ToyGaussiansConfig& config) {
    require(config.pointsPerClass > 0, "toy Gaussians: pointsPerClass must be > 0, got ", config.pointsPerClass);
    require(config.stddev > 0.0, "toy Gaussians: stddev must be > 0, got ", config.stddev);
    PortableNormal normal(config.seed);
    const auto n = config.pointsPerClass;
    auto images = torch::empty({2 * n, 2}, torch::kFloat);
    auto labels = torch::empty({2 * n}, torch::kLong);
    auto x = images.accessor<float, 2>();
    auto y = labels.accessor<std::int64_t, 1>();
    for (std::int64_t i = 0; i < 2 * n; ++i) {
        const bool positive = i >= n;
        const double mean = positive ? config.positiveMean : config.negativeMean;
        x[i][0] = static_cast<float>(mean + config.stddev * normal());
        x[i][1] = static_cast<float>(mean + config.stddev * normal());
        y[i] = positive ? 1 : 0;
    }
    return Dataset{"toy-gaussians", images, labels, {"y=-1", "y=+1"}, ValueRange::Unbounded};
}

} // namespace pacd
