#include "cli_context.h"

#include "attack/baselines.h"
#include "attack/pacd_attack.h"
#include "data/attack_data.h"
#include "data/poison_set.h"
#include "data/splits.h"
#include "experiment/poison_export.h"
#include "interrupt_scope.h"
#include "models/precision_scope.h"
#include "plan/experiment_plan.h"
#include "support/cancel.h"
#include "support/error.h"
#include "support/runtime.h"

#include <torch/torch.h>

namespace pacd::cli {
namespace {

struct PoisonArgs {
    std::string dataset = "mnist", defense = "ga", hessian = "approxgrad", hvp = "autograd", out, checkpoint, arch;
    std::int64_t target = 8, subset = 0, epochs = -1, lowerSteps = -1, linearSteps = -1, samples = -1, checkpointEvery = 0;
    std::int64_t cleanBatch = -1, poisonBatch = -1, validationBatch = -1, reinitEvery = -1;
    std::string poisonStep = "adam", precision = "auto", objective;
    double sigma = 0.25, epsilon = -1, timeBudget = 0, linearLr = -1, poisonLr = -1, damping = -1;
    std::uint64_t seed = 0, splitSeed = 0;
    bool fresh = false;
};

struct ExportArgs {
    std::string poison, format = "idx", out;
    std::int64_t subset = 0;
    std::uint64_t splitSeed = 0;
    bool poisonsOnly = false;
};

struct BaselineArgs {
    std::string dataset = "mnist", kind = "watermark", out;
    std::int64_t target = 8, subset = 0;
    double epsilon = -1, opacity = 0.1;
    std::uint64_t seed = 0, splitSeed = 0;
};

} // namespace

void addPoisonCommands(CLI::App& app, GlobalOptions& options) {
    auto args = std::make_shared<PoisonArgs>();
    auto* poison = app.add_subcommand(
        "poison", "Generate PACD poisons (Alg. 1 + ApproxGrad) for every training point of the target class and write them as a "
                  "poison set (JSON manifest + float32 IDX). Checkpoints as it goes: the same command resumes; Ctrl-C stops "
                  "after a checkpoint.");
    poison->add_option("--dataset", args->dataset, "mnist, fashion-mnist or cifar10")->default_val("mnist");
    poison->add_option("--target", args->target, "Target class")->default_val(8);
    poison->add_option("--defense", args->defense, "Lower level: ga, macer, smoothadv or standard")
        ->check(CLI::IsMember(namesOf<TrainMethod>()))
        ->default_val("ga");
    poison->add_option("--sigma", args->sigma, "Noise level")->default_val(0.25);
    poison->add_option("--eps", args->epsilon, "l-infinity budget (default: MNIST 0.1, CIFAR-10 0.03)");
    poison->add_option("--epochs", args->epochs, "P: passes over the poison set (default 50)");
    poison->add_option("--subset", args->subset, "Stratified subset of the training part (demo scale); 0 = all")->default_val(0);
    poison->add_option("--hessian", args->hessian, "approxgrad (Adam on the residual), cg or first-order")
        ->check(CLI::IsMember(namesOf<LinearSolver>()))
        ->default_val("approxgrad");
    poison
        ->add_option("--hvp", args->hvp,
                     "Hessian-vector products of approxgrad and cg: autograd (double backward, exact) or finite-difference "
                     "(fd: two gradients at theta +- h*v, no second-order graph)")
        ->check([](const std::string& name) {
            return isName<HessianProduct>(name) ? std::string() : "one of " + joinedNames<HessianProduct>() + " or fd";
        })
        ->default_val("autograd");
    poison
        ->add_option("--objective", args->objective,
                     "Upper level: soft-acr (PACD) or cross-entropy (App. D.1 Eq. 4, maximised; default with --defense standard)")
        ->check([](const std::string& name) {
            return isName<AttackObjective>(name) ? std::string() : "one of " + joinedNames<AttackObjective>();
        });
    poison->add_option("--T1", args->lowerSteps, "Lower-level steps per upper step (default 10; SmoothAdv 1)");
    poison->add_option("--T2", args->linearSteps, "Linear-system steps (default 10)");
    poison->add_option("--beta", args->linearLr, "Learning rate of the linear-system solve (default 1e-3)");
    poison->add_option("--rho", args->damping, "Damping rho of (H + rho I)q = grad xi (default 1e-3)");
    poison->add_option("--k", args->samples, "Noise samples of the soft smoothed classifier (default MNIST 20, CIFAR-10 5)");
    poison->add_option("--clean-batch", args->cleanBatch, "Clean points per minibatch (default MNIST 900, CIFAR-10 180)");
    poison->add_option("--poison-batch", args->poisonBatch, "Poisons per minibatch (default MNIST 100, CIFAR-10 20)");
    poison->add_option("--val-batch", args->validationBatch,
                       "Target-class validation points per upper step (default MNIST 100, CIFAR-10 20)");
    poison->add_option("--reinit-every", args->reinitEvery,
                       "R: epochs between lower-level re-initialisations (default 10; SmoothAdv 20)");
    poison->add_option("--poison-step", args->poisonStep, "adam (lr 0.1, the paper's code) or sign (eps/10)")
        ->check(CLI::IsMember(namesOf<PoisonStep>()))
        ->default_val("adam");
    poison->add_option("--poison-lr", args->poisonLr, "Adam's learning rate on the poisons (default 0.1)");
    poison->add_option("--arch", args->arch, "Architecture (default: mnist-cnn, CIFAR-10 resnet20)");
    poison->add_option("--time-budget", args->timeBudget, "Stop after this many seconds (the poisons so far are written)")
        ->default_val(0);
    poison->add_option("--checkpoint", args->checkpoint, "Checkpoint file (default: OUT + '.ckpt')");
    poison->add_option("--checkpoint-every", args->checkpointEvery, "Also checkpoint every this many upper steps")
        ->default_val(0);
    poison->add_flag("--fresh", args->fresh, "Ignore an existing checkpoint and start over");
    poison->add_option("--seed", args->seed, "Seed of batches, noise and re-initialisations")->default_val(0);
    poison
        ->add_option("--precision", args->precision,
                     "Arithmetic of the lower-level steps and the soft radius: fp32, bf16 or auto (bf16 on CPUs with AMX or "
                     "AVX512-BF16 and "
                     "CUDA >= 8.0); Hessian products stay fp32")
        ->check(CLI::IsMember(namesOf<Precision>()))
        ->default_val("auto");
    poison->add_option("--split-seed", args->splitSeed, "Seed of the train/validation split and the subset")->default_val(0);
    poison->add_option("--out", args->out, "Poison-set manifest to write (JSON; images beside it)")->required();
    poison->callback([&options, args] {
        options.applyThreads();
        const auto device = parseDevice(options.device);
        // The paper-scale attack of an experiment spec (the defaults live in resolve()), and what only this
        // command sets.
        ExperimentSpec spec;
        spec.dataset = args->dataset;
        spec.target = args->target;
        spec.scale = nameOf(Scale::Paper);
        spec.poisonDefense = spec.retrainDefense = args->defense;
        spec.sigma = args->sigma;
        spec.subset = args->subset;
        spec.seed = args->seed;
        spec.hessian = args->hessian;
        spec.hvp = args->hvp;
        spec.precision = args->precision;
        if (!args->arch.empty()) spec.poisonArch = args->arch;
        if (args->epsilon >= 0) spec.epsilon = args->epsilon;
        if (args->epochs > 0) spec.attackEpochs = args->epochs;
        if (args->lowerSteps >= 0) spec.lowerSteps = args->lowerSteps;
        if (args->linearSteps > 0) spec.linearSteps = args->linearSteps;
        if (args->samples > 0) spec.upperSamples = args->samples;
        if (args->cleanBatch >= 0) spec.cleanBatch = args->cleanBatch;
        if (args->poisonBatch > 0) spec.poisonBatch = args->poisonBatch;
        if (args->validationBatch > 0) spec.validationBatch = args->validationBatch;
        if (!args->objective.empty()) spec.objective = args->objective;
        if (args->linearLr > 0) spec.beta = args->linearLr;
        if (args->damping >= 0) spec.rho = args->damping;
        if (args->poisonLr > 0) spec.poisonLearningRate = args->poisonLr;
        spec.poisonStep = args->poisonStep;
        PlanOptions planOptions;
        planOptions.nativeBf16 = hasNativeBf16(device);
        const auto plan = resolve(spec, planOptions);
        auto config = plan.attack;
        if (args->reinitEvery > 0) config.reinitEvery = args->reinitEvery;
        config.timeBudgetSeconds = args->timeBudget;
        config.checkpointEverySteps = args->checkpointEvery;

        const auto split = loadAttackSplit(args->dataset, args->subset, args->splitSeed, options.resolvedDataDir());
        auto data = makePacdData(split.trainingFile, split.train, split.validation, config.target);
        data.dataset = args->dataset;
        PacdAttack attack(config, data, defaultModelSpec(nameOf(plan.poisonArch), args->dataset), device);
        const std::filesystem::path checkpoint = args->checkpoint.empty() ? args->out + ".ckpt" : args->checkpoint;
        if (args->fresh) std::filesystem::remove(checkpoint);

        CancelToken cancel;
        const auto result = [&] {
            const InterruptScope interrupts(cancel); // the attack checkpoints, then stops
            return attack.run(checkpoint, cancel, terminalProgress(options));
        }();

        const auto set = attack.poisonSet();
        writePoisonSet(args->out, set);
        const auto delta = (set.images - data.base).abs();
        printJson({{"out", args->out},
                   {"images", poisonImagesPath(args->out).string()},
                   {"checkpoint", checkpoint.string()},
                   {"dataset", args->dataset},
                   {"target", config.target},
                   {"defense", args->defense},
                   {"poisons", set.size()},
                   {"clean_points", data.cleanImages.size(0)},
                   {"validation_points", data.validation.size(0)},
                   {"finished", result.finished},
                   {"resumed", result.resumed},
                   {"epochs_done", result.epochsDone},
                   {"upper_steps", result.upperSteps},
                   {"seconds", result.seconds},
                   {"final_upper_objective", result.last.upper},
                   {"max_abs_delta", delta.max().item<double>()},
                   {"mean_abs_delta", delta.mean().item<double>()},
                   {"fraction_at_eps", result.last.fractionAtBudget},
                   {"content_hash", set.contentHash()},
                   {"config", nlohmann::ordered_json::parse(config.toJson())}});
    });

    auto exportArgs = std::make_shared<ExportArgs>();
    auto* exporter =
        app.add_subcommand("export", "Export a poisoned training set for other tools: the paper's training part (or the same "
                                     "subset the poisons were made on) with the target class replaced by the poisons, as "
                                     "IDX (uint8, rounded), IDX float32 (exact) or PNG class folders");
    exporter->add_option("--poison", exportArgs->poison, "Poison-set manifest")->required();
    exporter->add_option("--format", exportArgs->format, "idx, idx-float or png")
        ->check(CLI::IsMember({"idx", "idx-float", "png"}))
        ->default_val("idx");
    exporter
        ->add_option("--subset", exportArgs->subset,
                     "The stratified subset the poisons were made on; 0 = the whole training part")
        ->default_val(0);
    exporter->add_option("--split-seed", exportArgs->splitSeed, "Seed of the split and subset")->default_val(0);
    exporter->add_flag("--poisons-only", exportArgs->poisonsOnly, "Export only the poisoned images, not the whole training set");
    exporter->add_option("--out", exportArgs->out, "Output directory")->required();
    exporter->callback([&options, exportArgs] {
        PoisonExportConfig config;
        config.format = parseExportFormat(exportArgs->format);
        config.subset = exportArgs->subset;
        config.splitSeed = exportArgs->splitSeed;
        config.poisonsOnly = exportArgs->poisonsOnly;
        const auto summary = exportPoisonedTrainingSet(exportArgs->poison, exportArgs->out, config, options.resolvedDataDir());
        printJson({{"out", exportArgs->out},
                   {"format", exportArgs->format},
                   {"points", summary.points},
                   {"poisons", summary.poisons},
                   {"target", summary.target},
                   {"class_counts", summary.classCounts}});
    });

    auto base = std::make_shared<BaselineArgs>();
    auto* baseline =
        app.add_subcommand("baseline", "Write a baseline poison set: watermark (random other-class image at opacity 0.1, "
                                       "clipped to the eps ball; §4) or random +-eps sign noise");
    baseline->add_option("--kind", base->kind, "watermark or random")
        ->check(CLI::IsMember({"watermark", "random"}))
        ->default_val("watermark");
    baseline->add_option("--dataset", base->dataset, "Data set")->default_val("mnist");
    baseline->add_option("--target", base->target, "Target class")->default_val(8);
    baseline->add_option("--eps", base->epsilon, "l-infinity budget (default: MNIST 0.1, CIFAR-10 0.03)");
    baseline->add_option("--opacity", base->opacity, "Watermark opacity gamma")->default_val(0.1);
    baseline->add_option("--subset", base->subset, "Stratified subset of the training part; 0 = all")->default_val(0);
    baseline->add_option("--seed", base->seed, "Seed")->default_val(0);
    baseline->add_option("--split-seed", base->splitSeed, "Seed of the train/validation split and the subset")->default_val(0);
    baseline->add_option("--out", base->out, "Poison-set manifest to write")->required();
    baseline->callback([&options, base] {
        ExperimentSpec spec; // the data set's default ε, from resolve()
        spec.dataset = base->dataset;
        spec.target = base->target;
        if (base->epsilon >= 0) spec.epsilon = base->epsilon;
        const double epsilon = resolve(spec).epsilon;
        const auto split = loadAttackSplit(base->dataset, base->subset, base->splitSeed, options.resolvedDataDir());
        const auto data = makePacdData(split.trainingFile, split.train, split.validation, base->target);
        PoisonSet set;
        set.dataset = base->dataset;
        set.targetClass = base->target;
        set.indices = data.baseIndices;
        set.seed = base->seed;
        set.valueRange = data.valueRange;
        set.images = base->kind == "watermark"
                         ? watermarkPoisons(data.base, data.cleanImages, base->opacity, epsilon, base->seed, data.valueRange)
                         : randomSignPoisons(data.base, epsilon, base->seed, data.valueRange);
        set.configJson = nlohmann::ordered_json{{"kind", base->kind},     {"epsilon", epsilon},     {"opacity", base->opacity},
                                                {"target", base->target}, {"subset", base->subset}, {"seed", base->seed}}
                             .dump();
        writePoisonSet(base->out, set);
        printJson({{"out", base->out},
                   {"kind", base->kind},
                   {"poisons", set.size()},
                   {"epsilon", epsilon},
                   {"max_abs_delta", (set.images - data.base).abs().max().item<double>()},
                   {"content_hash", set.contentHash()}});
    });
}

} // namespace pacd::cli
