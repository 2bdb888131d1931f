#pragma once
// The experiment runner's stages (internal to core/experiment). Each stage reads its inputs, writes its output
// files atomically into its own folder, and is done when its marker file exists; an interrupted stage resumes
// from its checkpoint (attack and training per epoch, certification per chunk of points).
#include "attack/pacd_attack.h"
#include "data/poison_set.h"
#include "experiment/experiment_data.h"
#include "experiment/runner.h"
#include "plan/experiment_plan.h"
#include "results/run_record.h"

#include <torch/types.h>

#include <filesystem>
#include <string>

namespace pacd::stages {

/// What every stage needs.
struct Context {
    const ExperimentPlan& plan;
    const ExperimentData& data;
    torch::Device device;
    CancelToken& cancel;
    const RunObserver& observer; ///< its progress sink tags events with the current stage
    double trainProgressSeconds = 0.2;
};

/// The target-class points one attack works on: every target point of the train part (class mode, point = -1)
/// or the poisonCount nearest to test point `point` (points mode).
std::vector<std::int64_t> poisonBase(const Context& ctx, std::int64_t point);

/// PACD poisons (Alg. 1); output dir/poison.json. Checkpoint dir/poison.ckpt, removed once done.
void poison(const Context& ctx, const std::filesystem::path& dir, std::int64_t point);
/// The watermark baseline on the same base points; output dir/poison.json.
void watermark(const Context& ctx, const std::filesystem::path& dir, std::int64_t point);
/// The random ±ε baseline on the same base points; output dir/poison.json.
void randomNoise(const Context& ctx, const std::filesystem::path& dir, std::int64_t point);

/// A victim's training data: the view, with the plan's sanitiser applied, and where its rows come from.
struct VictimData {
    Dataset data;
    std::vector<std::int64_t> positions; ///< training-file position of each row
    std::vector<std::int64_t> poisons;   ///< positions of the poisoned rows (the poison set's indices)
};
/// Clean data (poisonManifest empty) or the view with the poison set, sanitised as the plan says.
VictimData victimData(const Context& ctx, const std::filesystem::path& poisonManifest);

/// Trains one victim on clean data (poisonManifest empty) or with the poison set, sanitised as the plan says and,
/// with a detectFile, without the budget's top-scored points of the plan's filter; outputs dir/model.pt and the
/// marker dir/train.json ({"seconds", "epochs", "history"}). Resumes from dir/model.pt.state.
void train(const Context& ctx, const std::filesystem::path& dir, const std::filesystem::path& poisonManifest, std::int64_t seed,
           const std::filesystem::path& detectFile = {});

/// Scores the target-class points of a victim's training set with every detector on the victim's penultimate
/// features (trainDir/model.pt); output dir/detect.json (positions, poison flags, scores, budget, results).
std::vector<DetectionResult> detect(const Context& ctx, const std::filesystem::path& dir, const std::filesystem::path& trainDir,
                                    const std::filesystem::path& poisonManifest, DataKind kind, std::int64_t seed);
/// Reads a finished detect stage's results.
std::vector<DetectionResult> readDetections(const std::filesystem::path& dir);
/// Certifies the victim of trainDir on the evaluation points (class mode) or the one test point `point`;
/// output dir/victim.json (a VictimResult), dir/certify.tsv. Resumes from dir/certify.partial.json.
VictimResult certify(const Context& ctx, const std::filesystem::path& dir, const std::filesystem::path& trainDir, DataKind data,
                     std::int64_t seed, std::int64_t point);
/// Reads a finished certify stage's victim.json.
VictimResult readVictim(const std::filesystem::path& dir);

} // namespace pacd::stages
