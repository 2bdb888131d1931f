#include "training/train_config.h"

#include "support/error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace pacd {
namespace {

bool finitePositive(double value) {
    return std::isfinite(value) && value > 0.0;
}

} // namespace

const std::vector<std::string>& methodNames() {
    static const std::vector<std::string> names = namesOf<TrainMethod>();
    return names;
}

std::string methodName(TrainMethod method) {
    return nameOf(method);
}

TrainMethod parseMethod(const std::string& name) {
    return parseName<TrainMethod>(name);
}

MacerConfig MacerConfig::paperRetraining(const std::string& dataset, double sigma) {
    MacerConfig config;
    // App. E.3: λ=16 on MNIST; on CIFAR-10 λ=12 at σ=0.25 and 4 at σ=0.5 (MACER's own CIFAR-10 values).
    if (dataset == "cifar10") config.lambda = sigma < 0.375 ? 12.0 : 4.0;
    config.warmupEpochs = 1;
    return config;
}

MacerConfig MacerConfig::paperPoisoning() {
    MacerConfig config;
    config.samples = 2;
    config.lambda = 1.0;
    return config;
}

void MacerConfig::validate() const {
    require(samples >= 1, "MACER setting 'samples' (k) must be >= 1, got ", samples);
    require(std::isfinite(lambda) && lambda >= 0.0, "MACER setting 'lambda' must be >= 0, got ", lambda);
    require(finitePositive(gamma), "MACER setting 'gamma' must be > 0, got ", gamma);
    require(finitePositive(inverseTemperature), "MACER setting 'inverseTemperature' must be > 0, got ", inverseTemperature);
}

SmoothAdvConfig SmoothAdvConfig::paper() {
    return {};
}

SmoothAdvConfig SmoothAdvConfig::originalDefaults() {
    SmoothAdvConfig config;
    config.epsilon = 64.0 / 256.0;
    config.steps = 10;
    config.samples = 1;
    config.warmupEpochs = 1;
    return config;
}

double SmoothAdvConfig::epsilonAt(std::int64_t epoch) const {
    const double ramp = static_cast<double>(epoch + 1) / static_cast<double>(std::max<std::int64_t>(warmupEpochs, 1));
    return epsilon * std::min(1.0, ramp);
}

void SmoothAdvConfig::validate() const {
    require(std::isfinite(epsilon) && epsilon >= 0.0, "SmoothAdv setting 'epsilon' must be >= 0, got ", epsilon);
    require(steps >= 1, "SmoothAdv setting 'steps' must be >= 1, got ", steps);
    require(samples >= 1, "SmoothAdv setting 'samples' (m) must be >= 1, got ", samples);
    require(warmupEpochs >= 1, "SmoothAdv setting 'warmupEpochs' must be >= 1 (1 = no warm-up), got ", warmupEpochs);
}

TrainConfig TrainConfig::paper(TrainMethod method, const std::string& dataset, double sigma) {
    TrainConfig config;
    config.method = method;
    config.sigma = sigma;
    config.macer = MacerConfig::paperRetraining(dataset, sigma);
    config.smoothAdv = SmoothAdvConfig::paper();
    return config;
}

void TrainConfig::validate() const {
    if (method != TrainMethod::Standard)
        require(finitePositive(sigma), "training setting 'sigma' must be > 0 for method ", methodName(method), ", got ", sigma);
    else
        require(std::isfinite(sigma) && sigma >= 0.0, "training setting 'sigma' must be >= 0, got ", sigma);
    require(epochs >= 1, "training setting 'epochs' must be >= 1, got ", epochs);
    require(batchSize >= 1, "training setting 'batchSize' must be >= 1, got ", batchSize);
    require(finitePositive(learningRate), "training setting 'learningRate' must be > 0, got ", learningRate);
    require(std::isfinite(momentum) && momentum >= 0.0 && momentum < 1.0, "training setting 'momentum' must lie in [0, 1), got ",
            momentum);
    require(lrStepEpochs >= 0, "training setting 'lrStepEpochs' must be >= 0 (0 = constant rate), got ", lrStepEpochs);
    require(finitePositive(lrGamma) && lrGamma <= 1.0, "training setting 'lrGamma' must lie in (0, 1], got ", lrGamma);
    require(std::isfinite(weightDecay) && weightDecay >= 0.0, "training setting 'weightDecay' must be >= 0, got ", weightDecay);
    require(std::isfinite(progressIntervalSeconds) && progressIntervalSeconds >= 0.0,
            "training setting 'progressIntervalSeconds' must be >= 0, got ", progressIntervalSeconds);
    require(monitorSamples >= 1, "training setting 'monitorSamples' must be >= 1, got ", monitorSamples);
    require(!resume || !checkpoint.empty(), "training setting 'resume' needs a checkpoint path");
    if (method == TrainMethod::Macer) macer.validate();
    if (method == TrainMethod::SmoothAdv) smoothAdv.validate();
}

bool TrainConfig::augments(const std::vector<std::int64_t>& imageShape) const {
    return cropFlipApplies(augmentation, method, imageShape);
}

bool cropFlipApplies(Augmentation augmentation, TrainMethod method, const std::vector<std::int64_t>& imageShape) {
    switch (augmentation) {
    case Augmentation::Off:
        return false;
    case Augmentation::CropFlip:
        return true;
    case Augmentation::Auto:
        break;
    }
    // The paper augments CIFAR-10 for every method except SmoothAdv (App. E.2).
    const bool cifarShaped = imageShape == std::vector<std::int64_t>{3, 32, 32};
    return cifarShaped && method != TrainMethod::SmoothAdv;
}

double TrainConfig::learningRateAt(std::int64_t epoch) const {
    if (lrStepEpochs == 0) return learningRate;
    return learningRate * std::pow(lrGamma, static_cast<double>(epoch / lrStepEpochs));
}

std::string TrainConfig::toJson() const {
    static const char* optimizers[] = {"adam", "sgd"};
    static const char* augmentations[] = {"auto", "off", "crop-flip"};
    nlohmann::ordered_json j{{"method", methodName(method)},
                             {"sigma", sigma},
                             {"epochs", epochs},
                             {"batch_size", batchSize},
                             {"optimizer", optimizers[static_cast<int>(optimizer)]},
                             {"learning_rate", learningRate},
                             {"momentum", momentum},
                             {"lr_step_epochs", lrStepEpochs},
                             {"lr_gamma", lrGamma},
                             {"weight_decay", weightDecay},
                             {"augmentation", augmentations[static_cast<int>(augmentation)]},
                             {"seed", seed}};
    // Only when not fp32, so that fp32 victims keep the addresses they had before precision existed.
    if (precision != Precision::Fp32) j["precision"] = nameOf(precision);
    if (method == TrainMethod::Macer)
        j["macer"] = {{"samples", macer.samples},
                      {"lambda", macer.lambda},
                      {"gamma", macer.gamma},
                      {"inverse_temperature", macer.inverseTemperature},
                      {"warmup_epochs", macer.warmupEpochs}};
    if (method == TrainMethod::SmoothAdv)
        j["smoothadv"] = {{"epsilon", smoothAdv.epsilon},
                          {"steps", smoothAdv.steps},
                          {"samples", smoothAdv.samples},
                          {"warmup_epochs", smoothAdv.warmupEpochs}};
    return j.dump();
}

} // namespace pacd
