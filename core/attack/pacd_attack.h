#pragma once
#include "attack/approx_grad.h"
#include "data/attack_data.h" // PacdData, makePacdData: the attack's users cut its data there
#include "data/dataset.h"
#include "data/poison_set.h"
#include "models/classifier.h"
#include "support/cancel.h"
#include "support/progress.h"
#include "training/train_config.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace pacd {

/// Settings of the PACD attack (Alg. 1 around ApproxGrad). Defaults are the paper's MNIST values (§4, App. E.3);
/// paper() gives each data set's and defense's.
struct PacdConfig {
    TrainMethod defense = TrainMethod::GaussianAugmentation; ///< lower level: standard, ga, macer, smoothadv
    std::int64_t target = 8;              ///< the class whose training points become poisons
    double sigma = 0.25;                  ///< noise of the lower level and of the soft smoothed classifier
    double epsilon = 0.1;                 ///< ℓ∞ budget (MNIST 0.1, CIFAR-10 0.03)
    std::int64_t epochs = 50;             ///< P: passes over the poison set
    std::int64_t cleanBatch = 900;        ///< clean points per lower-level minibatch (CIFAR-10: 180)
    std::int64_t poisonBatch = 100;       ///< poisons per minibatch (CIFAR-10: 20)
    std::int64_t validationBatch = 100;   ///< target-class validation points per upper step (CIFAR-10: 20)
    std::int64_t reinitEvery = 10;        ///< R: epochs between lower-level re-initialisations (SmoothAdv: 20)
    std::int64_t upperSamples = 20;       ///< k noise samples of the soft smoothed classifier (CIFAR-10: 5)
    double inverseTemperature = 16.0;     ///< α of the soft smoothed classifier
    ApproxGradConfig approx;              ///< T1, T2, ρ, β, the poisons' step; approx.epsilon is set from epsilon
    MacerConfig macer{2, 1.0, 8.0, 16.0}; ///< MACER while poisoning: k = 2, λ = 1, γ = 8 (App. E.3)
    SmoothAdvConfig smoothAdv = SmoothAdvConfig::paper(); ///< SmoothAdv while poisoning: k = 1, 2 steps, ε = 1
    double timeBudgetSeconds = 0.0;       ///< stop (with a checkpoint) once exceeded; 0 = none
    std::int64_t checkpointEverySteps = 0;///< also checkpoint every this many upper steps; 0 = at epoch ends only
    std::uint64_t seed = 0;               ///< batches, noise and re-initialisations: same seed, same poisons (CPU)

    /// The paper's settings for a data set and defense: MNIST/Fashion-MNIST as above; CIFAR-10 ε = 0.03, k = 5,
    /// batches 180 + 20, validation 20; SmoothAdv T1 = 1 and R = 20.
    static PacdConfig paper(const std::string& dataset, TrainMethod defense);
    /// Throws pacd::Error naming the first bad setting.
    void validate() const;
    /// The settings as a JSON object (stored in checkpoints and poison sets).
    std::string toJson() const;
};

/// How a run ended.
struct PacdRunResult {
    std::int64_t upperSteps = 0;   ///< upper steps done in total (across resumes)
    std::int64_t epochsDone = 0;   ///< whole epochs done
    bool finished = false;         ///< all P epochs done (false: stopped by the time budget)
    bool resumed = false;          ///< continued from a checkpoint
    double seconds = 0.0;          ///< wall time of this call
    UpperStepStats last;           ///< the last upper step's figures
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
    std::int64_t m_epoch = 0, m_batchInEpoch = 0, m_cycle = 0, m_steps = 0;
};

} // namespace pacd
