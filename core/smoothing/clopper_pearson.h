#pragma once
#include <cstdint>

namespace pacd {

/// A two-sided confidence interval for a binomial proportion.
struct ConfidenceInterval {
    double lower = 0.0;
    double upper = 1.0;
};

/// One-sided Clopper-Pearson lower bound on p from nA successes in n trials: P(p < lower) <= alpha.
/// Equals the alpha quantile of Beta(nA, n - nA + 1); 0 when nA = 0; alpha^(1/n) when nA = n.
double clopperPearsonLower(std::int64_t nA, std::int64_t n, double alpha);

/// Two-sided Clopper-Pearson interval at confidence 1 - alpha (alpha/2 in each tail).
ConfidenceInterval clopperPearsonInterval(std::int64_t successes, std::int64_t n, double alpha);

/// Φ⁻¹, the standard normal quantile, for p in (0, 1); -inf / +inf at 0 / 1.
double normalQuantile(double p);

/// Φ, the standard normal CDF.
double normalCdf(double x);

/// Exact two-sided binomial test p-value of k successes in n trials under success probability p
/// (outcomes no more likely than k, as scipy.stats.binomtest(k, n, p).pvalue).
double binomialTwoSidedPValue(std::int64_t k, std::int64_t n, double p = 0.5);

} // namespace pacd
