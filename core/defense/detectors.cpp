#include "defense/detectors.h"

#include "support/error.h"

#include <torch/torch.h>

#include <algorithm>
#include <limits>

namespace pacd {
namespace {

torch::Tensor centred(const torch::Tensor& features, const char* what) {
    require(features.dim() == 2 && features.size(0) >= 2, what, ": needs features [N, D] with N >= 2, got ", features.sizes());
    const auto f = features.to(torch::kDouble);
    return f - f.mean(0, true);
}

// The principal directions of centred rows, as the rows of the returned [r, D] matrix (r = min(N, D)).
torch::Tensor principalDirections(const torch::Tensor& centredRows) {
    return std::get<2>(torch::linalg_svd(centredRows, /*full_matrices=*/false));
}

// Pairwise ℓ2 distances in row blocks (a class of CIFAR-10 has 5,000 rows: the full matrix is fine, its squares
// expanded are not exact; cdist on doubles is).
torch::Tensor distances(const torch::Tensor& a, const torch::Tensor& b) {
    return torch::cdist(a.to(torch::kDouble), b.to(torch::kDouble));
}

// Indices of the k nearest reference rows of every query row, self excluded, ties by position.
torch::Tensor nearest(const torch::Tensor& query, const torch::Tensor& reference, std::int64_t k,
                      const std::vector<std::int64_t>& selfIndex) {
    require(query.dim() == 2 && reference.dim() == 2 && query.size(1) == reference.size(1), "deep k-NN: features ", query.sizes(),
            " and ", reference.sizes(), " do not match");
    require(static_cast<std::int64_t>(selfIndex.size()) == query.size(0), "deep k-NN: ", selfIndex.size(), " self indices for ",
            query.size(0), " queries");
    const auto available = reference.size(0) - 1;
    require(k >= 1 && k <= available, "deep k-NN: k = ", k, " needs 1 <= k <= ", available, " (reference points - 1)");
    std::vector<torch::Tensor> parts;
    constexpr std::int64_t block = 1024;
    for (std::int64_t first = 0; first < query.size(0); first += block) {
        const auto last = std::min(query.size(0), first + block);
        auto d = distances(query.slice(0, first, last), reference);
        for (auto i = first; i < last; ++i)
            if (selfIndex[static_cast<std::size_t>(i)] >= 0)
                d[i - first][selfIndex[static_cast<std::size_t>(i)]] = std::numeric_limits<double>::infinity();
        // A stable sort keeps equal distances in reference order, so ties resolve the same on every platform.
        parts.push_back(std::get<1>(d.sort(/*stable=*/true, /*dim=*/1, /*descending=*/false)).slice(1, 0, k));
    }
    return torch::cat(parts, 0);
}

} // namespace

torch::Tensor spectralSignatureScores(const torch::Tensor& features) {
    const auto c = centred(features, "spectral signatures");
    const auto top = principalDirections(c)[0];
    return c.matmul(top).pow(2);
}

ClusteringResult activationClustering(const torch::Tensor& features, std::int64_t dims, std::uint64_t seed) {
    require(dims >= 1, "activation clustering: dims must be >= 1, got ", dims);
    const auto c = centred(features, "activation clustering");
    const auto n = c.size(0);
    const auto directions = principalDirections(c);
    const auto r = std::min(dims, directions.size(0));
    const auto x = c.matmul(directions.slice(0, 0, r).t()); // [N, r]

    // 2-means: a seeded first centre, the farthest point from it as the second, then Lloyd to a fixed point.
    auto generator = at::detail::createCPUGenerator(seed);
    const auto first = torch::randint(n, {1}, generator, torch::TensorOptions().dtype(torch::kLong)).item<std::int64_t>();
    const auto second = distances(x[first].unsqueeze(0), x)[0].argmax().item<std::int64_t>();
    auto centres = torch::stack({x[first], x[second]});
    torch::Tensor assignment;
    for (int iteration = 0; iteration < 100; ++iteration) {
        const auto next = distances(x, centres).argmin(1);
        if (assignment.defined() && next.equal(assignment)) break;
        assignment = next;
        for (std::int64_t j = 0; j < 2; ++j) {
            const auto members = assignment.eq(j);
            if (members.any().item<bool>()) centres[j] = x.index({members}).mean(0);
        }
    }
    const auto inOne = assignment.eq(1);
    const auto ones = inOne.sum().item<std::int64_t>();
    const std::int64_t smaller = ones <= n - ones ? 1 : 0;

    ClusteringResult result;
    const auto d = distances(x, centres); // [N, 2]
    result.scores = d.select(1, 1 - smaller) - d.select(1, smaller);
    result.inSmaller = assignment.eq(smaller);
    result.smallerSize = result.inSmaller.sum().item<std::int64_t>();

    // Silhouette: (b − a) / max(a, b) per point, a = mean distance to its own cluster's other points, b = to the
    // other cluster's; a point alone in its cluster counts 0 (Rousseeuw's convention).
    const auto pairwise = distances(x, x);
    const auto same = assignment.unsqueeze(0).eq(assignment.unsqueeze(1));
    const auto ownCount = same.sum(1).to(torch::kDouble) - 1;
    const auto otherCount = (~same).sum(1).to(torch::kDouble);
    const auto a = (pairwise * same).sum(1) / ownCount.clamp_min(1);
    const auto b = (pairwise * ~same).sum(1) / otherCount.clamp_min(1);
    auto s = (b - a) / torch::max(a, b).clamp_min(1e-300);
    s = torch::where(ownCount.gt(0) & otherCount.gt(0), s, torch::zeros_like(s));
    result.silhouette = s.mean().item<double>();
    return result;
}

torch::Tensor deepKnnScores(const torch::Tensor& query, const torch::Tensor& queryLabels, const torch::Tensor& reference,
                            const torch::Tensor& referenceLabels, std::int64_t k, const std::vector<std::int64_t>& selfIndex) {
    const auto neighbours = nearest(query, reference, k, selfIndex);
    const auto labels = referenceLabels.to(torch::kLong).index({neighbours}); // [M, k]
    return labels.ne(queryLabels.to(torch::kLong).unsqueeze(1)).to(torch::kDouble).mean(1);
}

torch::Tensor deepKnnFlags(const torch::Tensor& query, const torch::Tensor& queryLabels, const torch::Tensor& reference,
                           const torch::Tensor& referenceLabels, std::int64_t k, const std::vector<std::int64_t>& selfIndex) {
    const auto neighbours = nearest(query, reference, k, selfIndex);
    const auto labels = referenceLabels.to(torch::kLong).index({neighbours});
    const auto classes = std::max(labels.max().item<std::int64_t>(), queryLabels.max().item<std::int64_t>()) + 1;
    const auto votes = torch::zeros({labels.size(0), classes}, torch::kLong).scatter_add_(1, labels, torch::ones_like(labels));
    // argmax returns the first maximum: ties go to the smallest label.
    return votes.argmax(1).ne(queryLabels.to(torch::kLong));
}

} // namespace pacd
