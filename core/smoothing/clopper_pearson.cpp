#include "smoothing/clopper_pearson.h"

#include "support/error.h"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pacd {

namespace {

void checkCounts(std::int64_t k, std::int64_t n, const char* what) {
    require(n >= 1, what, ": number of trials n must be >= 1, got ", n);
    require(k >= 0 && k <= n, what, ": success count must lie in [0, n = ", n, "], got ", k);
}

void checkAlpha(double alpha, const char* what) {
    require(alpha > 0.0 && alpha < 1.0, what, ": alpha must lie in (0, 1), got ", alpha);
}

// Quantile of Beta(a, b) at q; ibeta_inv is Boost's inverse regularised incomplete beta.
double betaQuantile(double a, double b, double q) {
    return boost::math::ibeta_inv(a, b, q);
}

} // namespace

double clopperPearsonLower(std::int64_t nA, std::int64_t n, double alpha) {
    checkCounts(nA, n, "Clopper-Pearson bound");
    checkAlpha(alpha, "Clopper-Pearson bound");
    if (nA == 0) return 0.0;
    return betaQuantile(static_cast<double>(nA), static_cast<double>(n - nA + 1), alpha);
}

ConfidenceInterval clopperPearsonInterval(std::int64_t successes, std::int64_t n, double alpha) {
    checkCounts(successes, n, "Clopper-Pearson interval");
    checkAlpha(alpha, "Clopper-Pearson interval");
    ConfidenceInterval interval;
    const auto k = static_cast<double>(successes);
    const auto trials = static_cast<double>(n);
    interval.lower = successes == 0 ? 0.0 : betaQuantile(k, trials - k + 1.0, alpha / 2.0);
    interval.upper = successes == n ? 1.0 : betaQuantile(k + 1.0, trials - k, 1.0 - alpha / 2.0);
    return interval;
}

double normalQuantile(double p) {
    require(p >= 0.0 && p <= 1.0, "normal quantile: probability must lie in [0, 1], got ", p);
    if (p == 0.0) return -std::numeric_limits<double>::infinity();
    if (p == 1.0) return std::numeric_limits<double>::infinity();
    return boost::math::quantile(boost::math::normal_distribution<double>(), p);
}

double normalCdf(double x) {
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

double binomialTwoSidedPValue(std::int64_t k, std::int64_t n, double p) {
    checkCounts(k, n, "binomial test");
    require(p >= 0.0 && p <= 1.0, "binomial test: p must lie in [0, 1], got ", p);
    if (p == 0.0) return k == 0 ? 1.0 : 0.0;
    if (p == 1.0) return k == n ? 1.0 : 0.0;
    const boost::math::binomial_distribution<double> dist(static_cast<double>(n), p);
    const auto pmf = [&](std::int64_t y) { return boost::math::pdf(dist, static_cast<double>(y)); };
    const auto cdf = [&](std::int64_t y) { return y < 0 ? 0.0 : boost::math::cdf(dist, static_cast<double>(y)); };
    // P(Y >= y) through the complement keeps precision in the far upper tail.
    const auto survivalFrom = [&](std::int64_t y) {
        return y <= 0 ? 1.0 : (y > n ? 0.0 : boost::math::cdf(boost::math::complement(dist, static_cast<double>(y - 1))));
    };
    const double mean = static_cast<double>(n) * p;
    if (static_cast<double>(k) == mean) return 1.0;
    // Outcomes "as extreme" are those whose probability does not exceed pmf(k); the relative slack absorbs
    // rounding so that the symmetric outcome of k counts (scipy uses the same 1 + 1e-7).
    const double threshold = pmf(k) * (1.0 + 1e-7);
    double pValue = 0.0;
    if (static_cast<double>(k) < mean) {
        // pmf decreases on [ceil(mean), n]: find the first y there with pmf(y) <= threshold.
        std::int64_t lo = static_cast<std::int64_t>(std::ceil(mean)), hi = n + 1;
        while (lo < hi) {
            const std::int64_t mid = lo + (hi - lo) / 2;
            if (pmf(mid) <= threshold)
                hi = mid;
            else
                lo = mid + 1;
        }
        pValue = cdf(k) + survivalFrom(lo);
    } else {
        // pmf increases on [0, floor(mean)]: find the last y there with pmf(y) <= threshold.
        std::int64_t lo = -1, hi = static_cast<std::int64_t>(std::floor(mean));
        while (lo < hi) {
            const std::int64_t mid = lo + (hi - lo + 1) / 2;
            if (pmf(mid) <= threshold)
                lo = mid;
            else
                hi = mid - 1;
        }
        pValue = cdf(lo) + survivalFrom(k);
    }
    return std::min(1.0, pValue);
}

} // namespace pacd
