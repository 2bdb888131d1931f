#include "smoothing/forward_batch.h"

#include "models/layout.h"
#include "models/precision_scope.h"
#include "smoothing/eval_mode.h"
#include "support/atomic_file.h"
#include "support/memory.h"
#include "support/paths.h"

#include "models/footprint.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace fs = std::filesystem;

namespace pacd {
namespace {

std::string cacheKey(ClassifierImpl& model, const torch::Device& device, Precision precision) {
    std::ostringstream key;
    key << model.spec().arch << " " << torch::IntArrayRef(model.spec().inputShape) << " " << device.str() << " "
        << nameOf(precision) << (usesChannelsLast(model) ? " channels-last" : "") << " threads=" << torch::get_num_threads();
    return key.str();
}

std::vector<std::int64_t> candidatesFor(ClassifierImpl& model, const torch::Device& device) {
    const std::vector<std::int64_t> all = device.is_cpu() ? std::vector<std::int64_t>{32, 64, 125, 250, 500, 1000}
                                                          : std::vector<std::int64_t>{1000, 4000, 8000, 16000, 32000};
    const auto available = availableMemory(device);
    std::vector<std::int64_t> out;
    for (const auto rows : all)
        if (!available || inferenceBytes(modelFootprint(model.spec()), rows) < *available / 2 || out.empty()) out.push_back(rows);
    return out;
}

// Samples per second of noisy forward passes of `rows` each, over about `samples` samples after one warm-up pass.
double timePasses(ClassifierImpl& model, const torch::Device& device, std::int64_t rows, std::int64_t samples) {
    auto shape = model.spec().inputShape;
    shape.insert(shape.begin(), rows);
    const auto clean = torch::rand(shape, torch::TensorOptions().device(device));
    auto passOnce = [&] {
        auto noisy = clean + torch::randn(clean.sizes(), clean.options()) * 0.25;
        if (usesChannelsLast(model) && noisy.dim() == 4) noisy = noisy.contiguous(torch::MemoryFormat::ChannelsLast);
        return model.forward(noisy).argmax(1);
    };
    (void)passOnce().cpu();
    const auto passes = std::max<std::int64_t>(2, (samples + rows - 1) / rows);
    const auto started = std::chrono::steady_clock::now();
    torch::Tensor last;
    for (std::int64_t i = 0; i < passes; ++i)
        last = passOnce();
    (void)last.cpu(); // waits for an accelerator's queue
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return double(passes * rows) / seconds;
}

std::mutex& cacheMutex() {
    static std::mutex mutex;
    return mutex;
}
std::map<std::string, std::int64_t>& processCache() {
    static std::map<std::string, std::int64_t> cache;
    return cache;
}
std::map<std::string, std::string>& layoutCache() {
    static std::map<std::string, std::string> cache;
    return cache;
}
constexpr const char* kChannelsLast = "channels-last";
constexpr const char* kNchw = "nchw";

// A cache, not data: an unreadable file is probed again and rewritten rather than refused.
nlohmann::json readCacheFile(const fs::path& file) {
    if (file.empty() || !fs::exists(file)) return nlohmann::json::object();
    try {
        std::ifstream in(file);
        auto j = nlohmann::json::parse(in);
        return j.is_object() ? j : nlohmann::json::object();
    } catch (const std::exception&) {
        return nlohmann::json::object();
    }
}

} // namespace

fs::path defaultForwardBatchCache() {
    return stateDir() / "forward-batch.json";
}

namespace {

// Rounds of timing per candidate. A probe is remembered for good, so a moment of contention (a build, another
// run) must not decide it: each candidate keeps its best of several short rounds, and the rounds interleave the
// candidates (and, in chooseForwardPasses, both layouts) so that a busy spell slows all of them alike. Measured on
// a 2-core EPYC while a build ran: a single-round probe remembered NCHW at 1,000 rows for bf16, 7,900 samples/s,
// where channels-last at 500 rows certifies 15,200/s.
constexpr int kProbeRounds = 3;

// Times every candidate pass size in each of `layouts` (channels-last or not), best of kProbeRounds interleaved
// rounds; caches nothing. The model is left in the last layout timed.
std::vector<ForwardBatchChoice> probe(ClassifierImpl& model, const torch::Device& device, Precision precision,
                                      const std::vector<bool>& layouts) {
    EvalModeScope eval(model);
    const std::int64_t samples = device.is_cpu() ? 3000 : 64000;
    const auto candidates = candidatesFor(model, device);
    std::vector<ForwardBatchChoice> choices(layouts.size());
    for (std::size_t l = 0; l < layouts.size(); ++l) {
        choices[l].channelsLast = layouts[l];
        for (const auto rows : candidates)
            choices[l].measured.emplace_back(rows, 0.0);
    }
    for (int round = 0; round < kProbeRounds; ++round)
        for (std::size_t l = 0; l < layouts.size(); ++l) {
            // The layout changes outside inference mode and autocast: the weights stay normal tensors, and autocast's
            // cache of their bf16 copies, dropped when the scope ends, never serves the other layout's copy.
            if (layouts.size() > 1) setChannelsLast(model, layouts[l]);
            const PrecisionScope scope(precision, device);
            c10::InferenceMode inference;
            for (auto& [rows, rate] : choices[l].measured)
                rate = std::max(rate, timePasses(model, device, rows, std::max(samples, 2 * rows)));
        }
    for (auto& choice : choices)
        for (const auto& [rows, rate] : choice.measured)
            if (rate > choice.samplesPerSecond) {
                choice.samplesPerSecond = rate;
                choice.rows = rows;
            }
    return choices;
}

void remember(const fs::path& cacheFile, const std::vector<std::pair<std::string, nlohmann::json>>& entries) {
    std::lock_guard<std::mutex> lock(cacheMutex());
    for (const auto& [key, value] : entries)
        if (value.is_number_integer()) processCache()[key] = value.get<std::int64_t>();
    if (cacheFile.empty()) return;
    auto file = readCacheFile(cacheFile);
    for (const auto& [key, value] : entries)
        file[key] = value;
    fs::create_directories(cacheFile.parent_path());
    writeTextAtomically(cacheFile, file.dump(2));
}

bool hasConvolutionWeights(const torch::nn::Module& model) {
    for (const auto& p : model.parameters())
        if (p.dim() == 4 && p.size(1) > 1 && p.size(2) * p.size(3) > 1) return true;
    return false;
}

} // namespace

ForwardBatchChoice chooseForwardBatch(ClassifierImpl& model, Precision precision, const fs::path& cacheFile) {
    const auto device = modelDevice(model);
    precision = resolvePrecision(precision, device);
    const auto key = cacheKey(model, device, precision);
    ForwardBatchChoice choice;
    choice.channelsLast = usesChannelsLast(model);
    {
        std::lock_guard<std::mutex> lock(cacheMutex());
        if (const auto found = processCache().find(key); found != processCache().end()) {
            choice.rows = found->second;
            choice.fromCache = true;
            return choice;
        }
        const auto file = readCacheFile(cacheFile);
        if (const auto found = file.find(key);
            found != file.end() && found->is_number_integer() && found->get<std::int64_t>() > 0) {
            choice.rows = found->get<std::int64_t>();
            choice.fromCache = true;
            processCache()[key] = choice.rows;
            return choice;
        }
    }
    choice = probe(model, device, precision, {usesChannelsLast(model)}).front();
    remember(cacheFile, {{key, choice.rows}});
    return choice;
}

ForwardBatchChoice chooseForwardPasses(ClassifierImpl& model, Precision precision, const fs::path& cacheFile) {
    if (!hasConvolutionWeights(model)) return chooseForwardBatch(model, precision, cacheFile);
    const auto device = modelDevice(model);
    precision = resolvePrecision(precision, device);
    setChannelsLast(model, false);
    const auto layoutKey = cacheKey(model, device, precision) + " layout";
    std::string layout;
    {
        std::lock_guard<std::mutex> lock(cacheMutex());
        if (const auto seen = layoutCache().find(layoutKey); seen != layoutCache().end()) layout = seen->second;
        const auto file = layout.empty() ? readCacheFile(cacheFile) : nlohmann::json::object();
        if (const auto found = file.find(layoutKey); found != file.end() && found->is_string())
            layout = found->get<std::string>();
        if (!layout.empty()) layoutCache()[layoutKey] = layout;
    }
    if (layout == kChannelsLast || layout == kNchw) {
        setChannelsLast(model, layout == kChannelsLast);
        return chooseForwardBatch(model, precision, cacheFile);
    }
    // Both layouts, each at its best pass size: which wins depends on the kernels oneDNN picks for the CPU's ISA
    // (measured: channels-last 1.4x on an AVX-512 EPYC) and is not worth guessing.
    const auto probed = probe(model, device, precision, {false, true});
    const auto& nchw = probed[0];
    const auto& nhwc = probed[1];
    setChannelsLast(model, false);
    const auto nchwKey = cacheKey(model, device, precision);
    setChannelsLast(model, true);
    const auto nhwcKey = cacheKey(model, device, precision);
    const bool channelsLast = nhwc.samplesPerSecond > nchw.samplesPerSecond;
    setChannelsLast(model, channelsLast);
    layout = channelsLast ? kChannelsLast : kNchw;
    remember(cacheFile, {{nchwKey, nchw.rows}, {nhwcKey, nhwc.rows}, {layoutKey, layout}});
    {
        std::lock_guard<std::mutex> lock(cacheMutex());
        layoutCache()[layoutKey] = layout;
    }
    auto choice = channelsLast ? nhwc : nchw;
    choice.otherLayoutSamplesPerSecond = channelsLast ? nchw.samplesPerSecond : nhwc.samplesPerSecond;
    return choice;
}

} // namespace pacd
