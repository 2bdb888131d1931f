// pacd-bench attack: where the time of one ApproxGrad upper step goes on the paper's MNIST setting (900 clean +
// 100 poison points, Gaussian-augmentation lower level, soft ACR of 100 validation points with k = 20), per
// solver, Hessian product (autograd / finite differences) and precision, with the ratios between them and how
// far each hypergradient is from its solver's exact-arithmetic (autograd, fp32) one at the same θ; per ρ and β,
// how the linear solve's residual falls over its T2 iterations (from q = 0 and warm-started).
#include "attack/approx_grad_config.h"
#include "bench.h"

#include "attack/approx_grad.h"
#include "data/catalog.h"
#include "models/classifier.h"
#include "models/precision_scope.h"
#include "smoothing/certify.h"
#include "smoothing/soft_radius.h"
#include "support/paths.h"
#include "support/runtime.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <iostream>
#include <map>

namespace pacd::bench {
namespace {

struct AttackArgs {
    int steps = 3;
    std::int64_t lowerSteps = 10, linearSteps = 10, samples = 20;
    std::int64_t cleanBatch = 900, poisonBatch = 100, validationBatch = 100; ///< the paper's; demo 180 / 20 / 50
    std::vector<std::string> solvers = namesOf<LinearSolver>();
    std::vector<std::string> products = namesOf<HessianProduct>();
    std::vector<std::string> precisions = {"fp32", "bf16"};
    double fdStep = 1e-3;
    std::vector<double> dampings = {1e-3}; ///< ρ values to try (approxgrad and cg)
    std::vector<double> betas = {1e-3};    ///< β values to try (approxgrad)
};

// A residual trace relative to ‖∇θξ‖ (the residual of q = 0), and how many times it fell over the solve.
nlohmann::ordered_json traceJson(const UpperStepStats& stats) {
    nlohmann::ordered_json trace = nlohmann::ordered_json::array();
    for (const double r : stats.residualTrace)
        trace.push_back(stats.rhsNorm > 0 ? r / stats.rhsNorm : 0.0);
    const bool some = !stats.residualTrace.empty() && stats.residualTrace.back() > 0;
    return {{"relative_residual", trace}, {"fell_by", some ? stats.residualTrace.front() / stats.residualTrace.back() : 0.0}};
}

double cosine(const torch::Tensor& a, const torch::Tensor& b) {
    const double denominator = a.norm().item<double>() * b.norm().item<double>();
    return denominator > 0 ? (a * b).sum().item<double>() / denominator : 0.0;
}

} // namespace

void addAttackBench(CLI::App& app, BenchOptions& options) {
    auto args = std::make_shared<AttackArgs>();
    auto* bench = app.add_subcommand(
        "attack", "Seconds of one ApproxGrad upper step split into its parts, and whole / sum of parts (goal <= 1.2)");
    bench->add_option("--steps", args->steps, "Timed upper steps per solver (after one warm-up)")->default_val(3);
    bench->add_option("--T1", args->lowerSteps, "Lower-level steps")->default_val(10);
    bench->add_option("--T2", args->linearSteps, "Linear-system steps")->default_val(10);
    bench->add_option("--k", args->samples, "Noise samples of the soft smoothed classifier")->default_val(20);
    bench->add_option("--solver", args->solvers, "Linear solvers to time");
    bench->add_option("--hvp", args->products, "Hessian products to time: autograd, finite-difference (approxgrad and cg)");
    bench->add_option("--precision", args->precisions, "Precisions of the lower steps and xi: fp32, bf16");
    bench->add_option("--rho", args->dampings, "Damping values rho of (H + rho I)q = grad xi to try (approxgrad, cg)");
    bench->add_option("--beta", args->betas, "Adam learning rates beta of the q-solve to try (approxgrad)");
    bench->add_option("--fd-step", args->fdStep, "c of the finite-difference step h = c(1 + |theta|)/|v|")->default_val(1e-3);
    bench->add_option("--clean-batch", args->cleanBatch, "Clean points per minibatch (demo scale: 180)")->default_val(900);
    bench->add_option("--poison-batch", args->poisonBatch, "Poisons per minibatch (demo scale: 20)")->default_val(100);
    bench->add_option("--val-batch", args->validationBatch, "Validation points per upper step (demo scale: 50)")
        ->default_val(100);
    bench->callback([&options, args] {
        const int threads = configureThreads(options.threads);
        const auto device = parseDevice(options.device);
        torch::manual_seed(0);
        const auto dataDir = resolveDataDir(options.dataDir);
        const bool real = datasetStatus("mnist", dataDir).present;
        torch::Tensor images, labels;
        const std::int64_t nc = args->cleanBatch, np = args->poisonBatch, nv = args->validationBatch;
        if (real) {
            const auto train = loadDatasetFile("mnist", "train", dataDir);
            images = train.images.slice(0, 0, nc + np + nv);
            labels = train.labels.slice(0, 0, nc + np + nv);
        } else {
            images = torch::rand({nc + np + nv, 1, 28, 28});
            labels = torch::randint(10, {nc + np + nv}, torch::kLong);
        }
        images = images.to(device);
        labels = labels.to(device);
        const auto clean = images.slice(0, 0, nc), cleanY = labels.slice(0, 0, nc);
        const auto base = images.slice(0, nc, nc + np).clone();
        const auto validation = images.slice(0, nc + np, nc + np + nv);
        const auto target = torch::full({std::max(np, nv)}, 8, torch::TensorOptions().dtype(torch::kLong).device(device));
        const auto lowerLabels = torch::cat({cleanY, target.slice(0, 0, np)});
        const auto validationTarget = target.slice(0, 0, nv);

        nlohmann::ordered_json out{{"bench", "attack"},
                                   {"device", describeDevice(device)},
                                   {"threads", threads},
                                   {"libtorch", torchVersion()},
                                   {"setting", "mnist-cnn, " + std::to_string(nc) + " clean + " + std::to_string(np) +
                                                   " poisons, GA lower level, soft ACR of " + std::to_string(nv) + " points"},
                                   {"native_bf16", hasNativeBf16(device)},
                                   {"T1", args->lowerSteps},
                                   {"T2", args->linearSteps},
                                   {"k", args->samples},
                                   {"runs", nlohmann::ordered_json::array()}};
        struct Setting {
            LinearSolver solver;
            HessianProduct product;
            Precision precision;
            double damping = 1e-3, beta = 1e-3;
        };
        // Every setting starts from the same θ, trained a little first (fp32, 60 Adam steps of Gaussian
        // augmentation on the clean points): at random weights no validation point is classified as the target,
        // the soft ACR and its gradient are 0, and so is every hypergradient.
        std::vector<torch::Tensor> start;
        auto makeModel = [&] {
            auto spec = defaultModelSpec("mnist-cnn", "mnist");
            spec.dropout = 0.0;
            torch::manual_seed(1);
            auto model = makeClassifier(spec);
            model->to(device);
            if (start.empty()) {
                torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(1e-3));
                for (int step = 0; step < 60; ++step) {
                    const auto rows = torch::randint(nc, {std::min<std::int64_t>(nc, 200)},
                                                     torch::TensorOptions().dtype(torch::kLong).device(device));
                    const auto x = clean.index_select(0, rows);
                    adam.zero_grad();
                    torch::cross_entropy_loss(model->forward(x + 0.25 * torch::randn_like(x)), cleanY.index_select(0, rows))
                        .backward();
                    adam.step();
                }
                for (const auto& p : model->parameters())
                    start.push_back(p.detach().clone());
            }
            torch::NoGradGuard noGrad;
            auto parameters = model->parameters();
            for (std::size_t i = 0; i < parameters.size(); ++i)
                parameters[i].copy_(start[i]);
            return model;
        };
        // Noise drawn on the device (as the attack draws it): a host draw copied over would time the copy, and its
        // blocking wait for the device, in every lower step.
        auto noise = [&](std::int64_t draw) { return makeNoiseGenerator(device, static_cast<std::uint64_t>(draw)); };
        // One setting: the hypergradient at the starting θ (no lower steps), then timed upper steps.
        // `cold`: the solve from q = 0 at the starting θ; `sum`: the timed steps, the last one's residual trace.
        auto measure = [&](const Setting& setting, int steps, UpperStepStats& sum, UpperStepStats* cold = nullptr) {
            auto model = makeModel();
            ApproxGradConfig config;
            config.lowerSteps = args->lowerSteps;
            config.linearSteps = args->linearSteps;
            config.solver = setting.solver;
            config.hessianProduct = setting.product;
            config.finiteDifferenceStep = args->fdStep;
            config.precision = setting.precision;
            config.damping = setting.damping;
            config.linearLearningRate = setting.beta;
            ApproxGrad solver(model->parameters(), base.sizes().vec(), config);
            SoftRadiusConfig soft;
            soft.samples = args->samples;
            const LowerObjective lower = [&](const torch::Tensor& u, std::int64_t draw) {
                const auto x = torch::cat({clean, u});
                auto generator = noise(draw);
                return torch::cross_entropy_loss(model->forward(x + 0.25 * torch::randn(x.sizes(), generator, x.options())),
                                                 lowerLabels);
            };
            const UpperObjective upper = [&](std::int64_t draw) {
                return softRadius(*model, validation, validationTarget, soft,
                                  drawSoftNoise(validation, soft.samples, soft.sigma, noise(draw + 1000000)))
                    .objective;
            };
            auto hypergradient = solver.hypergradient(base, lower, upper, cold);
            auto poisons = base.clone();
            const auto rows = torch::arange(np, torch::TensorOptions().dtype(torch::kLong).device(device));
            if (steps > 0) solver.step(poisons, base, rows, lower, upper); // warm-up
            for (int i = 0; i < steps; ++i) {
                const auto s = solver.step(poisons, base, rows, lower, upper);
                sum.secondsLower += s.secondsLower / steps;
                sum.secondsLinear += s.secondsLinear / steps;
                sum.secondsMixed += s.secondsMixed / steps;
                sum.secondsUpdate += s.secondsUpdate / steps;
                sum.secondsTotal += s.secondsTotal / steps;
                sum.residualBefore = s.residualBefore;
                sum.residualAfter = s.residualAfter;
                sum.rhsNorm = s.rhsNorm;
                sum.residualTrace = s.residualTrace;
            }
            return hypergradient;
        };
        std::map<std::string, double> secondsOf; // "solver/hvp/precision" -> seconds per upper step
        // The paper's solver in exact arithmetic: how far the cheaper solvers' hypergradients point from it.
        UpperStepStats ignored;
        const auto paperReference = measure({LinearSolver::Adam, HessianProduct::Autograd, Precision::Fp32}, 0, ignored);
        for (const auto& solverName : args->solvers) {
            const auto solver = parseLinearSolver(solverName);
            UpperStepStats unused;
            // The solver's exact-arithmetic hypergradient, the yardstick of its finite-difference and bf16 variants.
            const auto reference = measure({solver, HessianProduct::Autograd, Precision::Fp32}, 0, unused);
            for (const auto& productName : args->products) {
                const auto product = parseName<HessianProduct>(productName);
                if (solver == LinearSolver::FirstOrder && product != HessianProduct::Autograd) continue; // no products
                for (const auto& precisionName : args->precisions)
                    for (const double damping : solver == LinearSolver::FirstOrder ? std::vector<double>{1e-3} : args->dampings)
                        for (const double beta : solver == LinearSolver::Adam ? args->betas : std::vector<double>{1e-3}) {
                            const auto precision = parseName<Precision>(precisionName);
                            UpperStepStats sum, cold;
                            const auto hypergradient =
                                measure({solver, product, precision, damping, beta}, args->steps, sum, &cold);
                            const double parts = sum.secondsLower + sum.secondsLinear + sum.secondsMixed + sum.secondsUpdate;
                            const auto name = nameOf(solver) + "/" + nameOf(product) + "/" + nameOf(precision);
                            if (!secondsOf.count(name)) secondsOf[name] = sum.secondsTotal;
                            out["runs"].push_back(
                                {{"solver", nameOf(solver)},
                                 {"hvp", solver == LinearSolver::FirstOrder ? "none" : nameOf(product)},
                                 {"precision", describePrecision(precision, device)},
                                 {"rho", damping},
                                 {"beta", beta},
                                 {"seconds_per_upper_step", sum.secondsTotal},
                                 {"lower_steps_seconds", sum.secondsLower},
                                 {"linear_system_seconds", sum.secondsLinear},
                                 {"mixed_partial_seconds", sum.secondsMixed},
                                 {"update_and_projection_seconds", sum.secondsUpdate},
                                 {"whole_over_parts", parts > 0 ? sum.secondsTotal / parts : 0.0},
                                 {"relative_residual_after", sum.rhsNorm > 0 ? sum.residualAfter / sum.rhsNorm : 0.0},
                                 {"solve_from_zero", traceJson(cold)},
                                 {"solve_warm_started", traceJson(sum)},
                                 {"hypergradient_norm", hypergradient.norm().item<double>()},
                                 {"hypergradient_cosine_to_autograd_fp32", cosine(hypergradient, reference)},
                                 {"hypergradient_cosine_to_approxgrad_autograd_fp32", cosine(hypergradient, paperReference)},
                                 {"hypergradient_relative_error_to_autograd_fp32",
                                  (hypergradient - reference).norm().item<double>() /
                                      std::max(1e-30, reference.norm().item<double>())}});
                        }
            }
        }
        // Speed-ups in one run: bf16 over fp32 and finite differences over autograd, per solver.
        nlohmann::ordered_json ratios = nlohmann::ordered_json::object();
        auto ratio = [&](const std::string& slow, const std::string& fast, const std::string& label) {
            if (secondsOf.count(slow) && secondsOf.count(fast) && secondsOf[fast] > 0)
                ratios[label] = secondsOf[slow] / secondsOf[fast];
        };
        for (const auto& solverName : args->solvers) {
            const auto s = nameOf(parseLinearSolver(solverName));
            ratio(s + "/autograd/fp32", s + "/autograd/bf16", s + " bf16_over_fp32");
            ratio(s + "/autograd/fp32", s + "/finite-difference/fp32", s + " fd_over_autograd");
            ratio(s + "/autograd/fp32", s + "/finite-difference/bf16", s + " fd_bf16_over_autograd_fp32");
            if (s != nameOf(LinearSolver::FirstOrder))
                ratio(s + "/autograd/fp32", "first-order/autograd/fp32", s + " first_order_over_it");
        }
        out["speedups"] = ratios;
        std::cout << out.dump(2) << std::endl;
    });
}

} // namespace pacd::bench
