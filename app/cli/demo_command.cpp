#include "cli_context.h"

#include "data/catalog.h"
#include "data/splits.h"
#include "models/checkpoint.h"
#include "models/classifier.h"
#include "support/cancel.h"
#include "support/runtime.h"

#include <torch/torch.h>

#include <chrono>

namespace pacd::cli {
namespace {

struct DemoArgs {
    std::string dataset = "mnist";
    std::int64_t subset = 6000;
    int epochs = 2;
    double sigma = 0.25;
    std::int64_t batch = 200;
    std::uint64_t seed = 0;
    std::string out;
};

double accuracy(ClassifierImpl& model, const Dataset& data, double sigma, const torch::Device& device) {
    torch::InferenceMode inference;
    model.eval();
    std::int64_t correct = 0;
    for (std::int64_t start = 0; start < data.size(); start += 1000) {
        auto x = data.images.slice(0, start, start + 1000).to(device);
        if (sigma > 0) x = x + sigma * torch::randn_like(x);
        correct += model.forward(x).argmax(1).eq(data.labels.slice(0, start, start + 1000).to(device)).sum().item<std::int64_t>();
    }
    return static_cast<double>(correct) / data.size();
}

} // namespace

void addDemoCommand(CLI::App& app, GlobalOptions& options) {
    auto args = std::make_shared<DemoArgs>();
    auto* demo = app.add_subcommand(
        "demo", "A short end-to-end run on real data: load MNIST with the paper's split, train the paper's CNN with Gaussian "
                "augmentation (Adam, lr 1e-3, batch 200) on a stratified subset, report clean and noisy test accuracy and "
                "throughput, and save a checkpoint. Minutes on a laptop CPU.");
    demo->add_option("--dataset", args->dataset, "mnist or fashion-mnist")
        ->check(CLI::IsMember({"mnist", "fashion-mnist"}))
        ->default_val("mnist");
    demo->add_option("--subset", args->subset, "Training points (stratified sample of the 55,000)")
        ->default_val(6000)
        ->check(CLI::Range(200, 55000));
    demo->add_option("--epochs", args->epochs, "Epochs over the subset")->default_val(2)->check(CLI::Range(1, 100));
    demo->add_option("--sigma", args->sigma, "Gaussian augmentation noise level (0 = standard training)")
        ->default_val(0.25)
        ->check(CLI::Range(0.0, 2.0));
    demo->add_option("--seed", args->seed, "Seed of the subset, initialisation and noise")->default_val(0);
    demo->add_option("--out", args->out, "Checkpoint path (default: <data dir>/../models/demo-<dataset>.pt)");
    demo->callback([&options, args] {
        options.applyThreads();
        const auto device = parseDevice(options.device);
        const auto progress = terminalProgress(options);
        const auto dataDir = options.resolvedDataDir();
        torch::manual_seed(args->seed);

        const auto train = loadSplit(args->dataset, "paper-train", dataDir);
        const auto subset = train.subset(stratifiedSubsample(train.labels, args->subset, args->seed), ":demo");
        const auto test = loadDatasetFile(args->dataset, "test", dataDir);
        auto model = makeClassifier(defaultModelSpec("mnist-cnn", args->dataset));
        model->to(device);
        torch::optim::Adam optimiser(model->parameters(), torch::optim::AdamOptions(1e-3));

        const std::int64_t stepsPerEpoch = (subset.size() + args->batch - 1) / args->batch;
        const std::int64_t totalSteps = stepsPerEpoch * args->epochs;
        std::int64_t step = 0;
        const auto started = std::chrono::steady_clock::now();
        for (int epoch = 0; epoch < args->epochs; ++epoch) {
            model->train();
            const auto order = torch::randperm(subset.size(), torch::kLong);
            for (std::int64_t start = 0; start < subset.size(); start += args->batch, ++step) {
                const auto index = order.slice(0, start, start + args->batch);
                auto x = subset.images.index_select(0, index).to(device);
                const auto y = subset.labels.index_select(0, index).to(device);
                if (args->sigma > 0) x = x + args->sigma * torch::randn_like(x);
                const auto loss = torch::cross_entropy_loss(model->forward(x), y);
                optimiser.zero_grad();
                loss.backward();
                optimiser.step();
                report(progress, ProgressEvent{"train", step + 1, totalSteps, {{"loss", loss.item<double>()}}, {}});
            }
        }
        const double trainSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        const double clean = accuracy(*model, test, 0.0, device);
        const double noisy = accuracy(*model, test, args->sigma, device);

        const auto out = args->out.empty() ? dataDir.parent_path() / "models" / ("demo-" + args->dataset + ".pt")
                                           : std::filesystem::path(args->out);
        saveCheckpoint(out, *model,
                       CheckpointInfo{model->spec(), args->sigma, args->sigma > 0 ? "ga" : "standard", args->dataset,
                                      args->epochs, args->seed});
        printJson({{"dataset", args->dataset},
                   {"device", describeDevice(device)},
                   {"train_points", subset.size()},
                   {"epochs", args->epochs},
                   {"sigma", args->sigma},
                   {"train_seconds", trainSeconds},
                   {"train_images_per_second", subset.size() * args->epochs / trainSeconds},
                   {"test_accuracy", clean},
                   {"noisy_test_accuracy", noisy},
                   {"checkpoint", out.string()}});
    });
}

} // namespace pacd::cli
