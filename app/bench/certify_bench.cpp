// pacd-bench certify: CERTIFY's throughput against the raw batched forward pass of the same model on the same
// number of noisy samples. The ratio shows what sampling, counting and bookkeeping cost on top of the network.
#include "bench.h"

#include "data/catalog.h"
#include "models/classifier.h"
#include "smoothing/certify.h"
#include "support/paths.h"
#include "support/runtime.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <iostream>

namespace pacd::bench {
namespace {

struct CertifyArgs {
    std::int64_t points = 5;
    std::int64_t n = 10000;
    std::int64_t n0 = 100;
    std::vector<std::int64_t> batches{1000};
    bool channelsLast = false;
};

// The same work CERTIFY's sampler does per pass, minus the counting: noise, forward, argmax.
double rawForwardSamplesPerSecond(ClassifierImpl& model, const torch::Tensor& point, std::int64_t samples, std::int64_t batch,
                                  bool channelsLast) {
    torch::InferenceMode inference;
    auto generator = makeNoiseGenerator(point.device(), 1);
    auto pass = [&](std::int64_t rows) {
        auto x = point.expand({rows, point.size(1), point.size(2), point.size(3)});
        auto noisy = x + torch::randn(x.sizes(), generator, x.options()) * 0.25;
        if (channelsLast) noisy = noisy.contiguous(torch::MemoryFormat::ChannelsLast);
        return model.forward(noisy).argmax(1).sum().item<std::int64_t>();
    };
    pass(std::min(batch, samples));
    const auto start = Clock::now();
    for (std::int64_t done = 0; done < samples; done += batch)
        pass(std::min(batch, samples - done));
    return samples / secondsSince(start);
}

} // namespace

void addCertifyBench(CLI::App& app, BenchOptions& options) {
    auto args = std::make_shared<CertifyArgs>();
    auto* bench = app.add_subcommand(
        "certify", "CERTIFY throughput (samples/s) of the MNIST CNN vs its raw batched forward; goal ratio >= 0.9");
    bench->add_option("--points", args->points, "MNIST test points to certify")->default_val(5);
    bench->add_option("--n", args->n, "Estimation samples per point")->default_val(10000);
    bench->add_option("--n0", args->n0, "Selection samples per point")->default_val(100);
    bench->add_option("--batch", args->batches, "Forward batch size(s) to measure")->expected(1, 8);
    bench->add_flag("--channels-last", args->channelsLast, "Also time the raw forward in channels-last memory format");
    bench->callback([&options, args] {
        const int threads = configureThreads(options.threads);
        const auto device = parseDevice(options.device);
        torch::manual_seed(0);
        auto model = makeClassifier(defaultModelSpec("mnist-cnn", "mnist"));
        model->to(device);
        model->eval();
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
                                   {"points", args->points},
                                   {"n0", args->n0},
                                   {"n", args->n},
                                   {"runs", nlohmann::ordered_json::array()}};
        for (const auto batch : args->batches) {
            CertifyConfig config;
            config.sigma = 0.25;
            config.n0 = args->n0;
            config.n = args->n;
            config.batch = batch;
            CancelToken cancel;
            const auto start = Clock::now();
            certify(*model, inputs, labels, config, cancel, silentProgress());
            const double seconds = secondsSince(start);
            const double samples = static_cast<double>(args->points * (args->n0 + args->n));
            const double certifyRate = samples / seconds;
            const double rawRate =
                rawForwardSamplesPerSecond(*model, inputs.slice(0, 0, 1), static_cast<std::int64_t>(samples), batch, false);
            nlohmann::ordered_json run{{"batch", batch},
                                       {"certify_seconds", seconds},
                                       {"certify_samples_per_second", certifyRate},
                                       {"raw_forward_samples_per_second", rawRate},
                                       {"ratio", certifyRate / rawRate}};
            if (args->channelsLast)
                run["raw_forward_channels_last_samples_per_second"] =
                    rawForwardSamplesPerSecond(*model, inputs.slice(0, 0, 1), static_cast<std::int64_t>(samples), batch, true);
            out["runs"].push_back(run);
        }
        std::cout << out.dump(2) << std::endl;
    });
}

} // namespace pacd::bench
