#include "device_checks.h"

#include "attack/approx_grad.h"
#include "data/dataset.h"
#include "models/classifier.h"
#include "models/footprint.h"
#include "smoothing/certify.h"
#include "smoothing/clopper_pearson.h"
#include "smoothing/metrics.h"
#include "smoothing/soft_radius.h"
#include "support/error.h"
#include "support/memory.h"
#include "support/runtime.h"
#include "training/defense_step.h"
#include "training/trainer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <sstream>

namespace pacd::device_checks {
namespace {

template <typename... Parts> std::string text(const Parts&... parts) {
    std::ostringstream out;
    out.precision(4);
    (out << ... << parts);
    return out.str();
}

template <typename... Parts> void expect(bool ok, const Parts&... parts) {
    if (!ok) throw CheckFailed(text(parts...));
}

torch::Generator cpuGenerator(std::uint64_t seed) {
    return at::make_generator<at::CPUGeneratorImpl>(seed);
}

// A two-class classifier on 1×8×8 images whose logit difference is w·x + b, with w and b as (frozen)
// parameters so that it moves to a device like any model. Its smoothed classifier's vote share for class 1 is
// Φ((w·x + b) / (σ‖w‖)) exactly (Cohen et al., Example 1): the votes have an analytic answer on every device.
class AffineTwoClassImpl : public ClassifierImpl {
  public:
    AffineTwoClassImpl(const torch::Tensor& w, double b) : ClassifierImpl(spec()) {
        m_w = register_parameter("w", w.reshape({-1}).clone(), false);
        m_b = register_parameter("b", torch::full({1}, b), false);
    }
    static ModelSpec spec() {
        ModelSpec s;
        s.arch = "logistic";
        s.inputShape = {1, 8, 8}; // small: the check's cost is drawing the noise
        s.numClasses = 2;
        return s;
    }

  protected:
    torch::Tensor body(const torch::Tensor& x) override {
        const auto margin = torch::mv(x.reshape({x.size(0), -1}), m_w) + m_b;
        return torch::stack({torch::zeros_like(margin), margin}, 1);
    }

  private:
    torch::Tensor m_w, m_b;
};

// |p1 − p2| in units of its standard error under H0: p1 = p2 (pooled two-proportion z statistic).
double twoProportionZ(std::int64_t k1, std::int64_t n1, std::int64_t k2, std::int64_t n2) {
    const double p1 = double(k1) / double(n1), p2 = double(k2) / double(n2);
    const double pooled = double(k1 + k2) / double(n1 + n2);
    const double se = std::sqrt(std::max(1e-300, pooled * (1.0 - pooled) * (1.0 / double(n1) + 1.0 / double(n2))));
    return std::abs(p1 - p2) / se;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. CERTIFY's votes on the device against the CPU's and against the analytic vote share.
constexpr double kZLimit = 4.0; // per comparison; 5 points x 2 comparisons: false alarm < 1e-3 per run

Outcome certifyVotes(const torch::Device& device) {
    const double sigma = 0.25;
    const std::int64_t n = 20000;
    auto w = torch::rand({64}, cpuGenerator(5)) - 0.5;
    w = w / w.norm();
    // Points whose margins give vote shares 0.5, 0.6, 0.75, 0.9 and 0.99 for class 1: with b = −w·base and ‖w‖ = 1,
    // the point base + t·w has margin t, and its vote share is Φ(t/σ).
    const std::vector<double> expected{0.5, 0.6, 0.75, 0.9, 0.99};
    const auto base = torch::rand({1, 1, 8, 8}, cpuGenerator(6)) * 0.5 + 0.25;
    const double b = -(base.reshape({-1}) * w).sum().item<double>();
    std::vector<torch::Tensor> shifted;
    for (const double share : expected)
        shifted.push_back(base + sigma * normalQuantile(share) * w.view({1, 1, 8, 8}));
    const auto inputs = torch::cat(shifted);
    AffineTwoClassImpl cpuModel(w, b);
    auto deviceModel = std::make_shared<AffineTwoClassImpl>(w, b);
    deviceModel->to(device);

    auto votes = [&](ClassifierImpl& model, const torch::Device& on, std::uint64_t seed, double s) {
        torch::NoGradGuard noGrad;
        auto generator = makeNoiseGenerator(on, seed);
        return sampleVoteCounts(model, inputs.to(on), n, s, 1000, generator).select(1, 1).contiguous();
    };
    const auto onDevice = votes(*deviceModel, device, 11, sigma);
    const auto onCpu = votes(cpuModel, torch::Device(torch::kCPU), 12, sigma);
    const auto widerNoise = votes(cpuModel, torch::Device(torch::kCPU), 13, sigma * 1.25);
    Outcome outcome;
    double worstDevice = 0, worstAnalytic = 0, strongestControl = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto d = onDevice[static_cast<std::int64_t>(i)].item<std::int64_t>();
        const auto c = onCpu[static_cast<std::int64_t>(i)].item<std::int64_t>();
        const auto control = widerNoise[static_cast<std::int64_t>(i)].item<std::int64_t>();
        const double zCpu = twoProportionZ(d, n, c, n);
        const double p = expected[i];
        const double zAnalytic = std::abs(double(d) / double(n) - p) / std::sqrt(std::max(1e-12, p * (1 - p) / double(n)));
        expect(zCpu < kZLimit, "point ", i, " (vote share ", p, "): ", d, " votes of ", n, " on ", device.str(), " vs ", c,
               " on the CPU, z = ", zCpu, " >= ", kZLimit);
        expect(p == 0.5 || zAnalytic < kZLimit, "point ", i, ": ", d, " votes of ", n, " on ", device.str(), ", expected share ",
               p, ", z = ", zAnalytic, " >= ", kZLimit);
        worstDevice = std::max(worstDevice, zCpu);
        if (p != 0.5) worstAnalytic = std::max(worstAnalytic, zAnalytic);
        strongestControl = std::max(strongestControl, twoProportionZ(d, n, control, n));
    }
    // The test has power: 25 % more noise moves some vote share by far more than the limit.
    expect(strongestControl > 2 * kZLimit, "control: sigma x 1.25 changed no vote share detectably (max z ", strongestControl,
           "): the comparison cannot tell devices apart");

    // CERTIFY end to end: the same decisions where the vote share is far from 1/2, radii within 4 Monte-Carlo errors.
    CertifyConfig config;
    config.sigma = sigma;
    config.n0 = 100;
    config.n = n;
    config.seed = 21;
    CancelToken cancel;
    const auto labels = torch::ones({inputs.size(0)}, torch::kLong);
    const auto deviceResults = certify(*deviceModel, inputs.to(device), labels.to(device), config, cancel, silentProgress());
    config.seed = 22;
    const auto cpuResults = certify(cpuModel, inputs, labels, config, cancel, silentProgress());
    double worstRadius = 0;
    for (std::size_t i = 2; i < expected.size(); ++i) { // shares 0.75, 0.9, 0.99: certified as class 1 on both
        const auto& a = deviceResults[i];
        const auto& b = cpuResults[i];
        expect(a.predicted == 1 && b.predicted == 1, "point ", i, ": certify predicted ", a.predicted, " on ", device.str(),
               " and ", b.predicted, " on the CPU, expected 1 on both");
        const double se = radiusStandardError(std::llround(b.pAEstimate * double(n)), n, config.alpha, sigma);
        const double gap = std::abs(a.radius - b.radius) / std::sqrt(2.0) / se;
        expect(gap < kZLimit, "point ", i, ": radius ", a.radius, " on ", device.str(), " vs ", b.radius, " on the CPU: ", gap,
               " Monte-Carlo errors apart (limit ", kZLimit, ")");
        worstRadius = std::max(worstRadius, gap);
    }
    outcome.figures = {{"max_z_device_vs_cpu", worstDevice},
                       {"max_z_device_vs_analytic", worstAnalytic},
                       {"control_z_sigma_x1.25", strongestControl},
                       {"max_radius_gap_in_mc_errors", worstRadius}};
    outcome.summary = text("5 points x ", n, " votes: max z ", worstDevice, " vs CPU, ", worstAnalytic, " vs analytic (limit ",
                           kZLimit, "; control ", strongestControl, "); radii within ", worstRadius, " MC errors");
    return outcome;
}

// ---------------------------------------------------------------------------------------------------------------
// 2. A training step: loss and gradient on the device (fp32) against float64 on the CPU, same inputs and noise;
//    then the real trainer for three Adam steps on the device and on the CPU.
// fp32 against fp64 is ~1e-6; on CUDA, LibTorch's default lets cuDNN convolutions use TF32 (10-bit mantissa),
// which costs ~1e-3: the tolerance admits that, and no more.
constexpr double kStepTolerance = 5e-3;

double relativeError(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& reference) {
    double diff = 0, norm = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto r = reference[i].to(torch::kCPU, torch::kDouble);
        diff += (a[i].to(torch::kCPU, torch::kDouble) - r).pow(2).sum().item<double>();
        norm += r.pow(2).sum().item<double>();
    }
    return std::sqrt(diff) / std::max(1e-300, std::sqrt(norm));
}

Outcome trainingStep(const torch::Device& device) {
    auto spec = defaultModelSpec("mnist-cnn", "mnist");
    spec.dropout = 0.0; // no randomness inside the step: the devices see the same function
    auto reference = makeSeededClassifier(spec, 3);
    auto candidate = cloneClassifier(*reference);
    reference->to(torch::kDouble);
    candidate->to(device);
    const auto x = torch::rand({64, 1, 28, 28}, cpuGenerator(7), torch::kDouble);
    const auto noise = torch::randn({64, 1, 28, 28}, cpuGenerator(8), torch::kDouble) * 0.25;
    const auto y = torch::randint(10, {64}, cpuGenerator(9), torch::kLong);
    // Gaussian augmentation with the noise drawn once: the standard loss on x + noise is GA's loss on x.
    DefenseStepConfig config{TrainMethod::Standard, 0.25, {}, {}, StepRole::Training};
    auto lossAndGrad = [&](ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels) {
        auto generator = cpuGenerator(0); // Standard draws nothing
        model.train();
        const auto loss = defenseStepLoss(model, inputs, labels, config, generator).loss;
        const auto params = model.parameters();
        auto grads = torch::autograd::grad({loss}, params);
        return std::make_pair(loss.item<double>(), grads);
    };
    const auto [refLoss, refGrads] = lossAndGrad(*reference, x + noise, y);
    const auto [loss, grads] = lossAndGrad(*candidate, (x + noise).to(device, torch::kFloat), y.to(device));
    const double lossError = std::abs(loss - refLoss) / std::abs(refLoss);
    const double gradError = relativeError(grads, refGrads);
    expect(lossError < kStepTolerance, "loss ", loss, " on ", device.str(), " vs ", refLoss, " in float64: relative error ",
           lossError, " >= ", kStepTolerance);
    expect(gradError < kStepTolerance, "gradient on ", device.str(), ": relative L2 error ", gradError, " >= ", kStepTolerance);

    // The trainer itself (its loop, data movement, optimiser): 3 Adam steps of standard training, fp32, device vs CPU.
    Dataset data;
    data.name = "random/device-check";
    data.images = x.to(torch::kFloat);
    data.labels = y;
    for (int c = 0; c < 10; ++c)
        data.classNames.push_back(std::to_string(c));
    TrainConfig train;
    train.method = TrainMethod::Standard;
    train.epochs = 1;
    train.batchSize = 22; // 3 steps, the last one short
    train.seed = 4;
    CancelToken cancel;
    auto start = makeSeededClassifier(spec, 5);
    auto onCpu = cloneClassifier(*start), onDevice = cloneClassifier(*start);
    pacd::train(*onCpu, data, train, cancel, silentProgress());
    train.device = device;
    onDevice->to(device);
    pacd::train(*onDevice, data, train, cancel, silentProgress());
    std::vector<torch::Tensor> moveCpu, moveDevice;
    const auto p0 = start->parameters(), p1 = onCpu->parameters(), p2 = onDevice->parameters();
    for (std::size_t i = 0; i < p0.size(); ++i) {
        moveCpu.push_back((p1[i] - p0[i]).detach());
        moveDevice.push_back((p2[i].cpu() - p0[i]).detach());
    }
    const double moveError = relativeError(moveDevice, moveCpu);
    expect(moveError < 2 * kStepTolerance, "trainer: the weights moved differently on ", device.str(),
           " than on the CPU: relative L2 error of the update ", moveError, " >= ", 2 * kStepTolerance);
    Outcome outcome;
    outcome.figures = {
        {"loss_relative_error", lossError}, {"gradient_relative_error", gradError}, {"trainer_update_relative_error", moveError}};
    outcome.summary = text("loss ", lossError, ", gradient ", gradError, " (fp32 vs fp64, limit ", kStepTolerance,
                           "); trainer's 3 Adam steps vs CPU ", moveError, " (limit ", 2 * kStepTolerance, ")");
    return outcome;
}

// ---------------------------------------------------------------------------------------------------------------
// 3. ApproxGrad's hypergradient (each solver) on the device in fp32 against float64 on the CPU, same noise.
// Adam's solve and the first-order step stay within 1e-3 of float64; CG's recurrences lose orthogonality in fp32
// (measured on the CPU: 4e-3 after 8 iterations), so CG gets 1e-2.
double hypergradientTolerance(LinearSolver solver) {
    return solver == LinearSolver::ConjugateGradient ? 1e-2 : 1e-3;
}

Outcome hypergradient(const torch::Device& device) {
    auto spec = defaultModelSpec("logistic", "mnist");
    const std::int64_t clean = 40, poisons = 10, validation = 20;
    const auto images = torch::rand({clean + poisons + validation, 1, 28, 28}, cpuGenerator(31), torch::kDouble);
    const auto labels = torch::randint(10, {clean + poisons}, cpuGenerator(32), torch::kLong);
    const auto target = torch::full({validation}, 8, torch::kLong);
    const auto lowerNoise = torch::randn({clean + poisons, 1, 28, 28}, cpuGenerator(33), torch::kDouble) * 0.25;
    SoftRadiusConfig soft;
    soft.samples = 8;
    const auto upperNoise = drawSoftNoise(images.slice(0, clean + poisons), soft.samples, soft.sigma, cpuGenerator(34));

    auto solve = [&](LinearSolver solver, const torch::Device& on, torch::ScalarType type) {
        auto model = makeSeededClassifier(spec, 6);
        model->to(on, type);
        // A few steps towards the clean labels first: at the initial weights the soft radius has little gradient.
        {
            torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(1e-2));
            const auto x = images.slice(0, 0, clean).to(on, type);
            for (int i = 0; i < 5; ++i) {
                adam.zero_grad();
                torch::cross_entropy_loss(model->forward(x), labels.slice(0, 0, clean).to(on)).backward();
                adam.step();
            }
        }
        ApproxGradConfig config;
        config.solver = solver;
        config.linearSteps = 8;
        config.damping = 0.1;
        ApproxGrad approx(model->parameters(), {poisons, 1, 28, 28}, config);
        const auto cleanX = images.slice(0, 0, clean).to(on, type);
        const auto y = labels.to(on);
        const auto noiseLower = lowerNoise.to(on, type);
        const auto validationX = images.slice(0, clean + poisons).to(on, type);
        const auto noiseUpper = upperNoise.to(on, type);
        const LowerObjective lower = [&](const torch::Tensor& u, std::int64_t) {
            return torch::cross_entropy_loss(model->forward(torch::cat({cleanX, u}) + noiseLower), y);
        };
        const UpperObjective upper = [&](std::int64_t) {
            return softRadius(*model, validationX, target.to(on), soft, noiseUpper).objective;
        };
        return approx.hypergradient(images.slice(0, clean, clean + poisons).to(on, type), lower, upper)
            .to(torch::kCPU, torch::kDouble);
    };
    Outcome outcome;
    std::string summary;
    for (const auto solver : {LinearSolver::Adam, LinearSolver::ConjugateGradient, LinearSolver::FirstOrder}) {
        const auto reference = solve(solver, torch::Device(torch::kCPU), torch::kDouble);
        const auto candidate = solve(solver, device, torch::kFloat);
        const double norm = reference.norm().item<double>();
        expect(norm > 1e-8, nameOf(solver), ": the float64 hypergradient is ", norm, ": nothing to compare");
        const double error = (candidate - reference).norm().item<double>() / norm;
        expect(error < hypergradientTolerance(solver), nameOf(solver), " hypergradient on ", device.str(),
               " (fp32) vs float64 on the CPU: relative L2 error ", error, " >= ", hypergradientTolerance(solver));
        outcome.figures[nameOf(solver) + "_relative_error"] = error;
        summary += text(summary.empty() ? "" : ", ", nameOf(solver), " ", error, " (limit ", hypergradientTolerance(solver), ")");
    }
    outcome.summary = "hypergradient fp32 vs fp64: " + summary;
    return outcome;
}

// ---------------------------------------------------------------------------------------------------------------
// 4. The memory estimate refuses a certification batch the device cannot hold, before allocating anything.
std::int64_t residentBytes() {
    std::ifstream in("/proc/self/statm");
    std::int64_t size = 0, resident = 0;
    in >> size >> resident;
    return resident * 4096;
}

Outcome memoryRefusal(const torch::Device& device) {
    const auto available = availableMemory(device);
    expect(available.has_value(), "the free memory of ", device.str(),
           " cannot be told (support/memory.cpp: on CUDA it looks up cudaMemGetInfo in the loaded CUDA runtime)");
    auto model = makeSeededClassifier(defaultModelSpec("mnist-cnn", "mnist"), 0);
    model->to(device);
    const auto footprint = modelFootprint(model->spec());
    const std::int64_t perRow = inferenceBytes(footprint, 2) - inferenceBytes(footprint, 1);
    const std::int64_t rows = 2 * (*available / perRow) + 1; // twice what fits
    CertifyConfig config;
    config.sigma = 0.25;
    config.n0 = 1;
    config.n = rows;
    config.batch = rows;
    CancelToken cancel;
    const auto x = torch::rand({1, 1, 28, 28}, torch::TensorOptions(device));
    const auto y = torch::zeros({1}, torch::TensorOptions(device).dtype(torch::kLong));
    const auto residentBefore = residentBytes();
    const auto started = std::chrono::steady_clock::now();
    std::string message;
    try {
        certify(*model, x, y, config, cancel, silentProgress());
    } catch (const Error& e) {
        message = e.what();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto after = availableMemory(device);
    expect(!message.empty(), "certify with a batch of ", rows, " rows (about ", formatBytes(inferenceBytes(footprint, rows)),
           ") on ", device.str(), " with ", formatBytes(*available), " free was not refused");
    expect(message.find("lower the certification batch") != std::string::npos,
           "the refusal does not name the setting: ", message);
    expect(seconds < 5.0, "the refusal took ", seconds, " s: it did work first");
    const std::int64_t grown = device.is_cpu() ? residentBytes() - residentBefore : *available - after.value_or(*available);
    expect(grown < 256LL << 20, "memory grew by ", formatBytes(grown), " before the refusal");
    // And a batch that fits is accepted.
    config.n = 1000;
    config.batch = 1000;
    const auto results = certify(*model, x, y, config, cancel, silentProgress());
    expect(results.size() == 1, "certify of one point with a batch of 1000 returned ", results.size(), " results");
    Outcome outcome;
    outcome.figures = {{"available_bytes", double(*available)},
                       {"refused_rows", double(rows)},
                       {"refusal_seconds", seconds},
                       {"memory_growth_bytes", double(grown)}};
    outcome.summary =
        text("refused ", rows, " rows (", formatBytes(inferenceBytes(footprint, rows)), " > ", formatBytes(*available),
             " free) in ", seconds, " s, memory grew ", formatBytes(std::max<std::int64_t>(0, grown)));
    return outcome;
}

} // namespace

const std::vector<Check>& checks() {
    static const std::vector<Check> all{
        {"certify-votes",
         "vote counts consistent with the CPU's and the analytic share (two-proportion z < 4), radii within 4 MC errors",
         certifyVotes},
        {"training-step", "loss and gradient vs float64 within 5e-3 (relative); the trainer's update vs the CPU's within 1e-2",
         trainingStep},
        {"approxgrad-hypergradient", "hypergradient of each solver vs float64 within 1e-3 (CG: 1e-2; relative L2)",
         hypergradient},
        {"memory-refusal", "a certification batch twice the free memory is refused before allocating, a fitting one runs",
         memoryRefusal},
    };
    return all;
}

std::string unavailableReason(const std::string& device) {
    if (device == "cpu") return {};
    if (device.rfind("cuda", 0) == 0) {
        if (!torch::cuda::is_available())
            return "no CUDA device: this LibTorch has no CUDA or the machine has no GPU (the GPU server runs these; "
                   "scripts/gpu-check.sh)";
        try {
            parseDevice(device);
        } catch (const std::exception& e) {
            return e.what();
        }
        return {};
    }
    return "unknown device '" + device + "'";
}

} // namespace pacd::device_checks
