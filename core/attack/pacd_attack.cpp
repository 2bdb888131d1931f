#include "attack/pacd_attack.h"

#include "attack/attack_objective.h"
#include "models/footprint.h"
#include "models/precision_scope.h"
#include "smoothing/certify.h"
#include "smoothing/soft_radius.h"
#include "support/atomic_file.h"
#include "support/error.h"
#include "support/hash.h"
#include "support/memory.h"
#include "support/rng.h"
#include "training/defense_step.h"
#include "training/losses.h"
#include "training/trainer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <unordered_set>

namespace fs = std::filesystem;

namespace pacd {
namespace {

constexpr std::int64_t kCheckpointVersion = 1;

std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    // SplitMix64 finaliser over the pair: distinct streams for (seed, draw) without collisions in practice.
    return splitMix64Mix(a * kSplitMix64Gamma + b + 0x632be59bd9b4e019ULL);
}

// k distinct indices below n; portable, so that batches are the same on every machine.
std::vector<std::int64_t> sampleDistinct(std::int64_t n, std::int64_t k, PortableRng& rng) {
    k = std::min(k, n);
    std::vector<std::int64_t> out;
    if (2 * k > n) {
        std::vector<std::int64_t> all(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i)
            all[static_cast<std::size_t>(i)] = i;
        rng.shuffle(all);
        all.resize(static_cast<std::size_t>(k));
        return all;
    }
    std::unordered_set<std::int64_t> seen;
    while (static_cast<std::int64_t>(out.size()) < k) {
        const auto i = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(n)));
        if (seen.insert(i).second) out.push_back(i);
    }
    return out;
}

// The poisons' order in pass `pass` of epoch `epoch`. Pass 0 keeps the stream it had when an epoch was one pass.
std::vector<std::int64_t> poisonOrder(std::int64_t count, std::uint64_t seed, std::int64_t epoch, std::int64_t pass) {
    std::vector<std::int64_t> order(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i)
        order[static_cast<std::size_t>(i)] = i;
    auto stream = mix(seed, 1000003ULL + static_cast<std::uint64_t>(epoch));
    if (pass > 0) stream = mix(stream, static_cast<std::uint64_t>(pass));
    PortableRng rng(stream);
    rng.shuffle(order);
    return order;
}

torch::Tensor indexTensor(const std::vector<std::int64_t>& values, const torch::Device& device) {
    return torch::tensor(values, torch::kLong).to(device);
}

} // namespace

void PacdConfig::validate() const {
    require(target >= 0, "attack setting 'target' must be >= 0, got ", target);
    require(sigma > 0 && std::isfinite(sigma), "attack setting 'sigma' must be > 0, got ", sigma);
    require(epsilon >= 0 && epsilon <= 1, "attack setting 'epsilon' must lie in [0, 1], got ", epsilon);
    require(epochs >= 1, "attack setting 'epochs' (P) must be >= 1, got ", epochs);
    require(cleanBatch >= 0 && poisonBatch >= 1 && validationBatch >= 1,
            "attack settings 'clean batch' >= 0, 'poison batch' >= 1 and 'validation batch' >= 1 are required");
    require(reinitEvery >= 1, "attack setting 'reinit every' (R) must be >= 1, got ", reinitEvery);
    require(upperSamples >= 1, "attack setting 'k' (upper-level noise samples) must be >= 1, got ", upperSamples);
    require(inverseTemperature > 0, "attack setting 'inverse temperature' must be > 0, got ", inverseTemperature);
    require(timeBudgetSeconds >= 0, "attack setting 'time budget' must be >= 0, got ", timeBudgetSeconds);
    require(checkpointEverySteps >= 0, "attack setting 'checkpoint every' must be >= 0");
    auto approxChecked = approx;
    approxChecked.epsilon = epsilon;
    approxChecked.validate();
    if (defense == TrainMethod::Macer) macer.validate();
    if (defense == TrainMethod::SmoothAdv) smoothAdv.validate();
}

std::string PacdConfig::toJson() const {
    nlohmann::ordered_json j{{"defense", methodName(defense)},
                             {"target", target},
                             {"sigma", sigma},
                             {"epsilon", epsilon},
                             {"epochs", epochs},
                             {"clean_batch", cleanBatch},
                             {"poison_batch", poisonBatch},
                             {"validation_batch", validationBatch},
                             {"reinit_every", reinitEvery},
                             {"k", upperSamples},
                             {"inverse_temperature", inverseTemperature},
                             {"T1", approx.lowerSteps},
                             {"lower_lr", approx.lowerLearningRate},
                             {"T2", approx.linearSteps},
                             {"beta", approx.linearLearningRate},
                             {"rho", approx.damping},
                             {"hessian", nameOf(approx.solver)},
                             {"poison_step", nameOf(approx.poisonStep)},
                             {"poison_lr", approx.poisonLearningRate},
                             {"seed", seed}};
    // Only when not the soft ACR, so that PACD's poisons keep the addresses they had before Eq. 4 existed.
    if (objective != AttackObjective::SoftAcr) j["objective"] = nameOf(objective);
    if (epochOver != AttackEpoch::Poisons) j["epoch_over"] = nameOf(epochOver);
    // Only when not fp32, so that fp32 poisons keep the addresses they had before precision existed.
    if (precision != Precision::Fp32) j["precision"] = nameOf(precision);
    if (approx.hessianProduct != HessianProduct::Autograd) {
        j["hvp"] = nameOf(approx.hessianProduct);
        j["fd_step"] = approx.finiteDifferenceStep;
    }
    if (defense == TrainMethod::Macer) j["macer"] = {{"k", macer.samples}, {"lambda", macer.lambda}, {"gamma", macer.gamma}};
    if (defense == TrainMethod::SmoothAdv)
        // "step": 2 = the trainer's step (PGD in eval mode, its noise reused, ε warmed up): new poisons, new folder.
        j["smoothadv"] = {{"epsilon", smoothAdv.epsilon},
                          {"steps", smoothAdv.steps},
                          {"m", smoothAdv.samples},
                          {"warmup", smoothAdv.warmupEpochs},
                          {"step", 2}};
    return j.dump();
}

PacdAttack::PacdAttack(PacdConfig config, PacdData data, ModelSpec spec, torch::Device device)
    : m_config(std::move(config)), m_data(std::move(data)), m_spec(std::move(spec)), m_device(device) {
    m_config.validate();
    m_config.approx.epsilon = m_config.epsilon;
    // Pixels are projected into [0, 1] as well as onto the ε-ball; unbounded features (the toy) onto the ball only.
    m_config.approx.clampToUnit = m_data.valueRange == ValueRange::UnitInterval;
    m_augment = cropFlipApplies(m_config.augmentation, m_config.defense, m_spec.inputShape);
    m_config.precision = resolvePrecision(m_config.precision, device);
    m_config.approx.precision = m_config.precision; // ApproxGrad puts it into force around the lower steps and ξ
    require(m_config.target < m_spec.numClasses, "attack: target class ", m_config.target, " but the model has ",
            m_spec.numClasses, " classes");
    m_spec.dropout = 0.0; // dropout would make ζ's Hessian a moving target; the paper's attack runs without it
    requireAttackMemory();
    m_base = m_data.base.to(device);
    m_poisons = m_base.clone();
    m_clean = m_data.cleanImages.to(device);
    m_cleanLabels = m_data.cleanLabels.to(device);
    m_validation = m_data.validation.to(device);
    m_model = makeSeededClassifier(m_spec, mix(m_config.seed, 0));
    m_model->to(device);
    m_model->train();
    // The first-order hypergradient's double backward then runs through the poisons' rows only (ApproxGrad::step).
    m_rowSeparable = !m_augment && stepLossIsRowSeparable(m_config.defense) && !modelCouplesRows(*m_model);
    m_solver = std::make_unique<ApproxGrad>(m_model->parameters(), m_base.sizes().vec(), m_config.approx);
}

void PacdAttack::requireAttackMemory() const {
    // Refused before the data move to the device: every split lives there for the whole run.
    const auto lowerSamples = m_config.defense == TrainMethod::Macer       ? 1 + m_config.macer.samples
                              : m_config.defense == TrainMethod::SmoothAdv ? 1 + m_config.smoothAdv.samples
                                                                           : 1;
    const std::int64_t clean = m_data.cleanImages.defined() ? m_data.cleanImages.size(0) : 0;
    const std::int64_t base = m_data.base.defined() ? m_data.base.size(0) : 0;
    const std::int64_t validation = m_data.validation.defined() ? m_data.validation.size(0) : 0;
    const auto lowerRows = (std::min(m_config.cleanBatch, clean) + std::min(m_config.poisonBatch, base)) * lowerSamples;
    const auto upperRows = std::min(m_config.validationBatch, validation) * m_config.upperSamples;
    const auto footprint = modelFootprint(m_spec);
    // clean images, the base points and the poisons, validation points
    const std::int64_t dataBytes = 4 * footprint.inputs * (clean + 2 * base + validation);
    requireMemory(m_device, {attackBytes(footprint, lowerRows, upperRows) + dataBytes,
                             detail::concat("the PACD attack on ", m_spec.arch, ": lower-level batches of ", lowerRows,
                                            " inputs (clean + poison batch x noise samples), upper-level batches of ", upperRows,
                                            " (validation batch x k) of ", torch::IntArrayRef(m_spec.inputShape)),
                             "the attack's batches (pacd-cli poison --clean-batch, --poison-batch, --val-batch, --k)"});
}

void PacdAttack::reinitialiseLowerLevel() {
    // Fresh weights into the same parameter tensors, so that ApproxGrad keeps its handles (and the poisons'
    // optimiser state, which belongs to the upper level).
    auto fresh = makeSeededClassifier(m_spec, mix(m_config.seed, static_cast<std::uint64_t>(m_cycle)));
    torch::NoGradGuard noGrad;
    auto target = m_model->named_parameters(true);
    for (const auto& item : fresh->named_parameters(true))
        target[item.key()].copy_(item.value());
    auto buffers = m_model->named_buffers(true);
    for (const auto& item : fresh->named_buffers(true))
        buffers[item.key()].copy_(item.value());
    m_solver->resetLowerLevel();
}

torch::Tensor PacdAttack::lowerLoss(const torch::Tensor& batch, const torch::Tensor& labels, std::int64_t draw) {
    // A generator per draw: ApproxGrad evaluates the lower level several times per upper step and must see the
    // same noise (and the same crops) each time it asks for the same draw.
    auto inputs = batch;
    if (m_augment) {
        // As the victims train (pad-crop-flip on CIFAR-10): the crop and flip are linear in the poisons, so the mixed
        // partial ∇²uθζ flows through them. CPU generator: the crop offsets are drawn on the host.
        auto crops = at::make_generator<at::CPUGeneratorImpl>(mix(m_config.seed ^ 0xc409ULL, static_cast<std::uint64_t>(draw)));
        inputs = cropFlipAugment(batch, crops);
    }
    auto generator = lowerNoiseGenerator(draw);
    return defenseStepLoss(*m_model, inputs, labels, lowerStepConfig(), generator).loss;
}

torch::Generator PacdAttack::lowerNoiseGenerator(std::int64_t draw) const {
    return makeNoiseGenerator(m_device, mix(m_config.seed ^ 0x5eedULL, static_cast<std::uint64_t>(draw)));
}

DefenseStepConfig PacdAttack::lowerStepConfig() const {
    DefenseStepConfig step{m_config.defense, m_config.sigma, m_config.macer, m_config.smoothAdv, StepRole::AttackLowerLevel};
    // As a victim trains: SmoothAdv's ε grows over the first epochs after each re-initialisation of θ (an attack
    // epoch is about one pass over the clean data, a victim's epoch).
    step.smoothAdv.epsilon = m_config.smoothAdv.epsilonAt(m_epoch % m_config.reinitEvery);
    return step;
}

PacdRunResult PacdAttack::run(const fs::path& checkpoint, CancelToken& cancel, const ProgressSink& progress,
                              const PoisonBatchSink& batches) {
    PacdRunResult result;
    const auto started = std::chrono::steady_clock::now();
    if (!checkpoint.empty() && fs::exists(checkpoint)) {
        loadCheckpoint(checkpoint);
        result.resumed = true;
    }
    const std::int64_t poisonCount = m_poisons.size(0);
    const std::int64_t perPass = (poisonCount + m_config.poisonBatch - 1) / m_config.poisonBatch;
    const std::int64_t cleanSteps =
        m_config.cleanBatch > 0 ? (m_clean.size(0) + m_config.cleanBatch - 1) / m_config.cleanBatch : 0;
    const std::int64_t perEpoch = m_config.epochOver == AttackEpoch::CleanData ? std::max(perPass, cleanSteps) : perPass;
    const std::int64_t totalSteps = perEpoch * m_config.epochs;
    const auto targetLabel = torch::full({std::max(m_config.poisonBatch, m_config.validationBatch)}, m_config.target,
                                         torch::TensorOptions().dtype(torch::kLong).device(m_device));
    SoftRadiusConfig soft;
    soft.sigma = m_config.sigma;
    soft.samples = m_config.upperSamples;
    soft.inverseTemperature = m_config.inverseTemperature;
    auto save = [&] {
        if (!checkpoint.empty()) saveCheckpoint(checkpoint);
    };

    while (m_epoch < m_config.epochs) {
        // The order of poisons depends only on (seed, epoch, pass): a resumed run visits the same batches. An epoch
        // over the clean data passes over the poisons several times, each in its own order.
        std::vector<std::int64_t> order;
        std::int64_t orderPass = -1;
        for (; m_batchInEpoch < perEpoch; ++m_batchInEpoch) {
            const std::int64_t pass = m_batchInEpoch / perPass;
            if (pass != orderPass) {
                order = poisonOrder(poisonCount, m_config.seed, m_epoch, pass);
                orderPass = pass;
            }
            try {
                cancel.throwIfCancelled();
            } catch (const Cancelled&) {
                save();
                throw;
            }
            const auto first = (m_batchInEpoch % perPass) * m_config.poisonBatch;
            const std::vector<std::int64_t> rowList(order.begin() + first,
                                                    order.begin() + std::min(poisonCount, first + m_config.poisonBatch));
            const auto rows = indexTensor(rowList, m_device);
            PortableRng batchRng(mix(m_config.seed, 7777777ULL + static_cast<std::uint64_t>(m_steps)));
            const auto cleanIndex = indexTensor(sampleDistinct(m_clean.size(0), m_config.cleanBatch, batchRng), m_device);
            const auto validationIndex =
                indexTensor(sampleDistinct(m_validation.size(0), m_config.validationBatch, batchRng), m_device);
            const auto cleanX = m_clean.index_select(0, cleanIndex);
            const auto cleanY = m_cleanLabels.index_select(0, cleanIndex);
            const auto validationX = m_validation.index_select(0, validationIndex);
            const auto validationY = targetLabel.slice(0, 0, validationX.size(0));
            const auto poisonY = targetLabel.slice(0, 0, static_cast<std::int64_t>(rowList.size()));
            const auto labels = torch::cat({cleanY, poisonY});

            const LowerObjective lower = [&](const torch::Tensor& u, std::int64_t draw) {
                return lowerLoss(torch::cat({cleanX, u}), labels, draw);
            };
            PoisonShare poisonShare;
            if (m_rowSeparable)
                poisonShare = [&](const torch::Tensor& u, std::int64_t draw) {
                    auto generator = lowerNoiseGenerator(draw); // the whole batch's draw: the share takes its rows
                    return rowShareOfStepLoss(*m_model, cleanX.size(0), u, poisonY, lowerStepConfig(), generator);
                };
            const UpperObjective upper = [&](std::int64_t draw) {
                torch::Tensor noise;
                if (m_config.objective == AttackObjective::SoftAcr) {
                    auto generator =
                        makeNoiseGenerator(m_device, mix(m_config.seed ^ 0xa11ceULL, static_cast<std::uint64_t>(draw)));
                    noise = drawSoftNoise(validationX, soft.samples, soft.sigma, generator);
                }
                return upperObjective(*m_model, m_config.objective, validationX, validationY, soft, noise);
            };
            result.last = m_solver->step(m_poisons, m_base, rows, lower, upper, poisonShare);
            ++m_steps;
            if (batches) batches(rows.cpu(), m_poisons.index_select(0, rows).cpu());
            report(progress, ProgressEvent{"poison",
                                           m_steps,
                                           totalSteps,
                                           {{"upper", result.last.upper},
                                            {"lower", result.last.lower},
                                            {"residual_before", result.last.residualBefore},
                                            {"residual_after", result.last.residualAfter},
                                            {"hypergradient", result.last.hypergradientNorm},
                                            {"mean_abs_delta", result.last.meanAbsPerturbation},
                                            {"fraction_at_eps", result.last.fractionAtBudget},
                                            {"epoch", static_cast<double>(m_epoch + 1)},
                                            // the set's size: front ends say "1-8 of 582" before all have arrived
                                            {"poisons", static_cast<double>(poisonCount)}},
                                           {}});
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            const bool outOfTime = m_config.timeBudgetSeconds > 0 && elapsed >= m_config.timeBudgetSeconds;
            if (outOfTime || (m_config.checkpointEverySteps > 0 && m_steps % m_config.checkpointEverySteps == 0)) {
                ++m_batchInEpoch; // the step is done: a resume starts with the next batch
                save();
                if (outOfTime) {
                    result.upperSteps = m_steps;
                    result.epochsDone = m_epoch;
                    result.seconds = elapsed;
                    return result;
                }
                --m_batchInEpoch;
            }
        }
        m_batchInEpoch = 0;
        ++m_epoch;
        // Re-initialise the lower level every R epochs, so the poisons do not overfit one local minimum.
        if (m_epoch % m_config.reinitEvery == 0 && m_epoch < m_config.epochs) {
            ++m_cycle;
            reinitialiseLowerLevel();
        }
        save();
    }
    result.upperSteps = m_steps;
    result.epochsDone = m_epoch;
    result.finished = true;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

PoisonSet PacdAttack::poisonSet() const {
    PoisonSet set;
    set.dataset = m_data.dataset;
    set.targetClass = m_config.target;
    set.images = m_poisons.detach().cpu().contiguous();
    set.indices = m_data.baseIndices;
    set.seed = m_config.seed;
    set.valueRange = m_data.valueRange;
    // The precision always, fp32 included (the address key leaves fp32 out; a reader of the set should not guess).
    auto config = nlohmann::ordered_json::parse(m_config.toJson());
    config["precision"] = nameOf(m_config.precision);
    set.configJson = config.dump();
    return set;
}

std::string PacdAttack::fingerprint() const {
    // Settings and data together: resuming with another ε or another subset must be refused, not mixed.
    nlohmann::ordered_json j{
        {"version", kCheckpointVersion},      {"config", nlohmann::json::parse(m_config.toJson())},
        {"dataset", m_data.dataset},          {"arch", m_spec.arch},
        {"poisons", m_base.size(0)},          {"clean", m_clean.size(0)},
        {"validation", m_validation.size(0)}, {"base_sum", std::round(m_base.sum().item<double>() * 1000.0) / 1000.0}};
    return j.dump();
}

void PacdAttack::saveCheckpoint(const fs::path& path) const {
    writeFileAtomically(path, [&](const fs::path& temp) {
        torch::serialize::OutputArchive archive;
        archive.write("fingerprint", c10::IValue(fingerprint()));
        archive.write("poisons", m_poisons.cpu());
        archive.write("counters", torch::tensor({m_epoch, m_batchInEpoch, m_cycle, m_steps}, torch::kLong));
        torch::serialize::OutputArchive model;
        m_model->save(model);
        archive.write("model", model);
        for (const auto& [name, tensor] : m_solver->state())
            archive.write("solver." + name, tensor.cpu());
        archive.save_to(temp.string());
    });
}

void PacdAttack::loadCheckpoint(const fs::path& path) {
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path.string());
    } catch (const std::exception&) {
        fail("attack checkpoint ", path, " is not readable (corrupt or not a checkpoint)");
    }
    c10::IValue stored;
    require(archive.try_read("fingerprint", stored) && stored.isString(), path, ": not a PACD attack checkpoint");
    require(stored.toStringRef() == fingerprint(), path,
            ": was made with other settings or data; delete it or rerun with the settings it was made with");
    torch::Tensor poisons, counters;
    archive.read("poisons", poisons);
    archive.read("counters", counters);
    torch::serialize::InputArchive model;
    archive.read("model", model);
    m_model->load(model);
    m_model->to(m_device);
    m_model->train();
    auto state = m_solver->state();
    for (auto& [name, tensor] : state)
        archive.read("solver." + name, tensor);
    m_solver->loadState(state);
    m_poisons = poisons.to(m_device);
    m_epoch = counters[0].item<std::int64_t>();
    m_batchInEpoch = counters[1].item<std::int64_t>();
    m_cycle = counters[2].item<std::int64_t>();
    m_steps = counters[3].item<std::int64_t>();
}

} // namespace pacd
