#include "attack/baselines.h"

#include "attack/approx_grad.h"
#include "support/error.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

namespace pacd {

torch::Tensor watermarkPoisons(const torch::Tensor& base, const torch::Tensor& others, double opacity, double epsilon,
                               std::uint64_t seed, ValueRange range) {
    require(opacity >= 0.0 && opacity <= 1.0, "watermark setting 'opacity' must lie in [0, 1], got ", opacity);
    require(epsilon >= 0.0, "watermark setting 'epsilon' must be >= 0, got ", epsilon);
    require(others.size(0) > 0, "watermark: the pool of other-class images is empty");
    require(others.sizes().slice(1) == base.sizes().slice(1), "watermark: other-class images ", others.sizes(),
            " do not match the base images ", base.sizes());
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    const auto pick = torch::randint(others.size(0), {base.size(0)}, generator, torch::TensorOptions().dtype(torch::kLong));
    auto poisons = opacity * others.index_select(0, pick.to(others.device())) + (1.0 - opacity) * base;
    projectPoisons(poisons, base, epsilon, range == ValueRange::UnitInterval);
    return poisons;
}

torch::Tensor randomSignPoisons(const torch::Tensor& base, double epsilon, std::uint64_t seed, ValueRange range) {
    require(epsilon >= 0.0, "random-noise setting 'epsilon' must be >= 0, got ", epsilon);
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    const auto signs =
        torch::randint(2, base.sizes(), generator, torch::TensorOptions().dtype(base.scalar_type())).mul_(2).sub_(1);
    auto poisons = base + epsilon * signs.to(base.device());
    return range == ValueRange::UnitInterval ? poisons.clamp_(0.0, 1.0) : poisons;
}

} // namespace pacd
