#include "plan/spec.h"

#include "plan/experiment_plan.h"

#include "support/error.h"
#include "support/json_numbers.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>
#include <vector>

namespace pacd {
namespace {

using nlohmann::json;

// Reads `key` into `target` if present, with the JSON type checked and named in the error.
template <typename T> void read(const json& j, const char* key, T& target, const std::string& source) {
    const auto found = j.find(key);
    if (found == j.end()) return;
    // Integers through wholeNumber(): a float outside the integer's range would be undefined behaviour (found by
    // fuzz_spec under UBSan).
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        if (found->is_number()) {
            target = wholeNumber<T>(*found, source + ": spec field '" + key + "'");
            return;
        }
    }
    try {
        target = found->get<T>();
    } catch (const json::exception&) {
        fail(source, ": spec field '", key, "' has the wrong type (", found->type_name(), ")");
    }
}

template <typename T> void readOptional(const json& j, const char* key, std::optional<T>& target, const std::string& source) {
    const auto found = j.find(key);
    if (found == j.end() || found->is_null()) return;
    T value{};
    read(j, key, value, source);
    target = value;
}

// Fields whose default depends on the scale: unset when absent or null, and also when written as the sentinels
// that files of the first release used (a negative number, an empty name).
template <typename T> void readDefaulted(const json& j, const char* key, std::optional<T>& target, const std::string& source) {
    readOptional(j, key, target, source);
    if constexpr (std::is_same_v<T, std::string>) {
        if (target && target->empty()) target.reset();
    } else {
        if (target && *target < 0) target.reset();
    }
}

// A spec's JSON value of an optional field: the value, or null.
template <typename T> nlohmann::ordered_json orNull(const std::optional<T>& value) {
    return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values)
        out += (out.empty() ? "" : ", ") + v;
    return out;
}

const std::vector<std::string> kFields{"schema_version",
                                       "name",
                                       "dataset",
                                       "target",
                                       "scale",
                                       "poison_defense",
                                       "retrain_defense",
                                       "poison_arch",
                                       "retrain_arch",
                                       "sigma",
                                       "attack_sigma",
                                       "retrain_sigma",
                                       "certify_sigma",
                                       "epsilon",
                                       "subset",
                                       "attack_epochs",
                                       "hessian",
                                       "T1",
                                       "T2",
                                       "k",
                                       "clean_batch",
                                       "poison_batch",
                                       "val_batch",
                                       "mode",
                                       "target_points",
                                       "poison_count",
                                       "seeds",
                                       "train_epochs",
                                       "learning_rate",
                                       "weight_decay",
                                       "watermark",
                                       "measure_pgd",
                                       "n0",
                                       "n",
                                       "alpha",
                                       "points",
                                       "seed",
                                       "precision",
                                       "hvp",
                                       "objective",
                                       "beta",
                                       "rho",
                                       "poison_step",
                                       "poison_lr",
                                       "attack_epoch",
                                       "poison_fraction",
                                       "random_baseline",
                                       "sanitizer",
                                       "sanitizer_param",
                                       "detect",
                                       "filter"};

} // namespace

std::string ExperimentSpec::toJson() const {
    nlohmann::ordered_json j{{"schema_version", kSchemaVersion},
                             {"name", name},
                             {"dataset", dataset},
                             {"target", target},
                             {"scale", scale},
                             {"poison_defense", poisonDefense},
                             {"retrain_defense", retrainDefense},
                             {"poison_arch", orNull(poisonArch)},
                             {"retrain_arch", orNull(retrainArch)},
                             {"sigma", sigma},
                             {"attack_sigma", orNull(attackSigma)},
                             {"retrain_sigma", orNull(retrainSigma)},
                             {"certify_sigma", orNull(certifySigma)},
                             {"epsilon", orNull(epsilon)},
                             {"subset", orNull(subset)},
                             {"attack_epochs", orNull(attackEpochs)},
                             {"hessian", orNull(hessian)},
                             {"T1", orNull(lowerSteps)},
                             {"T2", linearSteps},
                             {"k", orNull(upperSamples)},
                             {"clean_batch", orNull(cleanBatch)},
                             {"poison_batch", orNull(poisonBatch)},
                             {"val_batch", orNull(validationBatch)},
                             {"mode", mode},
                             {"target_points", orNull(targetPoints)},
                             {"poison_count", orNull(poisonCount)},
                             {"seeds", orNull(seeds)},
                             {"train_epochs", orNull(trainEpochs)},
                             {"learning_rate", orNull(learningRate)},
                             {"weight_decay", weightDecay},
                             {"watermark", watermark},
                             {"measure_pgd", measurePgd},
                             {"n0", n0},
                             {"n", orNull(n)},
                             {"alpha", alpha},
                             {"points", orNull(points)},
                             {"seed", seed},
                             {"precision", orNull(precision)}};
    // Only when not the default, so that specs written before the setting existed keep their hash (and folder).
    if (hvp && *hvp != "autograd") j["hvp"] = *hvp;
    if (objective && *objective != "soft-acr") j["objective"] = *objective;
    if (beta && *beta != 1e-3) j["beta"] = *beta;
    if (rho && *rho != 1e-3) j["rho"] = *rho;
    if (poisonStep && *poisonStep != "adam") j["poison_step"] = *poisonStep;
    if (poisonLearningRate && *poisonLearningRate != 0.1) j["poison_lr"] = *poisonLearningRate;
    if (attackEpoch && *attackEpoch != "poisons") j["attack_epoch"] = *attackEpoch;
    if (poisonFraction && *poisonFraction != 1.0) j["poison_fraction"] = *poisonFraction;
    if (randomBaseline) j["random_baseline"] = true;
    if (sanitizer && *sanitizer != "none") {
        j["sanitizer"] = *sanitizer;
        j["sanitizer_param"] = orNull(sanitizerParam);
    }
    if (detect) j["detect"] = true;
    if (filter && *filter != "none") j["filter"] = *filter;
    return j.dump(2);
}

ExperimentSpec ExperimentSpec::fromJson(const std::string& text, const std::string& source) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {
        std::string what = e.what();
        fail(source, ": not valid JSON (", what.substr(what.find(']') + 2), ")");
    }
    require(j.is_object(), source, ": a spec is a JSON object");
    require(j.contains("schema_version"), source, ": spec field 'schema_version' is missing (this build reads version ",
            kSchemaVersion, ")");
    int version = 0;
    read(j, "schema_version", version, source);
    require(version == kSchemaVersion, source, ": spec field 'schema_version': ", version, " is not supported (this build reads ",
            kSchemaVersion, ")");
    // A typo must not silently fall back to a default: unknown fields are errors.
    for (const auto& item : j.items())
        require(std::find(kFields.begin(), kFields.end(), item.key()) != kFields.end(), source, ": unknown spec field '",
                item.key(), "' (known: ", joined(kFields), ")");
    ExperimentSpec spec;
    read(j, "name", spec.name, source);
    read(j, "dataset", spec.dataset, source);
    read(j, "target", spec.target, source);
    read(j, "scale", spec.scale, source);
    read(j, "poison_defense", spec.poisonDefense, source);
    read(j, "retrain_defense", spec.retrainDefense, source);
    readDefaulted(j, "poison_arch", spec.poisonArch, source);
    readDefaulted(j, "retrain_arch", spec.retrainArch, source);
    read(j, "sigma", spec.sigma, source);
    readOptional(j, "attack_sigma", spec.attackSigma, source);
    readOptional(j, "retrain_sigma", spec.retrainSigma, source);
    readOptional(j, "certify_sigma", spec.certifySigma, source);
    readDefaulted(j, "epsilon", spec.epsilon, source);
    readDefaulted(j, "subset", spec.subset, source);
    readDefaulted(j, "attack_epochs", spec.attackEpochs, source);
    readDefaulted(j, "hessian", spec.hessian, source);
    readDefaulted(j, "T1", spec.lowerSteps, source);
    read(j, "T2", spec.linearSteps, source);
    readDefaulted(j, "k", spec.upperSamples, source);
    readDefaulted(j, "clean_batch", spec.cleanBatch, source);
    readDefaulted(j, "poison_batch", spec.poisonBatch, source);
    readDefaulted(j, "val_batch", spec.validationBatch, source);
    read(j, "mode", spec.mode, source);
    readDefaulted(j, "target_points", spec.targetPoints, source);
    readDefaulted(j, "poison_count", spec.poisonCount, source);
    readDefaulted(j, "seeds", spec.seeds, source);
    readDefaulted(j, "train_epochs", spec.trainEpochs, source);
    readDefaulted(j, "learning_rate", spec.learningRate, source);
    read(j, "weight_decay", spec.weightDecay, source);
    read(j, "watermark", spec.watermark, source);
    read(j, "measure_pgd", spec.measurePgd, source);
    read(j, "n0", spec.n0, source);
    readDefaulted(j, "n", spec.n, source);
    read(j, "alpha", spec.alpha, source);
    readDefaulted(j, "points", spec.points, source);
    read(j, "seed", spec.seed, source);
    readDefaulted(j, "precision", spec.precision, source);
    readDefaulted(j, "hvp", spec.hvp, source);
    readDefaulted(j, "objective", spec.objective, source);
    readDefaulted(j, "beta", spec.beta, source);
    readDefaulted(j, "rho", spec.rho, source);
    readDefaulted(j, "poison_step", spec.poisonStep, source);
    readDefaulted(j, "poison_lr", spec.poisonLearningRate, source);
    readDefaulted(j, "attack_epoch", spec.attackEpoch, source);
    readDefaulted(j, "poison_fraction", spec.poisonFraction, source);
    read(j, "random_baseline", spec.randomBaseline, source);
    readDefaulted(j, "sanitizer", spec.sanitizer, source);
    readDefaulted(j, "sanitizer_param", spec.sanitizerParam, source);
    read(j, "detect", spec.detect, source);
    readDefaulted(j, "filter", spec.filter, source);
    try {
        PlanOptions checkOnly; // every name and range checked where the defaults are known
        checkOnly.planStages = false;
        (void)resolve(spec, checkOnly);
    } catch (const Error& e) {
        fail(source, ": ", e.what());
    }
    return spec;
}

} // namespace pacd
