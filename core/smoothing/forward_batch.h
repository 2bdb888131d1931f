#pragma once
// The forward-pass size that classifies noisy samples fastest: on a CPU small passes keep activations in cache,
// on a GPU large ones fill it. Found by timing a few passes per device and remembered, so certification, PREDICT
// and the PGD measurement run at it (their noise is drawn in blocks of the certify batch whatever the pass size).
#include "models/classifier.h"
#include "support/precision.h"

#include <cstdint>
#include <filesystem>
#include <utility>
#include <vector>

namespace pacd {

struct ForwardBatchChoice {
    std::int64_t rows = 1000;                              ///< samples per forward pass
    double samplesPerSecond = 0.0;                         ///< measured at `rows` (0 when it came from the cache)
    bool fromCache = false;                                ///< remembered from an earlier probe, not measured now
    std::vector<std::pair<std::int64_t, double>> measured; ///< (rows, samples/s) of each candidate timed now
    bool channelsLast = false;                             ///< the layout it was measured (and is to run) in
    double otherLayoutSamplesPerSecond = 0.0;              ///< chooseForwardPasses: the losing layout's best rate
};

/// The fastest pass size for `model` on its device in `precision` (Fp32 / Bf16) with its current layout, among
/// the device's candidates (CPU 32-1000, CUDA 1000-32000, those that fit in memory), each at its best of three
/// interleaved timing rounds (a busy moment must not be remembered). Takes a few seconds on a CPU the first time; the answer is
/// kept per (architecture, input shape, device, precision, layout, threads) for the process and in `cacheFile` (none when empty),
/// and read from there later. The model is left as it was.
ForwardBatchChoice chooseForwardBatch(ClassifierImpl& model, Precision precision, const std::filesystem::path& cacheFile);

/// The same, and the weight layout too (NCHW or channels-last, models/layout.h) for models with convolutions:
/// both are probed once, each at its best pass size, and the model is left in the faster one. Certification,
/// PREDICT and the PGD measurement call this; models without 4-D weights get chooseForwardBatch.
ForwardBatchChoice chooseForwardPasses(ClassifierImpl& model, Precision precision, const std::filesystem::path& cacheFile);

/// stateDir() / "forward-batch.json": where the CLI, the window and the runner keep the choices.
std::filesystem::path defaultForwardBatchCache();

} // namespace pacd
