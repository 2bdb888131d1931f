#include "smoothing/certify.h"

#include "models/footprint.h"
#include "models/layout.h"
#include "models/precision_scope.h"
#include "smoothing/clopper_pearson.h"
#include "smoothing/eval_mode.h"
#include "support/error.h"
#include "support/memory.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Context.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>

namespace pacd {

void CertifyConfig::validate() const {
    require(sigma > 0.0 && std::isfinite(sigma), "certify setting 'sigma' must be > 0, got ", sigma);
    require(n0 >= 1, "certify setting 'n0' must be >= 1, got ", n0);
    require(n >= 1, "certify setting 'n' must be >= 1, got ", n);
    require(alpha > 0.0 && alpha < 1.0, "certify setting 'alpha' must lie in (0, 1), got ", alpha);
    require(batch >= 1, "certify setting 'batch' must be >= 1, got ", batch);
    require(forwardBatch >= 0, "certify setting 'forward batch' must be >= 0 (0 = batch), got ", forwardBatch);
}

torch::Generator makeNoiseGenerator(const torch::Device& device, std::uint64_t seed) {
    if (device.is_cpu()) return at::make_generator<at::CPUGeneratorImpl>(seed);
    // Accelerators: a private copy of the device's default generator, so that seeding does not disturb
    // other users of the global one (and no CUDA header is needed here).
    auto global = at::globalContext().defaultGenerator(device); // a handle sharing the global state
    torch::Generator generator;
    {
        std::lock_guard<std::mutex> lock(global.mutex());
        generator = global.clone();
    }
    generator.set_current_seed(seed);
    return generator;
}

torch::Tensor sampleVoteCounts(ClassifierImpl& model, const torch::Tensor& inputs, std::int64_t samplesPerPoint, double sigma,
                               std::int64_t batch, torch::Generator& generator, const CancelToken* cancel,
                               const ForwardPasses& passes) {
    require(inputs.dim() >= 2, "vote counting: inputs must be [points, ...], got ", inputs.dim(), " dims");
    require(samplesPerPoint >= 1 && batch >= 1, "vote counting: samples and batch must be >= 1");
    const std::int64_t points = inputs.size(0);
    const std::int64_t classes = model.spec().numClasses;
    const auto longOptions = torch::TensorOptions().dtype(torch::kLong).device(inputs.device());
    auto counts = torch::zeros({points * classes}, longOptions);
    // The noisy samples of all points form one flat sequence (point-major) that is cut into blocks of `batch` rows,
    // each with its own draw of noise, so a block may hold the last samples of one point and the first of the next.
    // The blocks are classified in forward passes of `forwardBatch` rows, which regroups rows but never changes
    // the noise. index_add_ files each vote under (point, class) on the device, without a host loop or sync
    // (bincount would sync: on CUDA it reads the largest index back to size its output).
    const std::int64_t total = points * samplesPerPoint;
    const std::int64_t pass = passes.rows > 0 ? passes.rows : batch;
    const auto classify = [&](const torch::Tensor& noisy, const torch::Tensor& owner) {
        for (std::int64_t first = 0; first < noisy.size(0); first += pass) {
            const auto rows = std::min(pass, noisy.size(0) - first);
            const auto votes = model.forward(noisy.narrow(0, first, rows)).argmax(1);
            counts.index_add_(0, owner.narrow(0, first, rows) * classes + votes, torch::ones_like(votes));
        }
    };
    std::vector<torch::Tensor> pendingNoisy, pendingOwner;
    std::int64_t pending = 0;
    for (std::int64_t start = 0; start < total; start += batch) {
        if (cancel) cancel->throwIfCancelled();
        const std::int64_t rows = std::min(batch, total - start);
        const auto owner = torch::div(torch::arange(start, start + rows, longOptions), samplesPerPoint, "floor");
        const auto clean = inputs.index_select(0, owner);
        auto noisy = clean + torch::randn(clean.sizes(), generator, clean.options()) * sigma;
        if (passes.channelsLast && noisy.dim() == 4) noisy = noisy.contiguous(torch::MemoryFormat::ChannelsLast);
        pendingNoisy.push_back(noisy);
        pendingOwner.push_back(owner);
        pending += rows;
        if (pending >= pass || start + rows >= total) {
            classify(pendingNoisy.size() == 1 ? pendingNoisy.front() : torch::cat(pendingNoisy),
                     pendingOwner.size() == 1 ? pendingOwner.front() : torch::cat(pendingOwner));
            pendingNoisy.clear();
            pendingOwner.clear();
            pending = 0;
        }
    }
    return counts.view({points, classes}).cpu();
}

namespace {

std::vector<std::int64_t> checkedIndices(const torch::Tensor& inputs, const torch::Tensor& labels,
                                         const std::vector<std::int64_t>& indices, const char* stage) {
    require(inputs.defined() && labels.defined(), stage, ": inputs and labels must be given");
    require(inputs.dim() >= 2, stage, ": inputs must be [points, ...]");
    require(labels.dim() == 1 && labels.size(0) == inputs.size(0), stage, ": ", inputs.size(0), " inputs but ", labels.numel(),
            " labels");
    const std::int64_t points = inputs.size(0);
    if (indices.empty()) {
        std::vector<std::int64_t> all(static_cast<std::size_t>(points));
        for (std::int64_t i = 0; i < points; ++i)
            all[static_cast<std::size_t>(i)] = i;
        return all;
    }
    require(static_cast<std::int64_t>(indices.size()) == points, stage, ": ", indices.size(), " indices for ", points, " points");
    return indices;
}

// Shared driver of CERTIFY and PREDICT: groups points so that one group fills about one forward pass when the
// sample counts are small (one point per group when they are large), and reports after each group.
template <typename DecideGroup>
std::vector<PointResult> runSmoothed(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                                     const CertifyConfig& config, CancelToken& cancel, const ProgressSink& progress,
                                     const std::vector<std::int64_t>& indices, const char* stage, std::int64_t samplesPerPoint,
                                     DecideGroup decide) {
    config.validate();
    const auto names = checkedIndices(inputs, labels, indices, stage);
    EvalModeScope evalMode(model);
    c10::InferenceMode inferenceMode;
    const auto device = modelDevice(model);
    // One scope for the whole certification: the weights do not change, so autocast casts each of them once.
    const PrecisionScope precision(config.precision, device);
    auto generator = makeNoiseGenerator(device, config.seed);
    const auto cpuLabels = labels.to(torch::kCPU, torch::kLong).contiguous();
    const auto* label = cpuLabels.data_ptr<std::int64_t>();

    const std::int64_t points = inputs.size(0);
    const std::int64_t group = std::max<std::int64_t>(1, config.batch / samplesPerPoint);
    // Refuse a batch the device cannot hold now rather than after hours of certification.
    const auto rows =
        std::max(config.forwardBatch, std::min<std::int64_t>(config.batch, std::min(points, group) * samplesPerPoint));
    requireMemory(device, {inferenceBytes(modelFootprint(model.spec()), rows),
                           detail::concat(stage, ": forward passes of ", rows, " noisy samples of ", inputs.sizes().slice(1),
                                          " through ", model.spec().arch),
                           "the certification batch (setting 'batch', pacd-cli --batch)"});
    std::vector<PointResult> results;
    results.reserve(static_cast<std::size_t>(points));
    double radiusSum = 0.0;
    std::int64_t correctCount = 0, abstained = 0;
    for (std::int64_t first = 0; first < points; first += group) {
        cancel.throwIfCancelled();
        const auto started = std::chrono::steady_clock::now();
        const std::int64_t last = std::min(points, first + group);
        const auto x = inputs.slice(0, first, last).to(device, modelDtype(model));
        // decide() returns (predicted, radius, pAEstimate) per point of the group.
        const auto decisions = decide(x, generator);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() / double(last - first);
        for (std::int64_t i = first; i < last; ++i) {
            const auto& [predicted, radius, pA] = decisions[static_cast<std::size_t>(i - first)];
            PointResult r;
            r.index = names[static_cast<std::size_t>(i)];
            r.label = label[i];
            r.predicted = predicted;
            r.correct = predicted == r.label;
            r.radius = radius;
            r.pAEstimate = pA;
            r.seconds = seconds;
            if (r.correct) {
                radiusSum += r.radius;
                ++correctCount;
            }
            if (predicted < 0) ++abstained;
            results.push_back(r);
        }
        ProgressEvent event;
        event.stage = stage;
        event.step = last;
        event.total = points;
        event.metrics["acr"] = radiusSum / double(last);
        event.metrics["aca"] = double(correctCount) / double(last);
        event.metrics["abstain_rate"] = double(abstained) / double(last);
        report(progress, event);
    }
    return results;
}

struct Decision {
    std::int64_t predicted;
    double radius;
    double pAEstimate;
};

} // namespace

std::vector<PointResult> certify(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                                 const CertifyConfig& config, CancelToken& cancel, const ProgressSink& progress,
                                 const std::vector<std::int64_t>& indices) {
    config.validate();
    const ForwardPasses passes{config.forwardBatch, usesChannelsLast(model)};
    const auto decide = [&](const torch::Tensor& x, torch::Generator& generator) {
        // Selection and estimation use independent samples, otherwise the bound on pA would be biased upwards.
        const auto selected =
            sampleVoteCounts(model, x, config.n0, config.sigma, config.batch, generator, &cancel, passes).argmax(1);
        const auto counts = sampleVoteCounts(model, x, config.n, config.sigma, config.batch, generator, &cancel, passes);
        // Both counts are on the host already (one copy per group of points): read them without per-point tensors.
        const auto nA = counts.gather(1, selected.unsqueeze(1)).squeeze(1).contiguous();
        const auto votesOf = nA.accessor<std::int64_t, 1>();
        const auto selectedOf = selected.accessor<std::int64_t, 1>();
        std::vector<Decision> decisions;
        for (std::int64_t i = 0; i < x.size(0); ++i) {
            const std::int64_t votes = votesOf[i];
            const double lower = clopperPearsonLower(votes, config.n, config.alpha);
            const double estimate = double(votes) / double(config.n);
            if (lower < 0.5)
                decisions.push_back({-1, 0.0, estimate});
            else
                decisions.push_back({selectedOf[i], config.sigma * normalQuantile(lower), estimate});
        }
        return decisions;
    };
    return runSmoothed(model, inputs, labels, config, cancel, progress, indices, "certify", config.n0 + config.n, decide);
}

std::vector<PointResult> predict(ClassifierImpl& model, const torch::Tensor& inputs, const torch::Tensor& labels,
                                 const CertifyConfig& config, CancelToken& cancel, const ProgressSink& progress,
                                 const std::vector<std::int64_t>& indices) {
    config.validate();
    const ForwardPasses passes{config.forwardBatch, usesChannelsLast(model)};
    const auto decide = [&](const torch::Tensor& x, torch::Generator& generator) {
        const auto counts = sampleVoteCounts(model, x, config.n, config.sigma, config.batch, generator, &cancel, passes);
        const auto top = std::get<0>(counts.topk(2, 1));
        const auto topClass = counts.argmax(1);
        std::vector<Decision> decisions;
        for (std::int64_t i = 0; i < x.size(0); ++i) {
            const std::int64_t first = top[i][0].item<std::int64_t>();
            const std::int64_t second = top[i][1].item<std::int64_t>();
            const double estimate = double(first) / double(config.n);
            // Too close to call between the top two classes at level alpha: abstain.
            if (binomialTwoSidedPValue(first, first + second, 0.5) > config.alpha)
                decisions.push_back({-1, 0.0, estimate});
            else
                decisions.push_back({topClass[i].item<std::int64_t>(), 0.0, estimate});
        }
        return decisions;
    };
    return runSmoothed(model, inputs, labels, config, cancel, progress, indices, "predict", config.n, decide);
}

} // namespace pacd
