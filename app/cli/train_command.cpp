#include "train_command.h"

#include "data/catalog.h"
#include "data/poison_set.h"
#include "data/splits.h"
#include "data/training_views.h"
#include "interrupt_scope.h"
#include "models/classifier.h"
#include "models/precision_scope.h"
#include "support/cancel.h"
#include "support/error.h"
#include "support/rng.h"
#include "support/runtime.h"
#include "training/trainer.h"

#include <torch/torch.h>

#include <memory>

namespace pacd::cli {
namespace {

struct TrainArgs {
    std::string dataset;
    std::string method = "ga";
    double sigma = 0.25;
    std::int64_t epochs = 100;
    std::int64_t subset = 0;
    std::uint64_t subsetSeed = 0;
    std::string poison;
    double weightDecay = 0.0;
    std::string arch;
    bool resume = false;
    std::uint64_t seed = 0;
    std::string precision = "auto";
    std::string out;
    std::int64_t batch = 200;
    std::string optimizer = "adam";
    double lr = 0.0;
    std::int64_t lrStep = 0;
    std::string augment = "auto";
    std::string smoothAdvPreset = "paper";
    std::int64_t macerSamples = 0;
    double macerLambda = -1.0;
    std::int64_t macerWarmup = -1;
    std::int64_t targetClass = -2; // -2 = the poison set's target, else 8 (the paper's MNIST digit / CIFAR-10 ship)
    std::int64_t monitorCount = 100;
};

// The training points: the paper's train part of the training file (App. E.1), optionally a stratified subset,
// with the target class replaced by the poison set when one is given.
Dataset trainingData(const TrainArgs& args, const std::filesystem::path& dataDir, const PoisonSet* poison) {
    const auto file = loadDatasetFile(args.dataset, "train", dataDir);
    auto view = splitTrainValidation(file.size()).train;
    if (args.subset > 0) {
        require(args.subset <= static_cast<std::int64_t>(view.size()), "--subset: the train part of ", args.dataset, " has ",
                view.size(), " points, asked for ", args.subset);
        view = stratifiedSubsetOf(view, file.labels, args.subset, args.subsetSeed);
    }
    if (poison) return poisonedView(file, view, *poison);
    return file.subset(view, args.subset > 0 ? ":paper-train-subset" : ":paper-train");
}

Dataset monitorData(const TrainArgs& args, std::int64_t target, const std::filesystem::path& dataDir) {
    const auto test = loadDatasetFile(args.dataset, "test", dataDir);
    require(target < test.numClasses(), "--target-class: ", args.dataset, " has ", test.numClasses(), " classes, got ", target);
    auto indices = test.indicesOfClass(target);
    PortableRng rng(args.seed);
    rng.shuffle(indices);
    if (args.monitorCount < static_cast<std::int64_t>(indices.size()))
        indices.resize(static_cast<std::size_t>(args.monitorCount));
    return test.subset(indices, ":target");
}

TrainConfig makeConfig(const TrainArgs& args, const torch::Device& device) {
    auto config = TrainConfig::paper(parseMethod(args.method), args.dataset, args.sigma);
    config.epochs = args.epochs;
    config.batchSize = args.batch;
    config.weightDecay = args.weightDecay;
    config.seed = args.seed;
    config.device = device;
    config.precision = resolvePrecision(parseName<Precision>(args.precision), device);
    config.checkpoint = args.out;
    config.resume = args.resume;
    if (args.optimizer == "sgd") {
        config.optimizer = OptimizerKind::Sgd;
        config.learningRate = 0.1; // Cohen et al. / MACER / Salman et al.
    }
    if (args.lr > 0.0) config.learningRate = args.lr;
    config.lrStepEpochs = args.lrStep;
    config.augmentation = args.augment == "off"  ? Augmentation::Off
                          : args.augment == "on" ? Augmentation::CropFlip
                                                 : Augmentation::Auto;
    config.smoothAdv = args.smoothAdvPreset == "original" ? SmoothAdvConfig::originalDefaults() : SmoothAdvConfig::paper();
    if (args.macerSamples > 0) config.macer.samples = args.macerSamples;
    if (args.macerLambda >= 0.0) config.macer.lambda = args.macerLambda;
    if (args.macerWarmup >= 0) config.macer.warmupEpochs = args.macerWarmup;
    return config;
}

} // namespace

void addTrainCommand(CLI::App& app, GlobalOptions& options) {
    auto args = std::make_shared<TrainArgs>();
    auto* train = app.add_subcommand(
        "train", "Train a victim model as the paper does (App. E.2-E.3): standard, Gaussian augmentation (ga), MACER or "
                 "SmoothAdv on the paper's train part, optionally a stratified subset, optionally with the target class "
                 "replaced by a poison set. Adam lr 1e-3, batch 200 by default. Writes the checkpoint after every epoch "
                 "(plus <out>.state for --resume); prints the run as JSON.");
    train->add_option("--dataset", args->dataset, "mnist, fashion-mnist or cifar10")->required();
    train->add_option("--method", args->method, "standard, ga, macer or smoothadv")
        ->check(CLI::IsMember(methodNames()))
        ->capture_default_str();
    train->add_option("--sigma", args->sigma, "noise level (standard: recorded for certification only)")->capture_default_str();
    train->add_option("--epochs", args->epochs, "epochs (the paper: 100)")->capture_default_str()->check(CLI::PositiveNumber);
    train->add_option("--subset", args->subset, "train on a stratified sample of this many points (0 = all)")
        ->capture_default_str();
    train->add_option("--subset-seed", args->subsetSeed, "seed of the subset (kept apart from --seed so data stay fixed)")
        ->capture_default_str();
    train->add_option("--poison", args->poison, "poison-set manifest replacing the target class's training points");
    train->add_option("--weight-decay", args->weightDecay, "L2 weight decay (Table 7: 0, 1e-4, 1e-2, 1e-1)")
        ->capture_default_str();
    train->add_option("--arch", args->arch, "architecture (default: mnist-cnn on MNIST-like data, resnet20 on CIFAR-10)");
    train->add_flag("--resume", args->resume, "continue from <out>.state when it exists (same settings; --epochs may grow)");
    train->add_option("--seed", args->seed, "seed of initialisation, shuffling, noise, augmentation, dropout")
        ->capture_default_str();
    train->add_option("--out", args->out, "checkpoint to write (after every epoch)")->required();
    train
        ->add_option(
            "--precision", args->precision,
            "fp32, bf16 (autocast, fp32 master weights) or auto (bf16 on AMX or AVX512-BF16 CPUs and CUDA >= 8.0); recorded in "
            "the checkpoint")
        ->check(CLI::IsMember(namesOf<Precision>()))
        ->capture_default_str();
    train->add_option("--batch", args->batch, "batch size")->capture_default_str();
    train->add_option("--optimizer", args->optimizer, "adam (the paper) or sgd (momentum 0.9, lr 0.1)")
        ->check(CLI::IsMember({"adam", "sgd"}))
        ->capture_default_str();
    train->add_option("--lr", args->lr, "learning rate (default: 1e-3 adam, 0.1 sgd)");
    train->add_option("--lr-step", args->lrStep, "multiply the rate by 0.1 every this many epochs (0 = never)")
        ->capture_default_str();
    train->add_option("--augment", args->augment, "auto (crop+flip on CIFAR-10 except SmoothAdv), on, off")
        ->check(CLI::IsMember({"auto", "on", "off"}))
        ->capture_default_str();
    train
        ->add_option("--smoothadv-preset", args->smoothAdvPreset,
                     "paper (k=1, 2 steps, eps=1, warm-up) or original (train_pgd.py defaults)")
        ->check(CLI::IsMember({"paper", "original"}))
        ->capture_default_str();
    train->add_option("--macer-k", args->macerSamples, "MACER noise samples (default: the paper's 16)");
    train->add_option("--macer-lambda", args->macerLambda, "MACER lambda (default: the paper's for the data set and sigma)");
    train->add_option("--macer-warmup", args->macerWarmup,
                      "MACER epochs with lambda = 0 first (default 1; 0 = macer.py's schedule)");
    train->add_option("--target-class", args->targetClass,
                      "class whose test points get a soft ACR per epoch (default: the poison set's, else 8; -1 = none)");
    train->add_option("--monitor-count", args->monitorCount, "target-class test points in that soft ACR")->capture_default_str();
    train->callback([&options, args] {
        options.applyThreads();
        const auto device = parseDevice(options.device);
        const auto dataDir = options.resolvedDataDir();
        std::unique_ptr<PoisonSet> poison;
        if (!args->poison.empty()) {
            poison = std::make_unique<PoisonSet>(readPoisonSet(args->poison));
            require(poison->dataset == args->dataset, "--poison ", args->poison, " was made for ", poison->dataset, ", not ",
                    args->dataset);
        }
        auto config = makeConfig(*args, device);
        config.datasetLabel =
            poison ? args->dataset + "+poison:" + std::filesystem::path(args->poison).filename().string() : args->dataset;
        config.validate();
        const auto data = trainingData(*args, dataDir, poison.get());
        const std::int64_t target = args->targetClass == -2 ? (poison ? poison->targetClass : 8) : args->targetClass;
        const auto monitor = target >= 0 ? monitorData(*args, target, dataDir) : Dataset{};

        const auto arch = args->arch.empty() ? (args->dataset == "cifar10" ? "resnet20" : "mnist-cnn") : args->arch;
        auto model = makeSeededClassifier(defaultModelSpec(arch, args->dataset), args->seed);
        CancelToken cancel;
        const auto result = [&] {
            const InterruptScope interrupts(cancel); // the epoch checkpoints, then training stops
            return pacd::train(*model, data, config, cancel, terminalProgress(options), monitor);
        }();

        nlohmann::ordered_json history = nlohmann::ordered_json::array();
        for (const auto& e : result.history) {
            nlohmann::ordered_json row{
                {"epoch", e.epoch}, {"loss", e.loss}, {"accuracy", e.accuracy}, {"lr", e.learningRate}, {"seconds", e.seconds}};
            if (e.targetSoftAcr >= 0.0) {
                row["target_soft_acr"] = e.targetSoftAcr;
                row["target_soft_accuracy"] = e.targetSoftAccuracy;
            }
            history.push_back(row);
        }
        nlohmann::ordered_json out{{"dataset", config.datasetLabel},
                                   {"arch", arch},
                                   {"method", args->method},
                                   {"sigma", args->sigma},
                                   {"device", describeDevice(device)},
                                   {"train_points", data.size()},
                                   {"target_class", target},
                                   {"start_epoch", result.startEpoch},
                                   {"epochs", result.epochs},
                                   {"steps", result.steps},
                                   {"train_seconds", result.seconds},
                                   {"train_images_per_second", result.imagesPerSecond},
                                   {"config", nlohmann::ordered_json::parse(config.toJson())},
                                   {"history", history},
                                   {"checkpoint", args->out},
                                   {"state", trainingStatePath(args->out).string()}};
        if (poison) out["poison"] = {{"file", args->poison}, {"points", poison->size()}, {"hash", poison->contentHash()}};
        printJson(out);
    });
}

} // namespace pacd::cli
