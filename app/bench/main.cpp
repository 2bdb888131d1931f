// pacd-bench: speed and memory figures as JSON (never timed unit tests). Each subcommand prints one document.
#include "models/classifier.h"
#include "support/runtime.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <iostream>

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Images per second of full training steps (forward, backward, Adam) at the paper's batch size.
double trainThroughput(pacd::ClassifierImpl& model, const std::vector<std::int64_t>& batchShape, int steps, const torch::Device& device) {
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
    for (int i = 0; i < steps; ++i) step();
    return steps * batchShape[0] / secondsSince(start);
}

double inferenceThroughput(pacd::ClassifierImpl& model, const std::vector<std::int64_t>& batchShape, int batches, const torch::Device& device) {
    torch::InferenceMode inference;
    model.eval();
    const auto x = torch::rand(batchShape, device);
    model.forward(x);
    const auto start = Clock::now();
    std::int64_t sink = 0;
    for (int i = 0; i < batches; ++i) sink += model.forward(x + 0.25 * torch::randn_like(x)).argmax(1).sum().item<std::int64_t>();
    (void)sink;
    return batches * batchShape[0] / secondsSince(start);
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"pacd-bench: throughput figures of the engine as JSON"};
    app.require_subcommand(1);
    int threads = 0;
    std::string deviceName = "auto";
    app.add_option("--threads", threads, "LibTorch threads; 0 = one per core");
    app.add_option("--device", deviceName, "auto, cpu, cuda or cuda:N");

    auto* models = app.add_subcommand("models", "Training and inference throughput (images/s) of the paper's models");
    int trainSteps = 20, inferBatches = 10;
    std::vector<std::string> archs{"mnist-cnn", "resnet20"};
    models->add_option("--train-steps", trainSteps, "Timed training steps of batch 200")->default_val(20);
    models->add_option("--infer-batches", inferBatches, "Timed inference batches of 1,000")->default_val(10);
    models->add_option("--arch", archs, "Architectures to measure");
    models->callback([&] {
        const int used = pacd::configureThreads(threads);
        const auto device = pacd::parseDevice(deviceName);
        nlohmann::json out{{"bench", "models"}, {"device", pacd::describeDevice(device)}, {"threads", used},
                           {"libtorch", pacd::torchVersion()}, {"results", nlohmann::json::array()}};
        for (const auto& arch : archs) {
            torch::manual_seed(0);
            const auto spec = pacd::defaultModelSpec(arch, arch == "mnist-cnn" ? "mnist" : "cifar10");
            auto model = pacd::makeClassifier(spec);
            model->to(device);
            std::vector<std::int64_t> trainShape{200}, inferShape{1000};
            trainShape.insert(trainShape.end(), spec.inputShape.begin(), spec.inputShape.end());
            inferShape.insert(inferShape.end(), spec.inputShape.begin(), spec.inputShape.end());
            out["results"].push_back({{"arch", arch},
                                      {"parameters", pacd::parameterCount(*model)},
                                      {"train_images_per_second", trainThroughput(*model, trainShape, trainSteps, device)},
                                      {"inference_images_per_second", inferenceThroughput(*model, inferShape, inferBatches, device)}});
        }
        std::cout << out.dump(2) << std::endl;
    });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const std::exception& e) {
        std::string message = e.what();
        std::cerr << "pacd-bench: error: " << message.substr(0, message.find('\n')) << std::endl;
        return 1;
    }
    return 0;
}
