#pragma once
// Run records with hand-checkable numbers, shared by tst_results_store and tst_report.
#include "results/run_record.h"

#include <string>

namespace pacd::test {

inline VictimResult victimOf(const std::string& data, std::int64_t seed, double acr, double aca) {
    VictimResult v;
    v.data = data;
    v.seed = seed;
    v.acr = acr;
    v.aca = aca;
    v.meanPA = 0.9;
    v.baseAccuracy = aca;
    v.radii = {0.0, 0.25, 0.5};
    v.certifiedAccuracy = {aca, aca / 2, 0.0};
    v.pointRadii = {0.1, 0.2, acr};
    v.checkpoint = "work/train-" + data + std::to_string(seed) + "/model.pt";
    return v;
}

/// Two seeds of clean / watermarked / poisoned victims, as Table 2 at demo scale.
inline RunRecord table2Record(const std::string& name) {
    RunRecord r;
    r.name = name;
    r.preset = "table2-mnist";
    r.specJson = R"({"schema_version": 1, "dataset": "mnist", "sigma": 0.25, "poison_defense": "ga", "retrain_defense": "ga"})";
    r.specHash = "0123456789abcdef";
    r.environmentJson = environmentJson("CPU (2 threads)", 2);
    r.status = "finished";
    r.startedAt = "2026-11-24T19:00:00Z";
    r.finishedAt = "2026-11-24T19:05:24Z";
    r.wallSeconds = 324.0;
    r.workDir = "work/specs/0123";
    r.victims = {victimOf("clean", 0, 0.525, 0.93), victimOf("watermark", 0, 0.521, 0.94), victimOf("poison", 0, 0.368, 0.80),
                 victimOf("clean", 1, 0.588, 0.99), victimOf("watermark", 1, 0.584, 0.99), victimOf("poison", 1, 0.480, 0.89)};
    r.timings = {{"poison", 146.0, false}, {"train clean seed 0", 30.5, true}};
    r.artefacts = {{"poison", "work/artefacts/poison-1/poison.json"}};
    return r;
}

} // namespace pacd::test
