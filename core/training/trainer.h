#pragma once
#include "data/dataset.h"
#include "models/classifier.h"
#include "support/cancel.h"
#include "support/progress.h"
#include "training/train_config.h"

#include <cstdint>
#include <filesystem>
#include <vector>

namespace pacd {

/// What one epoch achieved (also sent as a "train-epoch" progress event).
struct EpochMetrics {
    std::int64_t epoch = 0; ///< 1-based
    double loss = 0.0;      ///< mean training loss over the epoch's steps
    double accuracy = 0.0;  ///< fraction of training points the trained prediction got right
    double learningRate = 0.0;
    double seconds = 0.0;
    double targetSoftAcr = -1.0; ///< soft ACR of the monitor set at σ (−1 without a monitor set)
    double targetSoftAccuracy = -1.0;
};

/// The outcome of train().
struct TrainResult {
    std::int64_t startEpoch = 0;       ///< epochs already done when this call started (> 0 after a resume)
    std::int64_t epochs = 0;           ///< epochs completed in total
    std::int64_t steps = 0;            ///< optimiser steps taken by this call
    double seconds = 0.0;              ///< wall time of this call's training steps
    double imagesPerSecond = 0.0;      ///< training points processed per second by this call
    std::vector<EpochMetrics> history; ///< this call's epochs
};

/// Builds `spec`'s model with its initial weights drawn from `seed` (the global generator is reseeded).
Classifier makeSeededClassifier(const ModelSpec& spec, std::uint64_t seed);

/// The ".state" file next to a checkpoint: model, optimiser, generators and epoch, for resume.
std::filesystem::path trainingStatePath(const std::filesystem::path& checkpoint);

/// Trains `model` on `data` with config.method (paper §2, §3.2): per step a shuffled batch (optionally
/// crop+flip-augmented), the method's loss, one optimiser step. Shuffling, augmentation and noise draw from
/// generators seeded with config.seed; dropout draws from the global generator, which is reseeded too, so a
/// CPU run is bit-reproducible for a seed and thread count. After every epoch it writes config.checkpoint (a
/// loadCheckpoint() file) and its ".state" (optimiser, generators, epoch); with config.resume it continues from
/// the state and reproduces the uninterrupted run exactly. `monitor` (e.g. target-class test points) gets a
/// quick soft ACR per epoch. Reports stage "train" (throttled, per step) and "train-epoch" (per epoch). Checks
/// `cancel` between steps. A non-finite loss throws pacd::Error naming the epoch and step, before any update.
TrainResult train(ClassifierImpl& model, const Dataset& data, const TrainConfig& config, CancelToken& cancel,
                  const ProgressSink& progress, const Dataset& monitor = {});

} // namespace pacd
