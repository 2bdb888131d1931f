// pacd-bench models: training and inference throughput of the paper's models.
#include "bench.h"

#include "models/classifier.h"
#include "support/runtime.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <iostream>

namespace pacd::bench {
namespace {

// Images per second of full training steps (noisy forward, backward, Adam) at the paper's batch size.
double trainThroughput(ClassifierImpl& model, const std::vector<std::int64_t>& batchShape, int steps,
                       const torch::Device& device) {
    model.train();
    torch::optim::Adam optimiser(model.parameters(), torch::optim::AdamOptions(1e-3));
    const auto x = torch::rand(batchShape, device);
    const auto y = torch::randint(0, model.spec().numClasses, {batchShape[0]}, torch::TensorOptions(device).dtype(torch::kLong));
    auto step = [&] {
        optimiser.zero_grad();
        torch::cross_entropy_loss(model.forward(x + 0.25 * torch::randn_like(x)), y).backward();
        optimiser.step();
    };
    step(); // warm-up: allocator and oneDNN primitive caches
    const auto start = Clock::now();
    for (int i = 0; i < steps; ++i)
        step();
    return steps * batchShape[0] / secondsSince(start);
}

double inferenceThroughput(ClassifierImpl& model, const std::vector<std::int64_t>& batchShape, int batches,
                           const torch::Device& device) {
    torch::InferenceMode inference;
    model.eval();
    const auto x = torch::rand(batchShape, device);
    model.forward(x);
    const auto start = Clock::now();
    std::int64_t sink = 0;
    for (int i = 0; i < batches; ++i)
        sink += model.forward(x + 0.25 * torch::randn_like(x)).argmax(1).sum().item<std::int64_t>();
    (void)sink;
    return batches * batchShape[0] / secondsSince(start);
}

struct ModelsArgs {
    int trainSteps = 20;
    int inferBatches = 10;
    std::vector<std::string> archs{"mnist-cnn", "resnet20"};
};

} // namespace

void addModelsBench(CLI::App& app, BenchOptions& options) {
    auto args = std::make_shared<ModelsArgs>();
    auto* models = app.add_subcommand("models", "Training and inference throughput (images/s) of the paper's models");
    models->add_option("--train-steps", args->trainSteps, "Timed training steps of batch 200")->default_val(20);
    models->add_option("--infer-batches", args->inferBatches, "Timed inference batches of 1,000")->default_val(10);
    models->add_option("--arch", args->archs, "Architectures to measure");
    models->callback([&options, args] {
        const int threads = configureThreads(options.threads);
        const auto device = parseDevice(options.device);
        nlohmann::ordered_json out{{"bench", "models"},
                                   {"device", describeDevice(device)},
                                   {"threads", threads},
                                   {"libtorch", torchVersion()},
                                   {"results", nlohmann::ordered_json::array()}};
        for (const auto& arch : args->archs) {
            torch::manual_seed(0);
            const auto spec = defaultModelSpec(arch, arch == "mnist-cnn"  ? "mnist"
                                                     : arch == "logistic" ? "toy-gaussians"
                                                                          : "cifar10");
            auto model = makeClassifier(spec);
            model->to(device);
            std::vector<std::int64_t> trainShape{200}, inferShape{1000};
            trainShape.insert(trainShape.end(), spec.inputShape.begin(), spec.inputShape.end());
            inferShape.insert(inferShape.end(), spec.inputShape.begin(), spec.inputShape.end());
            out["results"].push_back(
                {{"arch", arch},
                 {"parameters", parameterCount(*model)},
                 {"train_images_per_second", trainThroughput(*model, trainShape, args->trainSteps, device)},
                 {"inference_images_per_second", inferenceThroughput(*model, inferShape, args->inferBatches, device)}});
        }
        std::cout << out.dump(2) << std::endl;
    });
}

} // namespace pacd::bench
