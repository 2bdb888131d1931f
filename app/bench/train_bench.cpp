// pacd-bench train: training throughput of each method on the paper's MNIST CNN, through the real trainer.
#include "bench.h"

#include "data/catalog.h"
#include "data/splits.h"
#include "models/classifier.h"
#include "models/precision_scope.h"
#include "support/cancel.h"
#include "support/paths.h"
#include "support/runtime.h"
#include "training/trainer.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <iostream>

namespace pacd::bench {
namespace {

struct TrainBenchArgs {
    std::int64_t images = 2000;
    std::int64_t batch = 200;
    double sigma = 0.25;
    bool flushDenormal = false;
    std::vector<std::string> methods = methodNames();
    std::vector<std::string> precisions{"fp32", "bf16"};
};

// Real MNIST training points when provisioned (the data do not change the cost, but keep the losses realistic).
Dataset benchData(std::int64_t count, const std::string& dataDir, bool& real) {
    const auto dir = resolveDataDir(dataDir);
    real = datasetStatus("mnist", dir).present;
    if (real) {
        const auto train = loadSplit("mnist", "paper-train", dir);
        return train.subset(stratifiedSubsample(train.labels, count, 0), ":bench");
    }
    Dataset data;
    data.name = "random/bench";
    data.images = torch::rand({count, 1, 28, 28});
    data.labels = torch::randint(0, 10, {count}, torch::kLong);
    for (int c = 0; c < 10; ++c)
        data.classNames.push_back(std::to_string(c));
    return data;
}

} // namespace

void addTrainBench(CLI::App& app, BenchOptions& options) {
    auto args = std::make_shared<TrainBenchArgs>();
    auto* command =
        app.add_subcommand("train", "Training throughput (images/s) of each method on the MNIST CNN with the paper's settings "
                                    "(Adam, batch 200; MACER k=16; SmoothAdv m=1, 2 PGD steps)");
    command->add_option("--images", args->images, "training points per method (one epoch)")->capture_default_str();
    command->add_option("--batch", args->batch, "batch size")->capture_default_str();
    command->add_option("--sigma", args->sigma, "noise level")->capture_default_str();
    command->add_flag("--flush-denormal", args->flushDenormal, "flush denormal floats to zero (CPU; shows their cost)");
    command->add_option("--method", args->methods, "methods to measure")->check(CLI::IsMember(methodNames()));
    command->add_option("--precision", args->precisions, "precisions to measure (bf16: autocast, fp32 master weights)")
        ->check(CLI::IsMember(namesOf<Precision>()));
    command->callback([&options, args] {
        const int threads = configureThreads(options.threads);
        const auto device = parseDevice(options.device);
        const bool flushing = args->flushDenormal && torch::globalContext().setFlushDenormal(true);
        torch::manual_seed(0);
        bool real = false;
        const auto data = benchData(args->images, options.dataDir, real);
        nlohmann::ordered_json out{{"bench", "train"},           {"device", describeDevice(device)},
                                   {"threads", threads},         {"libtorch", torchVersion()},
                                   {"arch", "mnist-cnn"},        {"data", real ? "mnist" : "random"},
                                   {"images", data.size()},      {"batch", args->batch},
                                   {"flush_denormal", flushing}, {"results", nlohmann::ordered_json::array()}};
        CancelToken cancel;
        for (const auto& name : args->methods) {
            std::map<std::string, double> rates;
            for (const auto& precisionName : args->precisions) {
                auto config = TrainConfig::paper(parseMethod(name), "mnist", args->sigma);
                config.epochs = 1;
                config.batchSize = args->batch;
                config.device = device;
                config.precision = resolvePrecision(parseName<Precision>(precisionName), device);
                const auto spec = defaultModelSpec("mnist-cnn", "mnist");
                {
                    // Warm-up on one batch: allocator and oneDNN primitive caches.
                    std::vector<std::int64_t> first(static_cast<std::size_t>(std::min(args->batch, data.size())));
                    for (std::size_t i = 0; i < first.size(); ++i)
                        first[i] = static_cast<std::int64_t>(i);
                    auto model = makeSeededClassifier(spec, 0);
                    train(*model, data.subset(first, ":warm-up"), config, cancel, silentProgress());
                }
                auto model = makeSeededClassifier(spec, 0);
                const auto result = train(*model, data, config, cancel, silentProgress());
                rates[precisionName] = result.imagesPerSecond;
                nlohmann::ordered_json row{{"method", name},
                                           {"precision", precisionName},
                                           {"train_images_per_second", result.imagesPerSecond},
                                           {"seconds", result.seconds},
                                           {"final_loss", result.history.back().loss}};
                if (name == "macer") row["noise_samples"] = config.macer.samples;
                if (name == "smoothadv") row["pgd_steps"] = config.smoothAdv.steps;
                out["results"].push_back(row);
            }
            if (rates.count("fp32") && rates.count("bf16")) out["bf16_over_fp32"][name] = rates["bf16"] / rates["fp32"];
        }
        std::cout << out.dump(2) << std::endl;
    });
}

} // namespace pacd::bench
