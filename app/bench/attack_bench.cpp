// pacd-bench attack: where the time of one ApproxGrad upper step goes on the paper's MNIST setting (900 clean +
// 100 poison points, Gaussian-augmentation lower level, soft ACR of 100 validation points with k = 20).
#include "attack/approx_grad_config.h"
#include "bench.h"

#include "attack/approx_grad.h"
#include "data/catalog.h"
#include "models/classifier.h"
#include "smoothing/soft_radius.h"
#include "support/paths.h"
#include "support/runtime.h"

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <iostream>

namespace pacd::bench {
namespace {

struct AttackArgs {
    int steps = 3;
    std::int64_t lowerSteps = 10, linearSteps = 10, samples = 20;
    std::vector<std::string> solvers = namesOf<LinearSolver>();
};

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
    bench->callback([&options, args] {
        const int threads = configureThreads(options.threads);
        const auto device = parseDevice(options.device);
        torch::manual_seed(0);
        const auto dataDir = resolveDataDir(options.dataDir);
        const bool real = datasetStatus("mnist", dataDir).present;
        torch::Tensor images, labels;
        if (real) {
            const auto train = loadDatasetFile("mnist", "train", dataDir);
            images = train.images.slice(0, 0, 1100);
            labels = train.labels.slice(0, 0, 1100);
        } else {
            images = torch::rand({1100, 1, 28, 28});
            labels = torch::randint(10, {1100}, torch::kLong);
        }
        images = images.to(device);
        labels = labels.to(device);
        const auto clean = images.slice(0, 0, 900), cleanY = labels.slice(0, 0, 900);
        const auto base = images.slice(0, 900, 1000).clone();
        const auto validation = images.slice(0, 1000, 1100);
        const auto target = torch::full({100}, 8, torch::TensorOptions().dtype(torch::kLong).device(device));
        const auto lowerLabels = torch::cat({cleanY, target});

        nlohmann::ordered_json out{{"bench", "attack"},
                                   {"device", describeDevice(device)},
                                   {"threads", threads},
                                   {"libtorch", torchVersion()},
                                   {"setting", "mnist-cnn, 900 clean + 100 poisons, GA lower level, soft ACR of 100 points"},
                                   {"T1", args->lowerSteps},
                                   {"T2", args->linearSteps},
                                   {"k", args->samples},
                                   {"runs", nlohmann::ordered_json::array()}};
        for (const auto& solverName : args->solvers) {
            auto spec = defaultModelSpec("mnist-cnn", "mnist");
            spec.dropout = 0.0;
            torch::manual_seed(1);
            auto model = makeClassifier(spec);
            model->to(device);
            ApproxGradConfig config;
            config.lowerSteps = args->lowerSteps;
            config.linearSteps = args->linearSteps;
            config.solver = parseLinearSolver(solverName);
            ApproxGrad solver(model->parameters(), base.sizes().vec(), config);
            SoftRadiusConfig soft;
            soft.samples = args->samples;
            auto noise = [&](std::int64_t draw) {
                return at::make_generator<at::CPUGeneratorImpl>(static_cast<std::uint64_t>(draw));
            };
            const LowerObjective lower = [&](const torch::Tensor& u, std::int64_t draw) {
                const auto x = torch::cat({clean, u});
                auto generator = noise(draw);
                return torch::cross_entropy_loss(model->forward(x + 0.25 * torch::randn(x.sizes(), generator).to(device)),
                                                 lowerLabels);
            };
            const UpperObjective upper = [&](std::int64_t draw) {
                return softRadius(*model, validation, target, soft,
                                  drawSoftNoise(validation, soft.samples, soft.sigma, noise(draw + 1000000)))
                    .objective;
            };
            auto poisons = base.clone();
            const auto rows = torch::arange(100, torch::TensorOptions().dtype(torch::kLong).device(device));
            solver.step(poisons, base, rows, lower, upper); // warm-up
            UpperStepStats sum;
            for (int i = 0; i < args->steps; ++i) {
                const auto s = solver.step(poisons, base, rows, lower, upper);
                sum.secondsLower += s.secondsLower / args->steps;
                sum.secondsLinear += s.secondsLinear / args->steps;
                sum.secondsMixed += s.secondsMixed / args->steps;
                sum.secondsUpdate += s.secondsUpdate / args->steps;
                sum.secondsTotal += s.secondsTotal / args->steps;
                sum.residualBefore = s.residualBefore;
                sum.residualAfter = s.residualAfter;
            }
            const double parts = sum.secondsLower + sum.secondsLinear + sum.secondsMixed + sum.secondsUpdate;
            out["runs"].push_back({{"solver", solverName},
                                   {"seconds_per_upper_step", sum.secondsTotal},
                                   {"lower_steps_seconds", sum.secondsLower},
                                   {"linear_system_seconds", sum.secondsLinear},
                                   {"mixed_partial_seconds", sum.secondsMixed},
                                   {"update_and_projection_seconds", sum.secondsUpdate},
                                   {"whole_over_parts", sum.secondsTotal / parts},
                                   {"residual_before", sum.residualBefore},
                                   {"residual_after", sum.residualAfter}});
        }
        std::cout << out.dump(2) << std::endl;
    });
}

} // namespace pacd::bench
