#include "smoothing/metrics.h"

#include "smoothing/clopper_pearson.h"
#include "support/atomic_file.h"
#include "support/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

namespace pacd {

double largestCertifiableRadius(double sigma, std::int64_t n, double alpha) {
    require(sigma > 0.0, "radius cap: sigma must be > 0, got ", sigma);
    require(n >= 1, "radius cap: n must be >= 1, got ", n);
    require(alpha > 0.0 && alpha < 1.0, "radius cap: alpha must lie in (0, 1), got ", alpha);
    // nA = n gives the Clopper-Pearson bound alpha^(1/n); exp/log keeps precision for large n.
    const double lower = std::exp(std::log(alpha) / static_cast<double>(n));
    return lower < 0.5 ? 0.0 : sigma * normalQuantile(lower);
}

std::vector<double> defaultRadiusGrid() {
    std::vector<double> grid;
    for (int i = 0; i <= 16; ++i)
        grid.push_back(0.25 * i);
    return grid;
}

CertifySummary summarize(const std::vector<PointResult>& results, double sigma, std::int64_t n, double alpha,
                         const std::vector<double>& radiusGrid) {
    CertifySummary s;
    s.points = static_cast<std::int64_t>(results.size());
    s.radii = radiusGrid;
    s.certifiedAccuracy.assign(radiusGrid.size(), 0.0);
    s.radiusCap = largestCertifiableRadius(sigma, n, alpha);
    if (results.empty()) return s;

    struct Tally {
        std::int64_t points = 0, correct = 0, abstained = 0;
        double radiusSum = 0.0;
    };
    Tally all;
    std::map<std::int64_t, Tally> byClass;
    std::int64_t atCap = 0;
    double pASum = 0.0;
    for (const auto& r : results) {
        for (Tally* t : {&all, &byClass[r.label]}) {
            ++t->points;
            if (r.predicted < 0) ++t->abstained;
            if (r.correct) {
                ++t->correct;
                t->radiusSum += r.radius;
            }
        }
        for (std::size_t i = 0; i < radiusGrid.size(); ++i)
            if (r.correct && r.radius >= radiusGrid[i]) s.certifiedAccuracy[i] += 1.0;
        // Relative slack: the cap and the radius come from the same formula but through different roundings.
        if (s.radiusCap > 0.0 && r.radius >= s.radiusCap * (1.0 - 1e-9)) ++atCap;
        pASum += r.pAEstimate;
        s.seconds += r.seconds;
    }
    const double count = static_cast<double>(s.points);
    s.acr = all.radiusSum / count;
    s.aca = double(all.correct) / count;
    s.abstainRate = double(all.abstained) / count;
    s.meanPAEstimate = pASum / count;
    for (double& accuracy : s.certifiedAccuracy)
        accuracy /= count;
    for (const auto& [label, t] : byClass) {
        const double points = double(t.points);
        s.perClass.push_back({label, t.points, t.radiusSum / points, double(t.correct) / points, double(t.abstained) / points});
    }
    s.fractionAtCap = double(atCap) / count;
    if (s.fractionAtCap > 0.5) {
        std::ostringstream out;
        out << "most points (" << std::lround(100.0 * s.fractionAtCap) << "%) reached the largest radius n = " << n
            << " samples can certify (" << s.radiusCap << " at sigma " << sigma << ", alpha " << alpha
            << "); the ACR measures the sample count, not the model: raise n";
        s.warning = out.str();
    }
    return s;
}

void writeCohenTsv(const std::filesystem::path& path, const std::vector<PointResult>& results) {
    std::ostringstream out;
    out << "idx\tlabel\tpredict\tradius\tcorrect\ttime\n";
    char line[160];
    for (const auto& r : results) {
        // Cohen et al. print the radius with 3 decimals and the time as h:mm:ss.ffffff; seconds keep it parseable.
        std::snprintf(line, sizeof line, "%lld\t%lld\t%lld\t%.3f\t%d\t%.6f\n", static_cast<long long>(r.index),
                      static_cast<long long>(r.label), static_cast<long long>(r.predicted), r.radius, r.correct ? 1 : 0,
                      r.seconds);
        out << line;
    }
    writeTextAtomically(path, out.str());
}

std::string summaryJson(const CertifySummary& s) {
    nlohmann::json j;
    j["points"] = s.points;
    j["acr"] = s.acr;
    j["aca"] = s.aca;
    j["abstain_rate"] = s.abstainRate;
    j["mean_pa_estimate"] = s.meanPAEstimate;
    j["seconds"] = s.seconds;
    j["radius_cap"] = s.radiusCap;
    j["fraction_at_cap"] = s.fractionAtCap;
    j["warning"] = s.warning;
    nlohmann::json curve = nlohmann::json::array();
    for (std::size_t i = 0; i < s.radii.size(); ++i)
        curve.push_back({{"radius", s.radii[i]}, {"certified_accuracy", s.certifiedAccuracy[i]}});
    j["certified_accuracy"] = curve;
    nlohmann::json classes = nlohmann::json::array();
    for (const auto& c : s.perClass)
        classes.push_back(
            {{"label", c.label}, {"points", c.points}, {"acr", c.acr}, {"aca", c.aca}, {"abstain_rate", c.abstainRate}});
    j["per_class"] = classes;
    return j.dump(2);
}

void writeSummaryJson(const std::filesystem::path& path, const CertifySummary& summary) {
    writeTextAtomically(path, summaryJson(summary) + "\n");
}

double certifiedRadius(std::int64_t nA, std::int64_t n, double alpha, double sigma) {
    const double lower = clopperPearsonLower(std::max<std::int64_t>(0, nA), n, alpha);
    return lower < 0.5 ? 0.0 : sigma * normalQuantile(lower);
}

double radiusStandardError(std::int64_t nA, std::int64_t n, double alpha, double sigma) {
    const double sd = std::max(1.0, std::sqrt(double(nA) * (1.0 - double(nA) / double(n))));
    return std::abs(certifiedRadius(nA, n, alpha, sigma) -
                    certifiedRadius(static_cast<std::int64_t>(std::llround(double(nA) - sd)), n, alpha, sigma));
}

} // namespace pacd
