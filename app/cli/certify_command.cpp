#include "certify_command.h"

#include "data/catalog.h"
#include "data/dataset.h"
#include "data/splits.h"
#include "models/checkpoint.h"
#include "models/layout.h"
#include "models/precision_scope.h"
#include "smoothing/certify.h"
#include "smoothing/eval_mode.h"
#include "smoothing/forward_batch.h"
#include "smoothing/metrics.h"
#include "smoothing/pgd_distortion.h"
#include "support/atomic_file.h"
#include "support/cancel.h"
#include "support/error.h"
#include "support/rng.h"
#include "support/runtime.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <sstream>

namespace pacd::cli {

namespace {

/// What every smoothing command needs: which model, which points, which noise.
struct SmoothingArgs {
    std::string model;
    std::string dataset;
    std::string split = "test";
    std::int64_t classFilter = -1; ///< -1 = every class
    std::int64_t count = -1;       ///< -1 = 500 with a class filter, else all; 0 = all; else a seeded subset
    double sigma = 0.0;            ///< 0 = the checkpoint's training σ
    bool sigmaOverride = false;
    std::uint64_t seed = 0;
    std::int64_t batch = 1000;
    std::int64_t forwardBatch = 0; ///< 0 = probed for the device (and remembered)
    std::string precision = "auto";
    std::string out;
};

// The paper certifies 500 random target-class test points (App. E.1).
constexpr std::int64_t kPaperEvaluationPoints = 500;

void addSmoothingOptions(CLI::App& command, SmoothingArgs& args) {
    command.add_option("--model", args.model, "checkpoint to smooth")->required();
    command.add_option("--dataset", args.dataset, "data set name (see `datasets`)")->required();
    command.add_option("--split", args.split, "split: train, paper-train, val, test, all")->capture_default_str();
    command.add_option("--class", args.classFilter, "only points of this class (the paper's target class)");
    command.add_option("--count", args.count,
                       "a seeded random subset of this many points; default: 500 with --class (the paper's evaluation "
                       "set, the same points the experiments use), else all; 0 = all");
    command.add_option("--sigma", args.sigma, "smoothing noise level (default: the checkpoint's training sigma)");
    command.add_flag("--sigma-override", args.sigmaOverride, "allow a sigma other than the checkpoint's on purpose");
    command.add_option("--batch", args.batch, "noisy samples per noise draw (with --seed, fixes the noise)")
        ->capture_default_str();
    command
        .add_option("--forward-batch", args.forwardBatch,
                    "samples per forward pass; 0 = the fastest for this device, probed once and remembered (speed only)")
        ->capture_default_str();
    command
        .add_option(
            "--precision", args.precision,
            "the base classifier's arithmetic: fp32 (exact reference), bf16 (autocast) or auto (bf16 on AMX or AVX512-BF16 "
            "CPUs and CUDA >= 8.0). The certificate holds for the smoothed classifier of the model evaluated "
            "in this precision; votes, bounds and radii are exact in every precision")
        ->check(CLI::IsMember(namesOf<Precision>()))
        ->capture_default_str();
    command.add_option("--seed", args.seed, "seed of the point subset and of the noise")->capture_default_str();
}

struct Prepared {
    LoadedCheckpoint checkpoint;
    Dataset points;
    std::vector<std::int64_t> indices; ///< positions in the split
    double sigma = 0.0;
    Precision precision = Precision::Fp32; ///< --precision resolved for the model's device
    std::int64_t forwardBatch = 0;         ///< --forward-batch, or the probe's choice
};

Prepared prepare(const SmoothingArgs& args, const GlobalOptions& options) {
    options.applyThreads();
    CheckpointExpectation expect;
    expect.dataset = args.dataset;
    if (args.sigma > 0.0) expect.sigma = args.sigma;
    expect.allowSigmaOverride = args.sigmaOverride;
    Prepared p;
    p.checkpoint = loadCheckpoint(args.model, expect, parseDevice(options.device));
    p.sigma = args.sigma > 0.0 ? args.sigma : p.checkpoint.info.sigma;
    require(p.sigma > 0.0, "--sigma: checkpoint ", args.model, " records no training sigma; give --sigma");

    const auto split = loadSplit(args.dataset, args.split, options.resolvedDataDir());
    require(args.count >= -1, "--count must be >= 0, got ", args.count);
    if (args.classFilter >= 0) {
        require(args.classFilter < split.numClasses(), "--class: ", args.dataset, " has ", split.numClasses(), " classes, got ",
                args.classFilter);
        const std::int64_t count = args.count < 0 ? kPaperEvaluationPoints : args.count;
        p.indices = sampleClassPoints(split.labels, args.classFilter, count, args.seed);
    } else {
        p.indices.resize(static_cast<std::size_t>(split.size()));
        for (std::int64_t i = 0; i < split.size(); ++i)
            p.indices[static_cast<std::size_t>(i)] = i;
        if (args.count > 0 && args.count < split.size()) {
            // A seeded random subset, kept in data order.
            PortableRng rng(args.seed);
            rng.shuffle(p.indices);
            p.indices.resize(static_cast<std::size_t>(args.count));
            std::sort(p.indices.begin(), p.indices.end());
        }
    }
    require(!p.indices.empty(), "no points selected from ", args.dataset, "/", args.split);
    p.points = split.subset(p.indices);
    auto& model = *p.checkpoint.model;
    p.precision = resolvePrecision(parseName<Precision>(args.precision), modelDevice(model));
    // The layout (and pass size) the probe found fastest on this device; --forward-batch overrides the size only.
    const auto passes = chooseForwardPasses(model, p.precision, defaultForwardBatchCache());
    p.forwardBatch = args.forwardBatch > 0 ? args.forwardBatch : passes.rows;
    return p;
}

nlohmann::ordered_json runInfo(const SmoothingArgs& args, const Prepared& p) {
    return {{"model", args.model},
            {"dataset", args.dataset},
            {"split", args.split},
            {"class", args.classFilter},
            {"sigma", p.sigma},
            {"seed", args.seed},
            {"device", describeDevice(modelDevice(*p.checkpoint.model))},
            {"precision", nameOf(p.precision)},
            {"precision_detail", describePrecision(parseName<Precision>(args.precision), modelDevice(*p.checkpoint.model))},
            {"trained_in", p.checkpoint.info.precision},
            {"layout", usesChannelsLast(*p.checkpoint.model) ? "channels-last" : "nchw"}};
}

struct CertifyArgs {
    SmoothingArgs common;
    std::int64_t n0 = 100;
    std::int64_t n = 100000;
    double alpha = 0.001;
};

void runCertify(const CertifyArgs& args, const GlobalOptions& options, bool certifyMode) {
    const auto p = prepare(args.common, options);
    CertifyConfig config;
    config.sigma = p.sigma;
    config.n0 = args.n0;
    config.n = args.n;
    config.alpha = args.alpha;
    config.batch = args.common.batch;
    config.seed = args.common.seed;
    config.precision = p.precision;
    config.forwardBatch = p.forwardBatch;
    config.validate();
    CancelToken cancel;
    const auto started = std::chrono::steady_clock::now();
    const auto results = certifyMode ? certify(*p.checkpoint.model, p.points.images, p.points.labels, config, cancel,
                                               terminalProgress(options), p.indices)
                                     : predict(*p.checkpoint.model, p.points.images, p.points.labels, config, cancel,
                                               terminalProgress(options), p.indices);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!args.common.out.empty()) writeCohenTsv(args.common.out, results);

    const auto summary = summarize(results, config.sigma, config.n, config.alpha);
    auto json = nlohmann::ordered_json::parse(summaryJson(summary));
    const std::int64_t perPoint = certifyMode ? config.n0 + config.n : config.n;
    const double samples = double(perPoint) * double(results.size());
    json["command"] = certifyMode ? "certify" : "predict";
    json["samples"] = samples;
    json["seconds"] = seconds;
    json["samples_per_second"] = seconds > 0 ? samples / seconds : 0.0;
    json["n0"] = config.n0;
    json["n"] = config.n;
    json["alpha"] = config.alpha;
    json["forward_batch"] = config.forwardBatch;
    json["run"] = runInfo(args.common, p);
    if (!certifyMode) {
        // Radii are not computed by PREDICT: the radius fields would only mislead.
        for (const char* key : {"acr", "radius_cap", "fraction_at_cap", "certified_accuracy", "warning"})
            json.erase(key);
        json["accuracy"] = summary.aca;
    }
    if (!args.common.out.empty()) json["out"] = args.common.out;
    printJson(json);
}

struct PgdArgs {
    SmoothingArgs common;
    PgdDistortionConfig config;
    bool noClip = false;
};

void runPgd(PgdArgs args, const GlobalOptions& options) {
    const auto p = prepare(args.common, options);
    auto config = args.config;
    config.sigma = p.sigma;
    config.batch = args.common.batch;
    config.seed = args.common.seed;
    // The toy data are feature vectors, not images: [0, 1] is no constraint for them.
    config.clipToUnitBox = !args.noClip && args.common.dataset != "toy-gaussians";
    config.validate();
    CancelToken cancel;
    const auto started = std::chrono::steady_clock::now();
    const auto results = pgdDistortion(*p.checkpoint.model, p.points.images, p.points.labels, config, cancel,
                                       terminalProgress(options), p.indices);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::int64_t found = 0;
    for (const auto& r : results)
        found += r.found ? 1 : 0;
    if (!args.common.out.empty()) {
        std::ostringstream tsv;
        tsv << "idx\tlabel\tclean_predict\tdistortion\tfound\n";
        for (const auto& r : results)
            tsv << r.index << '\t' << r.label << '\t' << r.cleanPrediction << '\t' << (r.found ? r.distortion : -1.0) << '\t'
                << (r.found ? 1 : 0) << '\n';
        writeTextAtomically(args.common.out, tsv.str());
    }
    const double mean = meanDistortion(results);
    nlohmann::ordered_json json{
        {"command", "pgd-distortion"},
        {"points", results.size()},
        {"found", found},
        {"mean_distortion", std::isfinite(mean) ? nlohmann::ordered_json(mean) : nlohmann::ordered_json(nullptr)},
        {"seconds", seconds},
        {"samples", config.samples},
        {"steps", config.steps},
        {"iterations", config.iterations},
        {"epsilon_range", {config.minEpsilon, config.maxEpsilon}},
        {"clip_to_unit_box", config.clipToUnitBox},
        {"run", runInfo(args.common, p)}};
    if (!args.common.out.empty()) json["out"] = args.common.out;
    printJson(json);
}

} // namespace

void addCertifyCommands(CLI::App& app, GlobalOptions& options) {
    for (const bool certifyMode : {true, false}) {
        auto args = std::make_shared<CertifyArgs>();
        auto* command = certifyMode ? app.add_subcommand("certify", "CERTIFY (Cohen et al.): smoothed prediction and certified "
                                                                    "radius of each point; prints ACR, ACA, abstention")
                                    : app.add_subcommand("predict", "PREDICT (Cohen et al.): smoothed prediction with "
                                                                    "abstention; prints accuracy and abstention");
        addSmoothingOptions(*command, args->common);
        if (certifyMode) command->add_option("--n0", args->n0, "samples that select the top class")->capture_default_str();
        command->add_option("--n", args->n, certifyMode ? "samples that estimate pA" : "samples that vote")
            ->capture_default_str();
        command->add_option("--alpha", args->alpha, "failure probability")->capture_default_str();
        command->add_option("--out", args->common.out, "per-point results as Cohen et al.'s TSV");
        command->callback([args, &options, certifyMode] { runCertify(*args, options, certifyMode); });
    }

    auto pgd = std::make_shared<PgdArgs>();
    auto* command = app.add_subcommand("pgd-distortion", "smallest l2 PGD distortion that changes the smoothed "
                                                         "classifier's prediction (paper 4.6); prints the mean");
    addSmoothingOptions(*command, pgd->common);
    command->add_option("--samples", pgd->config.samples, "noise samples per attack step")->capture_default_str();
    command->add_option("--steps", pgd->config.steps, "PGD steps per tried epsilon")->capture_default_str();
    command->add_option("--iterations", pgd->config.iterations, "bisection rounds over epsilon")->capture_default_str();
    command->add_option("--min-eps", pgd->config.minEpsilon, "smallest epsilon tried")->capture_default_str();
    command->add_option("--max-eps", pgd->config.maxEpsilon, "largest epsilon tried")->capture_default_str();
    command->add_option("--eval-samples", pgd->config.evalSamples, "samples of the vote that judges success")
        ->capture_default_str();
    command->add_flag("--no-clip", pgd->noClip, "do not clip attacked inputs to [0, 1]");
    command->add_option("--out", pgd->common.out, "per-point distortions as TSV");
    command->callback([pgd, &options] { runPgd(*pgd, options); });
}

} // namespace pacd::cli
