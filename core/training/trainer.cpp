#include "training/trainer.h"

#include "models/checkpoint.h"
#include "models/footprint.h"
#include "models/precision_scope.h"
#include "smoothing/certify.h"
#include "smoothing/eval_mode.h"
#include "smoothing/soft_radius.h"
#include "support/atomic_file.h"
#include "support/error.h"
#include "support/hash.h"
#include "support/memory.h"
#include "training/defense_step.h"
#include "training/losses.h"

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <memory>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;

namespace pacd {
namespace {

constexpr const char* kStateFormat = "pacd-training-state";
constexpr int kStateVersion = 1;

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Distinct, well-mixed seeds for the separate streams (SplitMix64), so that e.g. the noise does not replay the
// shuffle's draws.
std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t stream) {
    return splitMix64(seed, stream);
}
enum Stream : std::uint64_t { kData = 1, kNoise = 2, kGlobal = 3, kMonitor = 4 };

torch::Generator cpuGenerator(std::uint64_t seed) {
    return at::make_generator<at::CPUGeneratorImpl>(seed);
}

// The random streams of one run. Shuffling and augmentation run on the CPU with a private generator; noise uses a
// private generator of the device; dropout uses the global generator (LibTorch's Dropout takes no generator), so
// it is reseeded and its state saved with the run.
struct Streams {
    torch::Generator data;
    torch::Generator noise;
    torch::Generator globalCpu;
    std::optional<torch::Generator> globalDevice; // only when the device is not the CPU
};

Streams makeStreams(const TrainConfig& config) {
    torch::manual_seed(streamSeed(config.seed, kGlobal));
    Streams streams{cpuGenerator(streamSeed(config.seed, kData)),
                    makeNoiseGenerator(config.device, streamSeed(config.seed, kNoise)), at::detail::getDefaultCPUGenerator(),
                    std::nullopt};
    if (!config.device.is_cpu()) streams.globalDevice = at::globalContext().defaultGenerator(config.device);
    return streams;
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(ClassifierImpl& model, const TrainConfig& config) {
    // Weight decay as LibTorch applies it: wd·w added to the gradient (an L2 penalty wd/2·‖w‖²).
    if (config.optimizer == OptimizerKind::Sgd)
        return std::make_unique<torch::optim::SGD>(
            model.parameters(),
            torch::optim::SGDOptions(config.learningRate).momentum(config.momentum).weight_decay(config.weightDecay));
    return std::make_unique<torch::optim::Adam>(model.parameters(),
                                                torch::optim::AdamOptions(config.learningRate).weight_decay(config.weightDecay));
}

void setLearningRate(torch::optim::Optimizer& optimizer, double rate) {
    for (auto& group : optimizer.param_groups())
        group.options().set_lr(rate);
}

// Cheap identity of the training data, so that a resume on other data is refused.
json dataFingerprint(const Dataset& data) {
    return json{{"name", data.name},
                {"points", data.size()},
                {"pixel_sum", data.images.sum(torch::kDouble).item<double>()},
                {"label_sum", data.labels.sum().item<std::int64_t>()}};
}

json resumableConfig(const TrainConfig& config) {
    auto j = json::parse(config.toJson());
    j.erase("epochs"); // a run may be resumed to train longer
    return j;
}

std::string checkpointDataset(const TrainConfig& config, const Dataset& data) {
    if (!config.datasetLabel.empty()) return config.datasetLabel;
    return data.name.substr(0, data.name.find('/'));
}

void saveState(const fs::path& path, ClassifierImpl& model, torch::optim::Optimizer& optimizer, Streams& streams,
               std::int64_t epoch, const TrainConfig& config, const Dataset& data) {
    const json info{{"format", kStateFormat},    {"version", kStateVersion},          {"epoch", epoch},
                    {"arch", model.spec().arch}, {"config", resumableConfig(config)}, {"data", dataFingerprint(data)}};
    writeFileAtomically(path, [&](const fs::path& temp) {
        torch::serialize::OutputArchive archive, modelArchive, optimizerArchive;
        archive.write("info", c10::IValue(info.dump()));
        model.save(modelArchive);
        archive.write("model", modelArchive);
        optimizer.save(optimizerArchive);
        archive.write("optimizer", optimizerArchive);
        archive.write("rng_data", streams.data.get_state());
        archive.write("rng_noise", streams.noise.get_state());
        archive.write("rng_global_cpu", streams.globalCpu.get_state());
        if (streams.globalDevice) archive.write("rng_global_device", streams.globalDevice->get_state());
        archive.save_to(temp.string());
    });
}

// Restores model, optimiser and generators from `path`; returns the epochs it records as done.
std::int64_t loadState(const fs::path& path, ClassifierImpl& model, torch::optim::Optimizer& optimizer, Streams& streams,
                       const TrainConfig& config, const Dataset& data) {
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path.string(), config.device);
    } catch (const std::exception&) {
        fail(path, ": not a readable training state (corrupt or not a LibTorch archive)");
    }
    c10::IValue infoValue;
    require(archive.try_read("info", infoValue) && infoValue.isString(), path, ": not a pacd training state");
    json info;
    try {
        info = json::parse(infoValue.toStringRef());
    } catch (const json::exception& e) {
        fail(path, ": training state info is not valid JSON (", e.what(), ")");
    }
    require(info.value("format", "") == kStateFormat, path, ": not a pacd training state");
    require(info.value("version", 0) == kStateVersion, path, ": training state version ", info.value("version", 0),
            " is not supported (this build reads ", kStateVersion, ")");
    require(info.value("arch", "") == model.spec().arch, path, ": state holds a ", info.value("arch", ""),
            " model, but the run trains ", model.spec().arch);
    require(info["config"] == resumableConfig(config), path, ": was written with other settings (", info["config"].dump(),
            "); resume needs the same settings, only 'epochs' may grow");
    require(info["data"] == dataFingerprint(data), path, ": was trained on other data (", info["data"].dump(), ") than ",
            data.name);
    try {
        torch::serialize::InputArchive modelArchive, optimizerArchive;
        archive.read("model", modelArchive);
        model.load(modelArchive);
        archive.read("optimizer", optimizerArchive);
        optimizer.load(optimizerArchive);
        torch::Tensor state;
        archive.read("rng_data", state);
        streams.data.set_state(state.cpu());
        archive.read("rng_noise", state);
        streams.noise.set_state(state.cpu());
        archive.read("rng_global_cpu", state);
        streams.globalCpu.set_state(state.cpu());
        if (streams.globalDevice) {
            archive.read("rng_global_device", state);
            streams.globalDevice->set_state(state.cpu());
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        std::string reason = e.what();
        fail(path, ": training state is incomplete or does not fit this run (", reason.substr(0, reason.find('\n')), ")");
    }
    return info.at("epoch").get<std::int64_t>();
}

// Soft ACR and soft accuracy of `monitor` at σ, on noise fixed per run so that epochs compare like with like.
std::pair<double, double> monitorSoftAcr(ClassifierImpl& model, const Dataset& monitor, const TrainConfig& config) {
    EvalModeScope eval(model);
    torch::NoGradGuard noGrad;
    SoftRadiusConfig soft;
    soft.sigma = config.sigma;
    soft.samples = config.monitorSamples;
    auto generator = cpuGenerator(streamSeed(config.seed, kMonitor));
    constexpr std::int64_t kChunk = 100;
    double radii = 0.0, correct = 0.0;
    for (std::int64_t start = 0; start < monitor.size(); start += kChunk) {
        const auto x = monitor.images.slice(0, start, start + kChunk);
        const auto noise = drawSoftNoise(x, soft.samples, soft.sigma, generator);
        const auto result =
            softRadius(model, x.to(config.device), monitor.labels.slice(0, start, start + kChunk), soft, noise.to(config.device));
        radii += result.radii.sum().item<double>();
        correct += result.correct.sum().item<double>();
    }
    const auto n = static_cast<double>(monitor.size());
    return {radii / n, correct / n};
}

} // namespace

Classifier makeSeededClassifier(const ModelSpec& spec, std::uint64_t seed) {
    torch::manual_seed(seed);
    return makeClassifier(spec);
}

fs::path trainingStatePath(const fs::path& checkpoint) {
    return fs::path(checkpoint.string() + ".state");
}

namespace {

// Refuses, before anything moves to the device, a batch (times MACER's or SmoothAdv's noise samples) that cannot fit.
void requireTrainingMemory(const ModelSpec& spec, const Dataset& data, const TrainConfig& config) {
    const std::int64_t batch = std::min(config.batchSize, data.size());
    const std::int64_t samples = config.method == TrainMethod::Macer       ? 1 + config.macer.samples
                                 : config.method == TrainMethod::SmoothAdv ? 1 + config.smoothAdv.samples
                                                                           : 1;
    // Without augmentation the whole training set is moved to the device once.
    const std::int64_t dataBytes = config.augments(spec.inputShape) ? 0 : data.images.numel() * 4;
    requireMemory(config.device, {trainingBytes(modelFootprint(spec), batch * samples) + dataBytes,
                                  detail::concat("training ", spec.arch, " (", methodName(config.method), ") on ", data.size(),
                                                 " points: batches of ", batch, " x ", samples, " inputs of ",
                                                 torch::IntArrayRef(spec.inputShape)),
                                  "the batch size (setting 'batchSize', pacd-cli train --batch)" +
                                      std::string(samples > 1 ? " or the noise samples per point" : "")});
}

} // namespace

TrainResult train(ClassifierImpl& model, const Dataset& data, const TrainConfig& config, CancelToken& cancel,
                  const ProgressSink& progress, const Dataset& monitor) {
    config.validate();
    data.validate();
    require(data.size() > 0, "training data ", data.name, " is empty");
    require(data.numClasses() == model.spec().numClasses, "training data ", data.name, " has ", data.numClasses(),
            " classes but the ", model.spec().arch, " model has ", model.spec().numClasses);
    require(data.images.sizes().slice(1).vec() == model.spec().inputShape, "training data ", data.name, " has inputs of shape ",
            data.images.sizes().slice(1), " but the model expects ", torch::IntArrayRef(model.spec().inputShape));
    const bool monitoring = monitor.size() > 0 && config.sigma > 0.0;
    requireTrainingMemory(model.spec(), data, config);

    model.to(config.device);
    const auto precision = resolvePrecision(config.precision, config.device);
    auto optimizer = makeOptimizer(model, config);
    auto streams = makeStreams(config);
    TrainResult result;
    const auto statePath = config.checkpoint.empty() ? fs::path() : trainingStatePath(config.checkpoint);
    if (config.resume && fs::exists(statePath)) {
        result.startEpoch = loadState(statePath, model, *optimizer, streams, config, data);
        report(progress,
               ProgressEvent{"train-epoch",
                             result.startEpoch,
                             config.epochs,
                             {},
                             "resumed from " + statePath.string() + " after epoch " + std::to_string(result.startEpoch)});
    }
    result.epochs = result.startEpoch;
    std::int64_t processed = 0;

    const std::int64_t n = data.size();
    const std::int64_t stepsPerEpoch = (n + config.batchSize - 1) / config.batchSize;
    const std::int64_t totalSteps = stepsPerEpoch * config.epochs;
    const bool augment = config.augments(model.spec().inputShape);
    // Without augmentation the whole set moves to the device once; with it, batches are augmented on the CPU.
    const auto images = augment ? data.images : data.images.to(config.device);
    const auto labels = data.labels.to(config.device);
    auto lastReport = Clock::now() - std::chrono::hours(1);

    for (std::int64_t epoch = result.startEpoch; epoch < config.epochs; ++epoch) {
        const auto epochStart = Clock::now();
        const double rate = config.learningRateAt(epoch);
        setLearningRate(*optimizer, rate);
        // The defense's settings in force this epoch: MACER's λ after its warm-up, SmoothAdv's growing ε.
        DefenseStepConfig defense{config.method, config.sigma, config.macer, config.smoothAdv, StepRole::Training};
        defense.macer.lambda = config.macer.lambdaAt(epoch);
        defense.smoothAdv.epsilon = config.smoothAdv.epsilonAt(epoch);
        const auto order = torch::randperm(n, streams.data, torch::TensorOptions().dtype(torch::kLong));
        // One upload of the epoch's order, not one per step (a blocking copy waits for the device).
        const auto orderOnDevice = order.to(config.device);
        // The epoch's sums stay on the device; they are read at the throttled progress events and the epoch's end, so
        // on an accelerator a step never waits for the device (on the CPU reading a value costs nothing).
        const bool hostResident = config.device.is_cpu();
        const auto sumOptions = torch::TensorOptions().dtype(torch::kDouble).device(config.device);
        auto lossTotal = torch::zeros({}, sumOptions), correctTotal = torch::zeros({}, sumOptions);
        auto nonFinite = torch::zeros({}, sumOptions.dtype(torch::kBool));
        std::int64_t seen = 0, checkedSteps = 0;
        // Reads the sums back (one copy) and refuses a non-finite loss among the steps since the last read.
        auto readSums = [&](std::int64_t step) {
            const auto values = torch::stack({lossTotal, correctTotal, nonFinite.to(torch::kDouble)}).cpu();
            const auto* v = values.data_ptr<double>();
            if (v[2] != 0.0)
                fail("training diverged: ", methodName(config.method), " loss became NaN or infinite at a step of epoch ",
                     epoch + 1, " between step ", checkedSteps + 1, " and ", step + 1, " (of ", stepsPerEpoch,
                     " per epoch; on an accelerator the loss is read back at progress events, not every step). "
                     "Lower the learning rate or check the data; the last good state is the epoch-",
                     epoch, " checkpoint");
            checkedSteps = step + 1;
            return std::make_pair(v[0], v[1]);
        };
        for (std::int64_t step = 0; step < stepsPerEpoch; ++step) {
            cancel.throwIfCancelled();
            const auto batch = orderOnDevice.slice(0, step * config.batchSize, (step + 1) * config.batchSize);
            torch::Tensor x;
            if (augment) {
                // Cropped on the host; a pinned copy lets the upload run without the host waiting for the device.
                x = cropFlipAugment(
                    images.index_select(0, order.slice(0, step * config.batchSize, (step + 1) * config.batchSize)), streams.data);
                if (config.device.is_cuda()) x = x.pin_memory().to(config.device, /*non_blocking=*/true);
            } else {
                x = images.index_select(0, batch);
            }
            const auto y = labels.index_select(0, batch);
            const std::int64_t points = x.size(0);
            model.train();
            BatchLoss batchLoss;
            {
                // A scope per step: autocast's bf16 copies of the weights must not outlive the optimiser's update.
                const PrecisionScope scope(precision, config.device);
                batchLoss = defenseStepLoss(model, x, y, defense, streams.noise);
            }
            const auto& [loss, correct] = batchLoss;
            if (hostResident) {
                const double lossValue = loss.item<double>();
                if (!std::isfinite(lossValue))
                    fail("training diverged: ", methodName(config.method), " loss is ",
                         std::isnan(lossValue) ? "NaN" : (lossValue > 0 ? "+inf" : "-inf"), " at epoch ", epoch + 1, " step ",
                         step + 1, " (of ", stepsPerEpoch,
                         " per epoch); the weights were not updated with it. "
                         "Lower the learning rate or check the data; the last good state is the epoch-",
                         epoch, " checkpoint");
            } else {
                nonFinite.logical_or_(loss.detach().isfinite().logical_not());
            }
            optimizer->zero_grad();
            loss.backward();
            optimizer->step();

            lossTotal.add_(loss.detach().to(torch::kDouble), static_cast<double>(points));
            correctTotal.add_(correct.sum().to(torch::kDouble));
            seen += points;
            processed += points;
            ++result.steps;
            if (progress && secondsSince(lastReport) >= config.progressIntervalSeconds) {
                lastReport = Clock::now();
                const auto [lossSum, correctSum] = readSums(step);
                report(progress, ProgressEvent{"train",
                                               epoch * stepsPerEpoch + step + 1,
                                               totalSteps,
                                               {{"epoch", static_cast<double>(epoch + 1)},
                                                {"loss", lossSum / static_cast<double>(seen)},
                                                {"accuracy", correctSum / static_cast<double>(seen)}},
                                               {}});
            }
        }
        const auto [lossSum, correctSum] = readSums(stepsPerEpoch - 1);
        EpochMetrics metrics;
        metrics.epoch = epoch + 1;
        metrics.loss = lossSum / static_cast<double>(seen);
        metrics.accuracy = correctSum / static_cast<double>(seen);
        metrics.learningRate = rate;
        metrics.seconds = secondsSince(epochStart);
        result.seconds += metrics.seconds;
        if (monitoring) std::tie(metrics.targetSoftAcr, metrics.targetSoftAccuracy) = monitorSoftAcr(model, monitor, config);
        if (!config.checkpoint.empty()) {
            saveCheckpoint(config.checkpoint, model,
                           CheckpointInfo{model.spec(), config.sigma, methodName(config.method), checkpointDataset(config, data),
                                          epoch + 1, config.seed, nameOf(precision)});
            saveState(statePath, model, *optimizer, streams, epoch + 1, config, data);
        }
        result.history.push_back(metrics);
        result.epochs = epoch + 1;

        ProgressEvent event{"train-epoch",
                            epoch + 1,
                            config.epochs,
                            {{"loss", metrics.loss}, {"accuracy", metrics.accuracy}, {"lr", rate}, {"seconds", metrics.seconds}},
                            {}};
        std::ostringstream message;
        message << "epoch " << epoch + 1 << "/" << config.epochs << ": loss " << metrics.loss << ", accuracy "
                << metrics.accuracy;
        if (monitoring) {
            event.metrics["target_soft_acr"] = metrics.targetSoftAcr;
            event.metrics["target_soft_accuracy"] = metrics.targetSoftAccuracy;
            message << ", target soft ACR " << metrics.targetSoftAcr;
        }
        event.message = message.str();
        report(progress, event);
    }
    model.eval();
    result.imagesPerSecond = result.seconds > 0.0 ? static_cast<double>(processed) / result.seconds : 0.0;
    return result;
}

} // namespace pacd
