#pragma once
// Poisoned-point detectors on penultimate-layer features (defense_config.h names them). Each returns one score per
// point, higher = more suspicious, so that ROC curves (roc.h) and filtering treat them alike. The callers pass the
// features of one class at a time where the method is per class (spectral signatures, activation clustering).
#include "defense/defense_config.h"

#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace pacd {

/// Tran et al. 2018: the squared projection of each centred feature row on the top right singular vector of the
/// centred matrix. features [N, D] with N >= 2. Returns [N] float64.
torch::Tensor spectralSignatureScores(const torch::Tensor& features);

/// Chen et al. 2018's activation clustering of one class.
struct ClusteringResult {
    torch::Tensor scores;         ///< [N] float64: distance to the larger cluster's centre minus to the smaller's
    torch::Tensor inSmaller;      ///< [N] bool: member of the smaller cluster (score > 0 up to ties)
    double silhouette = 0.0;      ///< mean silhouette of the 2-clustering in the reduced space (near 1: two groups)
    std::int64_t smallerSize = 0; ///< members of the smaller cluster
};

/// Centres `features` [N, D] (N >= 2), projects on the top `dims` principal directions (fewer when N or D is
/// smaller), runs 2-means (Lloyd, initialised with a seeded point and the point farthest from it) and scores.
ClusteringResult activationClustering(const torch::Tensor& features, std::int64_t dims, std::uint64_t seed);

/// Peri et al. 2020's deep k-NN: for each query row, the fraction of its k nearest reference rows (ℓ2, the query's
/// own row excluded when selfIndex names it, ties by position) whose label differs from the query's. query [M, D],
/// queryLabels [M] int64, reference [N, D], referenceLabels [N], selfIndex: per query its row in reference or -1.
/// Returns [M] float64. The method flags a point when its neighbours' plurality label differs from its own;
/// knnFlags() gives that decision.
torch::Tensor deepKnnScores(const torch::Tensor& query, const torch::Tensor& queryLabels, const torch::Tensor& reference,
                            const torch::Tensor& referenceLabels, std::int64_t k, const std::vector<std::int64_t>& selfIndex);
/// As deepKnnScores, the decision instead: true where the neighbours' plurality label (ties: the smallest label)
/// differs from the point's own.
torch::Tensor deepKnnFlags(const torch::Tensor& query, const torch::Tensor& queryLabels, const torch::Tensor& reference,
                           const torch::Tensor& referenceLabels, std::int64_t k, const std::vector<std::int64_t>& selfIndex);

} // namespace pacd
