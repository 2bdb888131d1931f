// SCRATCH (lead): replaced by the store helper's implementation at merge.
#include "experiment/run_record.h"
#include "experiment/victim_json.h"
#include "support/error.h"
#include <nlohmann/json.hpp>
#include <cmath>
#include <ctime>
namespace pacd {
std::pair<double, double> meanAndSd(const std::vector<double>& v) {
    if (v.empty()) return {0, 0};
    double m = 0; for (double x : v) m += x; m /= v.size();
    if (v.size() < 2) return {m, 0};
    double s = 0; for (double x : v) s += (x - m) * (x - m);
    return {m, std::sqrt(s / (v.size() - 1))};
}
std::vector<DataSummary> RunRecord::summaries() const {
    std::vector<DataSummary> out;
    for (const std::string kind : {"clean", "watermark", "poison"}) {
        std::vector<double> acr, aca;
        for (const auto& v : victims) if (v.data == kind) { acr.push_back(v.acr); aca.push_back(v.aca); }
        if (acr.empty()) continue;
        DataSummary s; s.data = kind; s.victims = acr.size();
        std::tie(s.acrMean, s.acrSd) = meanAndSd(acr); std::tie(s.acaMean, s.acaSd) = meanAndSd(aca);
        out.push_back(s);
    }
    return out;
}
double RunRecord::acrDrop() const { return 0; }
std::string RunRecord::toJson() const {
    nlohmann::ordered_json j{{"name", name}, {"status", status}, {"wall_seconds", wallSeconds}};
    auto vs = nlohmann::ordered_json::array();
    for (const auto& v : victims) vs.push_back(victimToJson(v));
    j["victims"] = vs;
    return j.dump(2);
}
RunRecord RunRecord::fromJson(const std::string&, const std::string&) { return {}; }
std::string environmentJson(const std::string& d, int t) { return nlohmann::json{{"device", d}, {"threads", t}}.dump(); }
std::string utcNow() { char b[32]; std::time_t t = std::time(nullptr); std::strftime(b, sizeof b, "%FT%TZ", std::gmtime(&t)); return b; }
}
