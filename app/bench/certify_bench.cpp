// pacd-bench certify: CERTIFY's throughput in fp32 and bf16 side by side, each against the raw batched forward pass
// of the same model on the same number of noisy samples, and what bf16 does to the certificates of a trained model
// (vote agreement with fp32 on the same noise, ACR of both on the same points next to the Monte-Carlo error).
#include "bench.h"

#include "data/catalog.h"
#include "data/splits.h"
#include "models/checkpoint.h"
#include "models/classifier.h"
#include "models/layout.h"
#include "models/precision_scope.h"
#include "smoothing/certify.h"
#include "smoothing/clopper_pearson.h"
#include "smoothing/eval_mode.h"
#include "smoothing/forward_batch.h"
#include "smoothing/metrics.h"
#include "support/paths.h"
#include "support/runtime.h"
#include "training/trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>
#include <iostream>

namespace pacd::bench {
namespace {

struct CertifyArgs {
    std::int64_t points = 5;
    std::int64_t n = 10000;
    std::int64_t n0 = 100;
    std::int64_t batch = 1000;     ///< noise block (certify --batch)
    std::int64_t forwardBatch = 0; ///< 0 = probed per precision
    std::vector<std::string> precisions{"fp32", "bf16"};
    bool channelsLast = true; ///< the layout certification uses (models/layout.h)
    double reference = 0.0;   ///< Cohen et al.'s Smooth.certify samples/s on this machine (scripts/bench)
    bool agreement = true;
    std::string model; ///< trained checkpoint for the agreement figures; empty = train one (GA, ~15 s)
};

// The same work CERTIFY's sampler does per pass, minus the counting: noise, forward, argmax.
double rawForwardSamplesPerSecond(ClassifierImpl& model, const torch::Tensor& point, std::int64_t samples, std::int64_t rows) {
    torch::InferenceMode inference;
    auto generator = makeNoiseGenerator(point.device(), 1);
    const bool channelsLast = usesChannelsLast(model);
    torch::Tensor last;
    auto pass = [&](std::int64_t count) {
        auto x = point.expand({count, point.size(1), point.size(2), point.size(3)});
        auto noisy = x + torch::randn(x.sizes(), generator, x.options()) * 0.25;
        if (channelsLast) noisy = noisy.contiguous(torch::MemoryFormat::ChannelsLast);
        last = model.forward(noisy).argmax(1);
    };
    pass(std::min(rows, samples));
    (void)last.cpu();
    const auto start = Clock::now();
    for (std::int64_t done = 0; done < samples; done += rows)
        pass(std::min(rows, samples - done));
    (void)last.cpu();
    return double(samples) / secondsSince(start);
}

// Item 2 of issue #13 on a trained GA model: the same noise through fp32 and bf16.
nlohmann::ordered_json agreementFigures(const CertifyArgs& args, const torch::Device& device, const std::string& dataDir) {
    const auto dir = resolveDataDir(dataDir);
    if (!datasetStatus("mnist", dir).present) return {{"skipped", "MNIST is not provisioned (scripts/bootstrap.sh)"}};
    Classifier model;
    std::string source = args.model;
    if (!args.model.empty()) {
        model = loadCheckpoint(args.model, {}, device).model;
    } else {
        const auto train = loadSplit("mnist", "paper-train", dir);
        const auto data = train.subset(stratifiedSubsample(train.labels, 3000, 0), ":bench");
        auto config = TrainConfig::paper(TrainMethod::GaussianAugmentation, "mnist", 0.25);
        config.epochs = 3;
        config.device = device;
        model = makeSeededClassifier(defaultModelSpec("mnist-cnn", "mnist"), 0);
        CancelToken cancel;
        pacd::train(*model, data, config, cancel, silentProgress());
        source = "GA, sigma 0.25, 3 epochs on 3,000 MNIST training images (fp32)";
    }
    const auto test = loadDatasetFile("mnist", "test", dir);
    auto eights = test.indicesOfClass(8);
    eights.resize(100);
    const auto points = test.subset(eights, ":8");
    const auto inputs = points.images.to(device), labels = points.labels.to(device);

    // Votes: 100 eights × 200 draws, the same noisy samples through both precisions.
    std::int64_t agree = 0, samples = 0;
    {
        EvalModeScope eval(*model);
        c10::InferenceMode inference;
        auto generator = makeNoiseGenerator(device, 11);
        const auto clean = inputs.repeat_interleave(200, 0);
        const auto noisy = clean + torch::randn(clean.sizes(), generator, clean.options()) * 0.25;
        const auto fp32 = model->forward(noisy).argmax(1);
        torch::Tensor bf16;
        {
            const PrecisionScope scope(Precision::Bf16, device);
            bf16 = model->forward(noisy).argmax(1);
        }
        agree = fp32.eq(bf16).sum().item<std::int64_t>();
        samples = noisy.size(0);
    }
    CertifyConfig config;
    config.sigma = 0.25;
    config.n0 = 100;
    config.n = 10000;
    config.seed = 3;
    std::vector<std::vector<PointResult>> runs;
    CancelToken cancel;
    for (const auto precision : {Precision::Fp32, Precision::Bf16}) {
        config.precision = precision;
        config.forwardBatch = chooseForwardBatch(*model, precision, defaultForwardBatchCache()).rows;
        runs.push_back(certify(*model, inputs, labels, config, cancel, silentProgress()));
    }
    double acr[2] = {0, 0}, variance = 0;
    std::int64_t changed = 0;
    for (std::size_t i = 0; i < runs[0].size(); ++i) {
        for (int p = 0; p < 2; ++p)
            acr[p] += runs[p][i].correct ? runs[p][i].radius : 0.0;
        const double se =
            radiusStandardError(std::llround(runs[0][i].pAEstimate * double(config.n)), config.n, config.alpha, config.sigma);
        variance += se * se;
        changed += runs[0][i].predicted != runs[1][i].predicted ? 1 : 0;
    }
    const double count = double(runs[0].size());
    return {{"model", source},
            {"noisy_samples", samples},
            {"argmax_agreement", double(agree) / double(samples)},
            {"certified_points", runs[0].size()},
            {"n", config.n},
            {"acr_fp32", acr[0] / count},
            {"acr_bf16", acr[1] / count},
            {"acr_difference", (acr[1] - acr[0]) / count},
            {"acr_monte_carlo_standard_error", std::sqrt(variance) / count},
            {"predictions_changed", changed}};
}

} // namespace

void addCertifyBench(CLI::App& app, BenchOptions& options) {
    auto args = std::make_shared<CertifyArgs>();
    auto* bench = app.add_subcommand(
        "certify", "CERTIFY throughput (samples/s) of the MNIST CNN in fp32 and bf16 vs its raw forward, bf16/fp32 and "
                   "against Cohen et al.'s reference (goals: bf16 >= 3x our fp32 and >= 3x the reference), and the bf16 "
                   "certificates' agreement with fp32 on a trained model");
    bench->add_option("--points", args->points, "MNIST test points to certify")->default_val(5);
    bench->add_option("--n", args->n, "Estimation samples per point")->default_val(10000);
    bench->add_option("--n0", args->n0, "Selection samples per point")->default_val(100);
    bench->add_option("--batch", args->batch, "Noise block (certify's --batch)")->default_val(1000);
    bench->add_option("--forward-batch", args->forwardBatch, "Samples per forward pass; 0 = probed per precision")
        ->default_val(0);
    bench->add_option("--precision", args->precisions, "Precisions to time")->check(CLI::IsMember(namesOf<Precision>()));
    bench->add_option("--channels-last", args->channelsLast, "Convolution weights in channels-last layout")->default_val(true);
    bench->add_option("--reference", args->reference,
                      "Cohen et al.'s Smooth.certify samples/s measured on this machine (scripts/bench/cohen-reference.sh)");
    bench->add_option("--agreement", args->agreement, "Also measure bf16 vs fp32 votes and ACR on a trained model")
        ->default_val(true);
    bench->add_option("--model", args->model, "Trained checkpoint for the agreement figures (default: train one, ~15 s)");
    bench->callback([&options, args] {
        const int threads = configureThreads(options.threads);
        const auto device = parseDevice(options.device);
        torch::manual_seed(0);
        auto model = makeClassifier(defaultModelSpec("mnist-cnn", "mnist"));
        model->to(device);
        model->eval();
        setChannelsLast(*model, args->channelsLast);
        const auto dataDir = resolveDataDir(options.dataDir);
        const bool real = datasetStatus("mnist", dataDir).present;
        torch::Tensor inputs, labels;
        if (real) {
            const auto test = loadDatasetFile("mnist", "test", dataDir);
            inputs = test.images.slice(0, 0, args->points).to(device);
            labels = test.labels.slice(0, 0, args->points).to(device);
        } else {
            inputs = torch::rand({args->points, 1, 28, 28}, device);
            labels = torch::zeros({args->points}, torch::TensorOptions(device).dtype(torch::kLong));
        }
        nlohmann::ordered_json out{{"bench", "certify"},
                                   {"device", describeDevice(device)},
                                   {"threads", threads},
                                   {"libtorch", torchVersion()},
                                   {"model", "mnist-cnn (untrained weights: cost does not depend on them)"},
                                   {"inputs", real ? "MNIST test points" : "random (MNIST not provisioned)"},
                                   {"channels_last", args->channelsLast},
                                   {"points", args->points},
                                   {"n0", args->n0},
                                   {"n", args->n},
                                   {"noise_block", args->batch},
                                   {"runs", nlohmann::ordered_json::array()}};
        std::map<std::string, double> certifyRate;
        for (const auto& name : args->precisions) {
            const auto requested = parseName<Precision>(name);
            const auto precision = resolvePrecision(requested, device);
            CertifyConfig config;
            config.sigma = 0.25;
            config.n0 = args->n0;
            config.n = args->n;
            config.batch = args->batch;
            config.precision = precision;
            const auto probe = chooseForwardBatch(*model, precision, {});
            config.forwardBatch = args->forwardBatch > 0 ? args->forwardBatch : probe.rows;
            CancelToken cancel;
            certify(*model, inputs.slice(0, 0, 1), labels.slice(0, 0, 1), config, cancel, silentProgress()); // warm-up
            const auto start = Clock::now();
            certify(*model, inputs, labels, config, cancel, silentProgress());
            const double seconds = secondsSince(start);
            const double samples = static_cast<double>(args->points * (args->n0 + args->n));
            certifyRate[name] = samples / seconds;
            double rawRate = 0;
            {
                const PrecisionScope scope(precision, device);
                rawRate = rawForwardSamplesPerSecond(*model, inputs.slice(0, 0, 1), static_cast<std::int64_t>(samples),
                                                     config.forwardBatch);
            }
            auto probed = nlohmann::ordered_json::object();
            for (const auto& [rows, rate] : probe.measured)
                probed[std::to_string(rows)] = rate;
            out["runs"].push_back({{"precision", name},
                                   {"precision_detail", describePrecision(requested, device)},
                                   {"forward_batch", config.forwardBatch},
                                   {"forward_batch_probe_samples_per_second", probed},
                                   {"certify_seconds", seconds},
                                   {"certify_samples_per_second", certifyRate[name]},
                                   {"raw_forward_samples_per_second", rawRate},
                                   {"certify_over_raw_forward", certifyRate[name] / rawRate}});
        }
        if (certifyRate.count("fp32") && certifyRate.count("bf16"))
            out["bf16_over_fp32"] = certifyRate["bf16"] / certifyRate["fp32"];
        if (args->reference > 0) {
            out["cohen_reference_samples_per_second"] = args->reference;
            for (const auto& [name, rate] : certifyRate)
                out[name + "_over_cohen_reference"] = rate / args->reference;
        }
        if (args->agreement) out["bf16_certificates"] = agreementFigures(*args, device, options.dataDir);
        std::cout << out.dump(2) << std::endl;
    });
}

} // namespace pacd::bench
