#include "results/run_record.h"

#include "plan/experiment_plan.h"
#include "results/victim_json.h"
#include "support/error.h"
#include "support/runtime.h"

#include <nlohmann/json.hpp>

#include <filesystem>

#include <sys/utsname.h>
#include <unistd.h>

#include <cmath>
#include <ctime>

#ifndef PACD_VERSION
#define PACD_VERSION "unknown"
#endif

namespace pacd {
using nlohmann::json;
using nlohmann::ordered_json;

std::pair<double, double> meanAndSd(const std::vector<double>& values) {
    if (values.empty()) return {0.0, 0.0};
    double mean = 0.0;
    for (const double v : values)
        mean += v;
    mean /= static_cast<double>(values.size());
    if (values.size() < 2) return {mean, 0.0};
    double squares = 0.0;
    for (const double v : values)
        squares += (v - mean) * (v - mean);
    return {mean, std::sqrt(squares / static_cast<double>(values.size() - 1))};
}

std::vector<DataSummary> RunRecord::summaries() const {
    std::vector<DataSummary> out;
    for (const std::string kind : {"clean", "watermark", "random", "poison"}) {
        std::vector<double> acr, aca, base, pgd;
        for (const auto& v : victims) {
            if (v.data != kind) continue;
            acr.push_back(v.acr);
            aca.push_back(v.aca);
            base.push_back(v.baseAccuracy);
            if (v.pgdDistortion >= 0) pgd.push_back(v.pgdDistortion);
        }
        if (acr.empty()) continue;
        DataSummary s;
        s.data = kind;
        s.victims = static_cast<std::int64_t>(acr.size());
        std::tie(s.acrMean, s.acrSd) = meanAndSd(acr);
        std::tie(s.acaMean, s.acaSd) = meanAndSd(aca);
        std::tie(s.baseAccuracyMean, s.baseAccuracySd) = meanAndSd(base);
        if (!pgd.empty()) std::tie(s.pgdMean, s.pgdSd) = meanAndSd(pgd);
        out.push_back(s);
    }
    return out;
}

std::string RunRecord::precision() const {
    const auto environment = json::parse(environmentJson.empty() ? "{}" : environmentJson, nullptr, false);
    if (environment.is_object() && environment.contains("precision") && environment["precision"].is_string())
        return environment["precision"].get<std::string>();
    return "fp32";
}

double RunRecord::acrDrop() const {
    double clean = -1, poison = -1;
    for (const auto& s : summaries()) {
        if (s.data == "clean") clean = s.acrMean;
        if (s.data == "poison") poison = s.acrMean;
    }
    return clean > 0 && poison >= 0 ? (poison - clean) / clean : 0.0;
}

std::string RunRecord::toJson() const {
    auto victimList = ordered_json::array();
    for (const auto& v : victims)
        victimList.push_back(victimToJson(v));
    auto detectionList = ordered_json::array();
    for (const auto& d : detections)
        detectionList.push_back(detectionToJson(d));
    auto timingList = ordered_json::array();
    for (const auto& t : timings)
        timingList.push_back({{"stage", t.stage}, {"seconds", t.seconds}, {"reused", t.reused}});
    const auto parsedOrNull = [](const std::string& text) { return text.empty() ? ordered_json() : ordered_json::parse(text); };
    ordered_json j{{"format", "pacd-run-record"},
                   {"version", 1},
                   {"id", id},
                   {"name", name},
                   {"preset", preset},
                   {"spec", parsedOrNull(specJson)},
                   {"spec_hash", specHash},
                   {"environment", parsedOrNull(environmentJson)},
                   {"status", status},
                   {"error", error},
                   {"started_at", startedAt},
                   {"finished_at", finishedAt},
                   {"wall_seconds", wallSeconds},
                   {"work_dir", workDir},
                   {"victims", victimList},
                   {"timings", timingList},
                   {"artefacts", artefacts}};
    // Only when there are any, so that records of undefended runs read as before.
    if (!detections.empty()) j["detections"] = detectionList;
    return j.dump(2);
}

RunRecord RunRecord::fromJson(const std::string& text, const std::string& source) {
    RunRecord r;
    try {
        const auto j = ordered_json::parse(text); // ordered: the spec keeps its field order
        require(j.value("format", std::string()) == "pacd-run-record", source, ": not a pacd run record");
        require(j.value("version", 0) == 1, source, ": run record version ", j.value("version", 0),
                " is not supported (this build reads 1)");
        r.id = j.value("id", std::int64_t{0});
        r.name = j.value("name", std::string());
        r.preset = j.value("preset", std::string());
        r.specJson = j.contains("spec") && !j["spec"].is_null() ? j["spec"].dump(2) : std::string();
        r.specHash = j.value("spec_hash", std::string());
        r.environmentJson = j.contains("environment") && !j["environment"].is_null() ? j["environment"].dump() : std::string();
        r.status = j.value("status", std::string("running"));
        r.error = j.value("error", std::string());
        r.startedAt = j.value("started_at", std::string());
        r.finishedAt = j.value("finished_at", std::string());
        r.wallSeconds = j.value("wall_seconds", 0.0);
        r.workDir = j.value("work_dir", std::string());
        for (const auto& v : j.at("victims"))
            r.victims.push_back(victimFromJson(json::parse(v.dump()), source));
        for (const auto& t : j.at("timings"))
            r.timings.push_back(
                StageTiming{t.at("stage").get<std::string>(), t.at("seconds").get<double>(), t.value("reused", false)});
        r.artefacts = j.at("artefacts").get<std::map<std::string, std::string>>();
        if (j.contains("detections"))
            for (const auto& d : j.at("detections"))
                r.detections.push_back(detectionFromJson(json::parse(d.dump()), source));
    } catch (const json::exception& e) {
        fail(source, ": not a valid run record (", e.what(), ")");
    }
    return r;
}

std::string environmentJson(const std::string& deviceDescription, int threads) {
    utsname system{};
    ::uname(&system);
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    ordered_json j {
        {"pacd_studio", PACD_VERSION}, {"libtorch", torchVersion()}, {"device", deviceDescription}, {"threads", threads},
            {"host", host}, {"os", std::string(system.sysname) + " " + system.release + " " + system.machine},
#if defined(__clang__)
            {"compiler", "clang " __clang_version__}
#elif defined(__GNUC__)
            {"compiler", "gcc " __VERSION__}
#else
        {
            "compiler", "unknown"
        }
#endif
    };
    return j.dump();
}

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::vector<std::string> artefactsOfKind(const RunRecord& record, StageKind kind) {
    std::vector<std::string> out;
    for (const auto& timing : record.timings) {
        const auto found = record.artefacts.find(timing.stage);
        if (found != record.artefacts.end() &&
            kindOfFolder(std::filesystem::path(found->second).parent_path().filename().string()) == kind)
            out.push_back(found->second);
    }
    return out;
}

} // namespace pacd
