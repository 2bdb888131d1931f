#include "attack/approx_grad_config.h"
#include "cli_context.h"

#include "attack/toy_attack.h"
#include "support/cancel.h"

namespace pacd::cli {

void addToyCommand(CLI::App& app, GlobalOptions& options) {
    auto config = std::make_shared<ToyAttackConfig>();
    auto solver = std::make_shared<std::string>("cg");
    auto* toy = app.add_subcommand(
        "toy",
        "The paper's toy (App. D.2): poison class y = -1 of two 2-D Gaussians (means 0.2 / 0.8, s.d. 0.3) against logistic "
        "regression trained with Gaussian augmentation, by ApproxGrad; retrain from scratch; print the clean and poisoned "
        "radius of the class -1 mean, measured and analytic (0.4243 -> 0.3536 at eps = 0.1). Seconds on any CPU.");
    toy->add_option("--eps", config->epsilon, "l-infinity budget per coordinate")->default_val(0.1)->check(CLI::Range(0.0, 1.0));
    toy->add_option("--sigma", config->sigma, "Gaussian augmentation noise level")
        ->default_val(0.25)
        ->check(CLI::Range(0.0, 2.0));
    toy->add_option("--points", config->data.pointsPerClass, "Training points per class")
        ->default_val(2000)
        ->check(CLI::Range(10, 1000000));
    toy->add_option("--steps", config->upperSteps, "ApproxGrad upper steps")->default_val(40)->check(CLI::Range(1, 100000));
    toy->add_option("--hessian", *solver, "Linear-system solver: approxgrad (Adam), cg, first-order")
        ->check(CLI::IsMember(namesOf<LinearSolver>()))
        ->default_val("cg");
    toy->add_option("--seed", config->seed, "Seed of the lower level and retraining")->default_val(0);
    toy->callback([&options, config, solver] {
        options.applyThreads();
        config->solver = parseLinearSolver(*solver);
        CancelToken cancel;
        const auto result = runToyAttack(*config, cancel, terminalProgress(options));
        const auto& last = result.steps.back();
        printJson({{"epsilon", config->epsilon},
                   {"sigma", config->sigma},
                   {"clean_radius", result.cleanRadius},
                   {"poisoned_radius", result.poisonedRadius},
                   {"analytic_clean_radius", result.analyticClean},
                   {"analytic_poisoned_radius", result.analyticPoisoned},
                   {"clean_acr", result.cleanAcr},
                   {"poisoned_acr", result.poisonedAcr},
                   {"mean_shift", result.meanShift},
                   {"upper_steps", config->upperSteps},
                   {"final_upper_objective", last.upper},
                   {"fraction_at_budget", last.fractionAtBudget}});
    });
}

} // namespace pacd::cli
