#include "experiment/spec.h"

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

const std::vector<std::string> kDatasets{"mnist", "fashion-mnist", "cifar10", "toy-gaussians"};
const std::vector<std::string> kScales{"demo", "paper"};
const std::vector<std::string> kDefenses{"ga", "macer", "smoothadv", "standard"};
const std::vector<std::string> kArchs{"mnist-cnn", "resnet20", "resnet56", "resnet110", "logistic"};
const std::vector<std::string> kModes{"class", "points"};
const std::vector<std::string> kSolvers{"approxgrad", "cg", "first-order"};

std::string joined(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
}

void requireOneOf(const std::string& field, const std::string& value, const std::vector<std::string>& allowed) {
    require(std::find(allowed.begin(), allowed.end(), value) != allowed.end(), "spec field '", field, "': '", value,
            "' is not one of ", joined(allowed));
}

void requireRange(const std::string& field, double value, double lo, double hi, const char* allowed) {
    require(std::isfinite(value) && value >= lo && value <= hi, "spec field '", field, "': ", value, " is outside ", allowed);
}

// Reads `key` into `target` if present, with the JSON type checked and named in the error.
template <typename T>
void read(const json& j, const char* key, T& target, const std::string& source) {
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

template <typename T>
void readOptional(const json& j, const char* key, std::optional<T>& target, const std::string& source) {
    const auto found = j.find(key);
    if (found == j.end() || found->is_null()) return;
    T value{};
    read(j, key, value, source);
    target = value;
}

const std::vector<std::string> kFields{"schema_version", "name", "dataset", "target", "scale", "poison_defense", "retrain_defense",
                                       "poison_arch", "retrain_arch", "sigma", "attack_sigma", "retrain_sigma", "certify_sigma",
                                       "epsilon", "subset", "attack_epochs", "hessian", "T1", "T2", "k", "clean_batch",
                                       "poison_batch", "val_batch", "mode", "target_points", "poison_count", "seeds",
                                       "train_epochs", "learning_rate", "weight_decay", "watermark", "measure_pgd", "n0", "n",
                                       "alpha", "points", "seed"};

} // namespace

void ExperimentSpec::applyDefaults() {
    const bool paper = scale == "paper";
    const bool cifar = dataset == "cifar10";
    const bool toy = dataset == "toy-gaussians";
    const bool pointsMode = mode == "points";
    if (poisonArch.empty()) poisonArch = toy ? "logistic" : cifar ? "resnet20" : "mnist-cnn";
    if (retrainArch.empty()) retrainArch = poisonArch;
    if (epsilon < 0) epsilon = pointsMode ? 0.06 : cifar ? 0.03 : 0.1;
    // The toy's 900 training points are its whole data: no subset, one minibatch holds every point.
    if (subset < 0) subset = paper || toy ? 0 : 6000;
    if (attackEpochs < 0) attackEpochs = toy ? 40 : paper ? 50 : 8;
    if (hessian.empty()) hessian = toy ? "cg" : paper ? "approxgrad" : "first-order";
    if (lowerSteps < 0) lowerSteps = poisonDefense == "smoothadv" ? 1 : 10;
    if (upperSamples < 0) upperSamples = paper ? (cifar ? 5 : 20) : 8;
    if (cleanBatch < 0) cleanBatch = toy ? 500 : paper ? (cifar ? 180 : 900) : 180;
    if (poisonBatch < 0) poisonBatch = toy ? 500 : paper ? (cifar ? 20 : 100) : 20;
    if (validationBatch < 0) validationBatch = paper ? (cifar ? 20 : 100) : 50;
    if (targetPoints < 0) targetPoints = paper ? 5 : 2;
    if (poisonCount < 0) poisonCount = paper ? 500 : 60;
    if (seeds < 0) seeds = paper ? 5 : 2;
    if (trainEpochs < 0) trainEpochs = toy ? 60 : paper ? 100 : 8;
    if (learningRate < 0) learningRate = toy ? 0.05 : 1e-3;
    if (n < 0) n = paper ? 100000 : 1000;
    if (points < 0) points = toy ? 200 : paper ? 500 : 100;
}

void ExperimentSpec::validate() const {
    requireOneOf("dataset", dataset, kDatasets);
    requireOneOf("scale", scale, kScales);
    requireOneOf("poison_defense", poisonDefense, kDefenses);
    requireOneOf("retrain_defense", retrainDefense, kDefenses);
    requireOneOf("poison_arch", poisonArch, kArchs);
    requireOneOf("retrain_arch", retrainArch, kArchs);
    requireOneOf("hessian", hessian, kSolvers);
    requireOneOf("mode", mode, kModes);
    const bool cifar = dataset == "cifar10";
    const bool toy = dataset == "toy-gaussians";
    const auto archFits = [&](const std::string& arch) {
        return toy ? arch == "logistic" : cifar ? arch.rfind("resnet", 0) == 0 : arch == "mnist-cnn";
    };
    require(archFits(poisonArch) && archFits(retrainArch), "spec fields 'poison_arch'/'retrain_arch': ",
            toy ? "the toy needs logistic" : cifar ? "CIFAR-10 needs a ResNet (resnet20, resnet56, resnet110)" : "MNIST-like data needs mnist-cnn");
    requireRange("target", static_cast<double>(target), 0, toy ? 1 : 9, toy ? "[0, 1] (the toy has two classes)" : "[0, 9]");
    require(!(toy && mode == "points"), "spec field 'mode': 'points' needs an image data set, not the toy");
    requireRange("sigma", sigma, 1e-6, 4, "(0, 4]");
    for (const auto& [field, value] : {std::pair<const char*, std::optional<double>>{"attack_sigma", attackSigma},
                                       {"retrain_sigma", retrainSigma}, {"certify_sigma", certifySigma}})
        if (value) requireRange(field, *value, 1e-6, 4, "(0, 4]");
    requireRange("epsilon", epsilon, 0, 1, "[0, 1]");
    requireRange("subset", static_cast<double>(subset), 0, 1e9, ">= 0 (0 = all)");
    requireRange("attack_epochs", static_cast<double>(attackEpochs), 1, 1e6, ">= 1");
    requireRange("T1", static_cast<double>(lowerSteps), 0, 1e6, ">= 0");
    requireRange("T2", static_cast<double>(linearSteps), 1, 1e6, ">= 1");
    requireRange("k", static_cast<double>(upperSamples), 1, 1e6, ">= 1");
    requireRange("clean_batch", static_cast<double>(cleanBatch), 0, 1e7, ">= 0");
    requireRange("poison_batch", static_cast<double>(poisonBatch), 1, 1e7, ">= 1");
    requireRange("val_batch", static_cast<double>(validationBatch), 1, 1e7, ">= 1");
    requireRange("target_points", static_cast<double>(targetPoints), 1, 1e4, "[1, 10000]");
    requireRange("poison_count", static_cast<double>(poisonCount), 1, 1e7, ">= 1");
    requireRange("learning_rate", learningRate, 1e-8, 10, "(0, 10]");
    requireRange("weight_decay", weightDecay, 0, 10, "[0, 10]");
    requireRange("seeds", static_cast<double>(seeds), 1, 1000, "[1, 1000]");
    requireRange("train_epochs", static_cast<double>(trainEpochs), 1, 1e6, ">= 1");
    requireRange("n0", static_cast<double>(n0), 1, 1e12, ">= 1");
    requireRange("n", static_cast<double>(n), 1, 1e12, ">= 1");
    require(alpha > 0 && alpha < 1, "spec field 'alpha': ", alpha, " is outside (0, 1)");
    requireRange("points", static_cast<double>(points), 1, 1e9, ">= 1");
}

std::string ExperimentSpec::toJson() const {
    nlohmann::ordered_json j{{"schema_version", kSchemaVersion},
                             {"name", name},
                             {"dataset", dataset},
                             {"target", target},
                             {"scale", scale},
                             {"poison_defense", poisonDefense},
                             {"retrain_defense", retrainDefense},
                             {"poison_arch", poisonArch},
                             {"retrain_arch", retrainArch},
                             {"sigma", sigma},
                             {"attack_sigma", attackSigma ? nlohmann::ordered_json(*attackSigma) : nlohmann::ordered_json(nullptr)},
                             {"retrain_sigma", retrainSigma ? nlohmann::ordered_json(*retrainSigma) : nlohmann::ordered_json(nullptr)},
                             {"certify_sigma", certifySigma ? nlohmann::ordered_json(*certifySigma) : nlohmann::ordered_json(nullptr)},
                             {"epsilon", epsilon},
                             {"subset", subset},
                             {"attack_epochs", attackEpochs},
                             {"hessian", hessian},
                             {"T1", lowerSteps},
                             {"T2", linearSteps},
                             {"k", upperSamples},
                             {"clean_batch", cleanBatch},
                             {"poison_batch", poisonBatch},
                             {"val_batch", validationBatch},
                             {"mode", mode},
                             {"target_points", targetPoints},
                             {"poison_count", poisonCount},
                             {"seeds", seeds},
                             {"train_epochs", trainEpochs},
                             {"learning_rate", learningRate},
                             {"weight_decay", weightDecay},
                             {"watermark", watermark},
                             {"measure_pgd", measurePgd},
                             {"n0", n0},
                             {"n", n},
                             {"alpha", alpha},
                             {"points", points},
                             {"seed", seed}};
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
    require(j.contains("schema_version"), source, ": spec field 'schema_version' is missing (this build reads version ", kSchemaVersion, ")");
    int version = 0;
    read(j, "schema_version", version, source);
    require(version == kSchemaVersion, source, ": spec field 'schema_version': ", version, " is not supported (this build reads ",
            kSchemaVersion, ")");
    // A typo must not silently fall back to a default: unknown fields are errors.
    for (const auto& item : j.items())
        require(std::find(kFields.begin(), kFields.end(), item.key()) != kFields.end(), source, ": unknown spec field '", item.key(),
                "' (known: ", joined(kFields), ")");
    ExperimentSpec spec;
    read(j, "name", spec.name, source);
    read(j, "dataset", spec.dataset, source);
    read(j, "target", spec.target, source);
    read(j, "scale", spec.scale, source);
    read(j, "poison_defense", spec.poisonDefense, source);
    read(j, "retrain_defense", spec.retrainDefense, source);
    read(j, "poison_arch", spec.poisonArch, source);
    read(j, "retrain_arch", spec.retrainArch, source);
    read(j, "sigma", spec.sigma, source);
    readOptional(j, "attack_sigma", spec.attackSigma, source);
    readOptional(j, "retrain_sigma", spec.retrainSigma, source);
    readOptional(j, "certify_sigma", spec.certifySigma, source);
    read(j, "epsilon", spec.epsilon, source);
    read(j, "subset", spec.subset, source);
    read(j, "attack_epochs", spec.attackEpochs, source);
    read(j, "hessian", spec.hessian, source);
    read(j, "T1", spec.lowerSteps, source);
    read(j, "T2", spec.linearSteps, source);
    read(j, "k", spec.upperSamples, source);
    read(j, "clean_batch", spec.cleanBatch, source);
    read(j, "poison_batch", spec.poisonBatch, source);
    read(j, "val_batch", spec.validationBatch, source);
    read(j, "mode", spec.mode, source);
    read(j, "target_points", spec.targetPoints, source);
    read(j, "poison_count", spec.poisonCount, source);
    read(j, "seeds", spec.seeds, source);
    read(j, "train_epochs", spec.trainEpochs, source);
    read(j, "learning_rate", spec.learningRate, source);
    read(j, "weight_decay", spec.weightDecay, source);
    read(j, "watermark", spec.watermark, source);
    read(j, "measure_pgd", spec.measurePgd, source);
    read(j, "n0", spec.n0, source);
    read(j, "n", spec.n, source);
    read(j, "alpha", spec.alpha, source);
    read(j, "points", spec.points, source);
    read(j, "seed", spec.seed, source);
    try {
        requireOneOf("scale", spec.scale, kScales); // the defaults depend on it
        requireOneOf("mode", spec.mode, kModes);
        spec.applyDefaults();
        spec.validate();
    } catch (const Error& e) {
        fail(source, ": ", e.what());
    }
    return spec;
}

} // namespace pacd
