#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pacd {

/// The outcome of CERTIFY or PREDICT on one point.
struct PointResult {
    std::int64_t index = 0;      ///< position of the point in its data set
    std::int64_t label = 0;      ///< true class
    std::int64_t predicted = -1; ///< smoothed prediction; -1 = abstained
    double radius = 0.0;         ///< certified ℓ2 radius (0 when abstained, and for PREDICT)
    bool correct = false;        ///< predicted == label
    double pAEstimate = 0.0;     ///< nA / n, the empirical frequency of the predicted (or selected) class
    double seconds = 0.0;        ///< wall time spent on this point
};

/// ACR and friends restricted to one class.
struct ClassSummary {
    std::int64_t label = 0;
    std::int64_t points = 0;
    double acr = 0.0;
    double aca = 0.0;
    double abstainRate = 0.0;
};

/// Aggregate view of a certification run.
struct CertifySummary {
    std::int64_t points = 0;
    double acr = 0.0; ///< mean radius, counting wrong or abstained points as 0
    double aca = 0.0; ///< fraction correct (hence not abstained)
    double abstainRate = 0.0;
    double meanPAEstimate = 0.0;
    double seconds = 0.0;                  ///< sum of per-point times
    std::vector<double> radii;             ///< the radius grid
    std::vector<double> certifiedAccuracy; ///< fraction correct with radius >= radii[i]
    std::vector<ClassSummary> perClass;    ///< ordered by label
    double radiusCap = 0.0;                ///< largest radius n samples can certify: σ·Φ⁻¹(α^(1/n))
    double fractionAtCap = 0.0;            ///< fraction of points whose radius reached the cap
    std::string warning;                   ///< non-empty when the cap, not the model, limits the radii
};

/// The largest radius CERTIFY can give with n samples at level alpha (all n samples vote for cA).
double largestCertifiableRadius(double sigma, std::int64_t n, double alpha);

/// 0, 0.25, ..., 4.0: the grid of certified-accuracy curves.
std::vector<double> defaultRadiusGrid();

/// Summarises per-point results of CERTIFY run with (sigma, n, alpha).
CertifySummary summarize(const std::vector<PointResult>& results, double sigma, std::int64_t n, double alpha,
                         const std::vector<double>& radiusGrid = defaultRadiusGrid());

/// Cohen et al.'s TSV: "idx\tlabel\tpredict\tradius\tcorrect\ttime", written atomically.
void writeCohenTsv(const std::filesystem::path& path, const std::vector<PointResult>& results);

/// The summary as a JSON document (pretty-printed).
std::string summaryJson(const CertifySummary& summary);

/// CERTIFY's radius for nA of n votes: σ·Φ⁻¹(Clopper-Pearson lower bound at α); 0 when the bound is below 1/2.
double certifiedRadius(std::int64_t nA, std::int64_t n, double alpha, double sigma);

/// The Monte-Carlo error of that radius: how far it moves when nA moves by one binomial standard deviation
/// sqrt(nA·(1 − nA/n)) (at least one vote). What a fresh draw of noise would change.
double radiusStandardError(std::int64_t nA, std::int64_t n, double alpha, double sigma);

/// Writes summaryJson() atomically.
void writeSummaryJson(const std::filesystem::path& path, const CertifySummary& summary);

} // namespace pacd
