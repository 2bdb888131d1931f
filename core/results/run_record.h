#pragma once
#include "support/progress.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pacd {

/// One retrained victim: trained on one kind of data with one seed, then evaluated on the target class's test
/// points (class mode) or on one target test point (points mode, App. D.6).
struct VictimResult {
    std::string data;            ///< "clean", "watermark" or "poison"
    std::int64_t seed = 0;       ///< initialisation / shuffling seed of this victim
    std::int64_t point = -1;     ///< points mode: the target test point's index in the test file; -1 = whole class
    double acr = 0.0;            ///< target class ACR (radius 0 when wrong or abstained)
    double aca = 0.0;            ///< approximate certified accuracy: fraction correct with radius > 0
    double meanPA = 0.0;         ///< mean nA / n
    double fractionAtCap = 0.0;  ///< fraction of points at σ·Φ⁻¹(α^(1/n)): the cap, not the model, limits them
    double baseAccuracy = 0.0;   ///< the base classifier's accuracy on the clean evaluation points (Table 1)
    double pgdDistortion = -1.0; ///< mean ℓ2 PGD distortion against the smoothed classifier (Table 5); -1 = not measured
    double trainSeconds = 0.0;
    double certifySeconds = 0.0;
    std::vector<double> radii;             ///< the certified-accuracy curve's radius grid
    std::vector<double> certifiedAccuracy; ///< fraction correct with radius >= radii[i]
    std::vector<double> pointRadii;        ///< every evaluated point's certified radius (histograms)
    std::string checkpoint;                ///< the victim's model file
    std::string certificates;              ///< Cohen TSV of its certificates
    std::string precision = "fp32";        ///< fp32 | bf16: the base classifier's arithmetic when certified
};

/// One detector's verdict on one victim's training set (the defender's detect stage, beyond the paper): how well
/// its scores separate the poisons from the clean points of the target class, and what a filter at the usual budget
/// would remove.
struct DetectionResult {
    std::string data;                ///< "clean", "watermark", "random" or "poison": the scored training set
    std::string detector;            ///< "spectral", "activation-clustering", "deep-knn"
    std::int64_t seed = 0;           ///< the victim whose features were scored
    std::int64_t targetPoints = 0;   ///< target-class training points scored
    std::int64_t poisons = 0;        ///< of them poisoned (0 for clean data)
    double auc = -1.0;               ///< ROC AUC, poisons vs clean target points; -1 unless both are present
    double tprAt5 = -1.0;            ///< true-positive rate at 5 % false positives; -1 likewise
    std::int64_t budget = 0;         ///< points a filter removes: 1.5 × the poison count, at most the class
    std::int64_t removedPoisons = 0; ///< poisons among the budget's top-scored points
    double silhouette = -1.0;        ///< activation clustering's silhouette; -1 for the other detectors
    std::string scores;              ///< the detect stage's detect.json (every point's score)
};

/// Wall time of one stage of a run (stage names as in ExperimentRunner::plan()).
struct StageTiming {
    std::string stage;
    double seconds = 0.0;
    bool reused = false; ///< the stage's output already existed (resume, or shared with another spec)
};

/// Mean and sample standard deviation (n − 1; 0 for a single value) of one data kind's victims.
struct DataSummary {
    std::string data;
    std::int64_t victims = 0;
    double acrMean = 0.0, acrSd = 0.0;
    double acaMean = 0.0, acaSd = 0.0;
    double baseAccuracyMean = 0.0, baseAccuracySd = 0.0;
    double pgdMean = -1.0, pgdSd = 0.0; ///< -1 when not measured
};

/// Everything one experiment run is and produced: stored in the results store and written as result.json.
struct RunRecord {
    std::int64_t id = 0;               ///< the results store's id (0 = not stored)
    std::string name;                  ///< the spec's name (or the preset's row label)
    std::string preset;                ///< the preset it came from, "" for a spec file
    std::string specJson;              ///< ExperimentSpec::toJson(), defaults applied
    std::string specHash;              ///< hash of specJson: the same spec, the same run (resume)
    std::string environmentJson;       ///< library versions, device, threads, host (environmentJson())
    std::string status = "running";    ///< running | finished | cancelled | failed
    std::string error;                 ///< the failure's message when status == failed
    std::string startedAt, finishedAt; ///< ISO 8601 UTC
    double wallSeconds = 0.0;          ///< sum over this record's run() calls
    std::string workDir;               ///< where its artefacts live
    std::vector<VictimResult> victims;
    std::vector<DetectionResult> detections; ///< detect stages' verdicts (empty unless the spec detects or filters)
    std::vector<StageTiming> timings;
    std::map<std::string, std::string> artefacts; ///< e.g. "poison" -> manifest path, "watermark" -> ...

    /// One DataSummary per data kind present, in the order clean, watermark, random, poison.
    std::vector<DataSummary> summaries() const;
    /// Relative ACR change of poison vs clean victims ((poison − clean) / clean); 0 when either is missing.
    double acrDrop() const;
    /// "fp32" | "bf16": what the run computed in (its environment's "precision"; fp32 for runs recorded before).
    std::string precision() const;

    std::string toJson() const;
    /// Throws pacd::Error naming `source` when the JSON is not a run record.
    static RunRecord fromJson(const std::string& json, const std::string& source = "run record");
};

/// Mean and sample standard deviation of values (sd 0 for fewer than two).
std::pair<double, double> meanAndSd(const std::vector<double>& values);

/// Library versions (LibTorch, this program), device, thread count, host name, OS: a JSON object.
std::string environmentJson(const std::string& deviceDescription, int threads);

/// Current UTC time as ISO 8601 ("2026-11-24T19:12:47Z").
std::string utcNow();

/// The output files a run recorded for its stages of `kind` (every poison set, every watermark), in plan order:
/// found by their content-addressed folder's kind, not by the stages' display names.
std::vector<std::string> artefactsOfKind(const RunRecord& record, StageKind kind);

} // namespace pacd
