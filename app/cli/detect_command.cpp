// pacd-cli detect: the defender's detectors on one poison set (issue 18), outside an experiment.
#include "cli_context.h"

#include "data/catalog.h"
#include "data/poison_set.h"
#include "data/splits.h"
#include "data/training_views.h"
#include "defense/detection.h"
#include "defense/features.h"
#include "interrupt_scope.h"
#include "models/checkpoint.h"
#include "models/classifier.h"
#include "support/atomic_file.h"
#include "support/cancel.h"
#include "support/error.h"
#include "support/runtime.h"
#include "training/trainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace pacd::cli {
namespace {

struct DetectArgs {
    std::string poison;
    std::string model;
    std::int64_t subset = 6000; // the demo's training subset, which the demo's poison sets index into
    std::uint64_t subsetSeed = 0;
    std::int64_t epochs = 8;
    double sigma = 0.25;
    std::uint64_t seed = 0;
    std::int64_t neighbours = DetectorConfig{}.neighbours;
    std::int64_t dims = DetectorConfig{}.clusteringDims;
    std::string scores;
};

} // namespace

void addDetectCommand(CLI::App& app, GlobalOptions& options) {
    auto args = std::make_shared<DetectArgs>();
    auto* detect = app.add_subcommand(
        "detect", "Score one poison set's target class with every detector (spectral signatures, activation clustering, "
                  "deep k-NN) on the penultimate features of a victim trained on it (--model, else a Gaussian-augmentation "
                  "victim trained here), and report each detector's ROC AUC, TPR at 5 % FPR and the poisons among the 1.5 x "
                  "poison-count top-scored points. Prints JSON.");
    detect->add_option("--poison", args->poison, "poison-set manifest (its data set and target class are used)")->required();
    detect->add_option("--model", args->model, "checkpoint of a victim trained on this poison set (default: train one)");
    detect
        ->add_option("--subset", args->subset,
                     "the stratified training subset the poison set was made on (demo 6000, paper scale 0 = all)")
        ->capture_default_str();
    detect->add_option("--subset-seed", args->subsetSeed, "seed of that subset")->capture_default_str();
    detect->add_option("--epochs", args->epochs, "epochs of the victim trained here")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    detect->add_option("--sigma", args->sigma, "noise level of the victim trained here")->capture_default_str();
    detect->add_option("--seed", args->seed, "seed of the victim trained here")->capture_default_str();
    detect->add_option("--neighbours", args->neighbours, "deep k-NN's k")->capture_default_str()->check(CLI::PositiveNumber);
    detect->add_option("--dims", args->dims, "activation clustering's PCA dimensions")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    detect->add_option("--scores", args->scores, "also write every point's scores to this JSON file");
    detect->callback([&options, args] {
        options.applyThreads();
        const auto device = parseDevice(options.device);
        const auto poison = readPoisonSet(args->poison);
        const auto file = loadDatasetFile(poison.dataset, "train", options.resolvedDataDir());
        auto view = splitTrainValidation(file.size()).train;
        if (args->subset > 0 && args->subset < static_cast<std::int64_t>(view.size()))
            view = stratifiedSubsetOf(view, file.labels, args->subset, args->subsetSeed);
        std::sort(view.begin(), view.end());
        for (const auto index : poison.indices)
            require(std::binary_search(view.begin(), view.end(), index), "--poison ", args->poison, ": poison index ", index,
                    " is not in the training part with --subset ", args->subset, " (made at another scale? try --subset 0)");
        const auto data = replacedView(file, view, poison);

        Classifier model;
        if (!args->model.empty()) {
            model = loadCheckpoint(args->model, {}, device).model;
        } else {
            auto config = TrainConfig::paper(TrainMethod::GaussianAugmentation, poison.dataset, args->sigma);
            config.epochs = args->epochs;
            config.seed = args->seed;
            config.device = device;
            config.datasetLabel = poison.dataset + "+poison";
            model = makeSeededClassifier(defaultModelSpec(poison.dataset == "cifar10" ? "resnet20" : "mnist-cnn", poison.dataset),
                                         args->seed);
            CancelToken cancel;
            const InterruptScope interrupts(cancel);
            (void)pacd::train(*model, data, config, cancel, terminalProgress(options));
        }
        DetectorConfig config;
        config.neighbours = args->neighbours;
        config.clusteringDims = args->dims;
        const auto features = extractFeatures(*model, data.images);
        const auto scored = scoreTargetClass(features, data.labels, view, poison.indices, poison.targetClass, config);
        const auto targets = static_cast<std::int64_t>(scored.positions.size());
        const auto budget =
            std::min(targets, static_cast<std::int64_t>(std::llround(kFilterBudget * static_cast<double>(scored.poisonCount()))));
        auto detectors = nlohmann::ordered_json::array();
        nlohmann::ordered_json scores{{"positions", scored.positions}, {"poison", scored.poisoned}};
        for (const auto& [detector, values] : scored.scores) {
            const auto verdict = judge(scored, detector, budget);
            detectors.push_back({{"detector", nameOf(detector)},
                                 {"auc", verdict.auc},
                                 {"tpr_at_5_fpr", verdict.tprAt5},
                                 {"removed_poisons", verdict.removedPoisons}});
            scores[nameOf(detector)] = values;
        }
        if (!args->scores.empty()) writeTextAtomically(args->scores, scores.dump());
        printJson({{"poison", args->poison},
                   {"dataset", poison.dataset},
                   {"target_class", poison.targetClass},
                   {"model", args->model.empty() ? "trained here" : args->model},
                   {"training_points", data.size()},
                   {"target_points", targets},
                   {"poisons", scored.poisonCount()},
                   {"budget", budget},
                   {"silhouette", scored.silhouette},
                   {"smaller_cluster", scored.smallerCluster},
                   {"detectors", detectors}});
    });
}

} // namespace pacd::cli
