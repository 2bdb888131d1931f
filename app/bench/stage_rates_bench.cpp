// pacd-bench stage-rates: one experiment row's stages at their real settings (default: Table 2's MNIST σ = 0.25 row
// at paper scale), each run on the device for a bounded time, with the measured rate and the extrapolated time of
// the full stage and of the whole row (attack + every victim's training and certification). What a paper-scale row
// costs, measured in minutes instead of run for hours; scripts/gpu-check.sh runs it on the GPU server.
#include "bench.h"

#include "experiment/experiment_data.h"
#include "experiment/stages.h"
#include "models/precision_scope.h"
#include "plan/presets.h"
#include "plan/vocabulary.h"
#include "smoothing/certify.h"
#include "smoothing/forward_batch.h"
#include "support/cancel.h"
#include "support/paths.h"
#include "support/runtime.h"
#include "training/trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <unistd.h>

#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

namespace pacd::bench {
namespace {

struct Tick {
    double seconds;
    std::int64_t step, total;
};

// Cancels `cancel` after `seconds` unless stopped first (the stage finished).
class Deadline {
  public:
    Deadline(CancelToken& cancel, double seconds)
        : m_thread([this, &cancel, seconds] {
              std::unique_lock<std::mutex> lock(m_mutex);
              if (!m_done.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return m_stopped; })) cancel.cancel();
          }) {}
    ~Deadline() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopped = true;
        }
        m_done.notify_all();
        m_thread.join();
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_stopped = false;
    std::thread m_thread;
};

// Runs `work` for at most `seconds`, recording the progress events of `stage`; returns the stage's figures: the
// steady rate between the first and the last event (so that setup does not dilute it), the setup before the first
// step, and setup + total / rate as the full stage's time (its measured time when it finished).
nlohmann::ordered_json timeBoxed(const std::string& stage, const std::string& unit, double seconds, std::int64_t countInRow,
                                 const std::function<void(CancelToken&, const ProgressSink&)>& work) {
    CancelToken cancel;
    std::vector<Tick> ticks;
    const auto start = Clock::now();
    const ProgressSink sink = [&](const ProgressEvent& event) {
        if (event.stage == stage && event.total > 0) ticks.push_back({secondsSince(start), event.step, event.total});
    };
    bool finished = false;
    std::string error;
    {
        const Deadline deadline(cancel, seconds);
        try {
            work(cancel, sink);
            finished = true;
        } catch (const Cancelled&) {
        } catch (const std::exception& e) {
            error = e.what();
        }
    }
    const double elapsed = secondsSince(start);
    nlohmann::ordered_json out{{"stage", stage},
                               {"unit", unit},
                               {"time_box_seconds", seconds},
                               {"measured_seconds", elapsed},
                               {"finished", finished},
                               {"count_in_row", countInRow}};
    if (!error.empty()) out["error"] = error;
    if (ticks.empty()) {
        out["full_stage_seconds"] = finished ? nlohmann::ordered_json(elapsed) : nlohmann::ordered_json();
        out["note"] = "no progress event within the time box: no rate";
        return out;
    }
    const auto& first = ticks.front();
    const auto& last = ticks.back();
    double rate = 0;
    if (last.step > first.step && last.seconds > first.seconds)
        rate = double(last.step - first.step) / (last.seconds - first.seconds);
    else if (last.seconds > 0)
        rate = double(last.step) / last.seconds;
    const double setup = rate > 0 ? std::max(0.0, first.seconds - double(first.step) / rate) : first.seconds;
    out["done"] = last.step;
    out["total"] = last.total;
    out["rate_per_second"] = rate;
    out["setup_seconds"] = setup;
    out["full_stage_seconds"] = finished ? elapsed : (rate > 0 ? setup + double(last.total) / rate : 0.0);
    return out;
}

} // namespace

void addStageRatesBench(CLI::App& app, BenchOptions& options) {
    struct Args {
        std::string preset = "table2-mnist", row = "mnist σ=0.25", scale = "paper";
        double seconds = 60;
        std::vector<std::string> stages{"attack", "train", "certify"};
    };
    auto args = std::make_shared<Args>();
    auto* command = app.add_subcommand(
        "stage-rates", "One experiment row's stages at their real settings, each for at most --seconds on the device: measured "
                       "rate, extrapolated full-stage and whole-row time (default: Table 2 MNIST sigma = 0.25, paper scale)");
    command->add_option("--preset", args->preset, "Preset")->capture_default_str();
    command->add_option("--row", args->row, "Row of the preset")->capture_default_str();
    command->add_option("--scale", args->scale, "demo or paper")->capture_default_str();
    command->add_option("--seconds", args->seconds, "Time box of each stage")->capture_default_str()->check(CLI::PositiveNumber);
    command->add_option("--stage", args->stages, "Stages to measure: attack, train, certify")
        ->check(CLI::IsMember({"attack", "train", "certify"}));
    command->callback([&options, args] {
        const int threads = configureThreads(options.threads);
        const auto device = parseDevice(options.device);
        ExperimentSpec spec;
        bool found = false;
        for (const auto& candidate : findPreset(args->preset).specs(args->scale))
            if (candidate.name == args->row) {
                spec = candidate;
                found = true;
            }
        if (!found) throw CLI::ValidationError("--row", "no row '" + args->row + "' in preset " + args->preset);
        PlanOptions planOptions;
        planOptions.nativeBf16 = hasNativeBf16(device);
        const auto plan = resolve(spec, planOptions);
        const auto data = loadExperimentData(plan, resolveDataDir(options.dataDir));
        std::map<StageKind, std::int64_t> counts;
        for (const auto& stage : plan.stages)
            ++counts[stage.kind];
        const auto work = std::filesystem::temp_directory_path() / ("pacd-bench-stage-rates-" + std::to_string(::getpid()));
        std::filesystem::remove_all(work);

        nlohmann::ordered_json out{{"bench", "stage-rates"},
                                   {"preset", args->preset},
                                   {"row", args->row},
                                   {"scale", args->scale},
                                   {"device", describeDevice(device)},
                                   {"threads", threads},
                                   {"libtorch", torchVersion()},
                                   {"precision", nameOf(plan.precision)},
                                   {"victims", counts[StageKind::Train]},
                                   {"certified_points", plan.points},
                                   {"n", plan.certify.n},
                                   {"stages", nlohmann::ordered_json::array()}};
        const auto want = [&](const char* name) {
            return std::find(args->stages.begin(), args->stages.end(), name) != args->stages.end();
        };
        RunObserver observer;
        if (want("attack"))
            out["stages"].push_back(timeBoxed("poison", "upper steps", args->seconds, counts[StageKind::Poison],
                                              [&](CancelToken& cancel, const ProgressSink& sink) {
                                                  observer.progress = sink;
                                                  const stages::Context ctx{plan, data, device, cancel, observer, 1.0};
                                                  stages::poison(ctx, work / "poison", plan.units.front());
                                              }));
        if (want("train"))
            // A clean victim: a poisoned one trains on as many points (the poisons replace or join a class's own).
            out["stages"].push_back(timeBoxed("train", "optimiser steps", args->seconds, counts[StageKind::Train],
                                              [&](CancelToken& cancel, const ProgressSink& sink) {
                                                  observer.progress = sink;
                                                  const stages::Context ctx{plan, data, device, cancel, observer, 1.0};
                                                  stages::train(ctx, work / "train", {}, plan.spec.seed);
                                              }));
        if (want("certify"))
            // The victim's weights do not change what certification costs (n samples a point whatever they are):
            // freshly initialised ones stand in for a trained victim.
            out["stages"].push_back(timeBoxed(
                "certify", "points", args->seconds, counts[StageKind::Certify],
                [&](CancelToken& cancel, const ProgressSink& sink) {
                    auto model = makeSeededClassifier(defaultModelSpec(nameOf(plan.retrainArch), plan.spec.dataset), 0);
                    model->to(device);
                    auto config = plan.certify;
                    config.forwardBatch = chooseForwardPasses(*model, config.precision, defaultForwardBatchCache()).rows;
                    const auto index = torch::tensor(data.evaluation, torch::kLong);
                    const auto inputs = data.test.images.index_select(0, index).to(device);
                    const auto labels = data.test.labels.index_select(0, index).to(device);
                    certify(*model, inputs, labels, config, cancel, sink);
                }));
        std::filesystem::remove_all(work);

        double row = 0;
        bool complete = want("attack") && want("train") && want("certify");
        for (const auto& stage : out["stages"]) {
            if (!stage["full_stage_seconds"].is_number()) {
                complete = false;
                continue;
            }
            row += stage["full_stage_seconds"].get<double>() * stage["count_in_row"].get<double>();
        }
        out["row_seconds_extrapolated"] = complete ? nlohmann::ordered_json(row) : nlohmann::ordered_json();
        out["row_minutes_extrapolated"] = complete ? nlohmann::ordered_json(row / 60.0) : nlohmann::ordered_json();
        out["cost_model_seconds"] = {{"attack", plan.seconds.attack},
                                     {"train_victim", plan.seconds.trainVictim},
                                     {"certify_victim", plan.seconds.certifyVictim},
                                     {"row", plan.estimatedSeconds()}};
        std::cout << out.dump(2) << std::endl;
    });
}

} // namespace pacd::bench
