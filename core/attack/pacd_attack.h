#pragma once
#include "attack/approx_grad.h"
#include "attack/pacd_config.h"
#include "data/attack_data.h" // PacdData, makePacdData: the attack's users cut its data there
#include "data/dataset.h"
#include "data/poison_set.h"
#include "models/classifier.h"
#include "support/cancel.h"
#include "support/progress.h"
#include "training/defense_step.h"
#include "training/train_config.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace pacd {

/// How a run ended.
struct PacdRunResult {
    std::int64_t upperSteps = 0; ///< upper steps done in total (across resumes)
    std::int64_t epochsDone = 0; ///< whole epochs done
    bool finished = false;       ///< all P epochs done (false: stopped by the time budget)
    bool resumed = false;        ///< continued from a checkpoint
    double seconds = 0.0;        ///< wall time of this call
    UpperStepStats last;         ///< the last upper step's figures
};

/// Receives the poison rows just updated (indices into the poison set, and their images) for live display.
using PoisonBatchSink = std::function<void(const torch::Tensor& rows, const torch::Tensor& images)>;

/// The PACD attack on one target class (Alg. 1): minibatches of clean + poison points for the lower level,
/// a target-class validation batch for the soft-ACR upper level, ApproxGrad per minibatch, the lower level
/// warm-started across minibatches and re-initialised every R epochs.
class PacdAttack {
  public:
    PacdAttack(PacdConfig config, PacdData data, ModelSpec spec, torch::Device device);

    /// Runs until P epochs are done, the time budget is spent, or `cancel` fires. With a non-empty `checkpoint`,
    /// resumes from it when it exists (refusing one made with other settings or data) and rewrites it atomically
    /// at every epoch end, every checkpointEverySteps steps, and before returning or rethrowing Cancelled.
    PacdRunResult run(const std::filesystem::path& checkpoint, CancelToken& cancel, const ProgressSink& progress,
                      const PoisonBatchSink& batches = {});

    /// The poisons so far [n, ...] on the CPU.
    torch::Tensor poisons() const { return m_poisons.cpu(); }
    /// The poisons as a poison-set file's content.
    PoisonSet poisonSet() const;
    const PacdConfig& config() const { return m_config; }

  private:
    void requireAttackMemory() const;
    void reinitialiseLowerLevel();
    torch::Tensor lowerLoss(const torch::Tensor& inputs, const torch::Tensor& labels, std::int64_t draw);
    /// The lower level's noise for `draw`: the same generator for ζ and for the poisons' share of it.
    torch::Generator lowerNoiseGenerator(std::int64_t draw) const;
    /// The lower level's defense step as in force at the current epoch (SmoothAdv's ε warm-up).
    DefenseStepConfig lowerStepConfig() const;
    void saveCheckpoint(const std::filesystem::path& path) const;
    void loadCheckpoint(const std::filesystem::path& path);
    std::string fingerprint() const;

    PacdConfig m_config;
    PacdData m_data;
    ModelSpec m_spec;
    torch::Device m_device;
    Classifier m_model;
    std::unique_ptr<ApproxGrad> m_solver;
    torch::Tensor m_poisons, m_base, m_clean, m_cleanLabels, m_validation;
    bool m_augment = false;      ///< pad-crop-flip in the lower level (CIFAR-10, as the victims train)
    bool m_rowSeparable = false; ///< ζ splits by rows: the poisons' share stands in for it where it can
    std::int64_t m_epoch = 0, m_batchInEpoch = 0, m_cycle = 0, m_steps = 0;
};

} // namespace pacd
