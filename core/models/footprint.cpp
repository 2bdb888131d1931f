#include "models/footprint.h"

#include "support/error.h"

#include <algorithm>
#include <numeric>

namespace pacd {
namespace {

constexpr std::int64_t kFloat = 4;

std::int64_t product(const std::vector<std::int64_t>& shape) {
    return std::accumulate(shape.begin(), shape.end(), std::int64_t(1), std::multiplies<>());
}

// Mirrors mnist_cnn.cpp: conv 5x5 (20) - ReLU - pool 2 - conv 5x5 (50) - ReLU - pool 2 - fc 500 - ReLU - fc.
ModelFootprint mnistCnn(const ModelSpec& spec) {
    const auto c = spec.inputShape.at(0), h = spec.inputShape.at(1), w = spec.inputShape.at(2), k = spec.numClasses;
    const auto h1 = (h - 4) / 2, w1 = (w - 4) / 2, h2 = (h1 - 4) / 2, w2 = (w1 - 4) / 2;
    const auto conv1 = 20 * (h - 4) * (w - 4), pool1 = 20 * h1 * w1, conv2 = 50 * (h1 - 4) * (w1 - 4), pool2 = 50 * h2 * w2;
    ModelFootprint fp;
    fp.inputs = c * h * w;
    fp.parameters = (c * 25 * 20 + 20) + (20 * 25 * 50 + 50) + (pool2 * 500 + 500) + (500 * k + k);
    // normalised input, conv1 + ReLU, pool1, conv2 + ReLU, pool2, fc1 + ReLU, logits
    fp.activations = fp.inputs + 2 * conv1 + pool1 + 2 * conv2 + pool2 + 2 * 500 + k;
    fp.widestLayer = std::max({fp.inputs, conv1, conv2});
    return fp;
}

// Mirrors resnet_cifar.cpp: 3x3 stem (16) + BN + ReLU, three stages of (depth - 2) / 6 basic blocks of widths
// 16, 32, 64 (stride 2 into stages 2 and 3), option-A shortcuts (no parameters), global pool, fc.
ModelFootprint resnet(const ModelSpec& spec, std::int64_t depth) {
    const auto c = spec.inputShape.at(0), k = spec.numClasses;
    std::int64_t h = spec.inputShape.at(1), w = spec.inputShape.at(2);
    const auto perStage = (depth - 2) / 6;
    ModelFootprint fp;
    fp.inputs = c * h * w;
    fp.parameters = 9 * c * 16 + 2 * 16 + 64 * k + k;
    fp.activations = fp.inputs + 3 * 16 * h * w; // normalised input, stem conv + BN + ReLU
    fp.widestLayer = std::max(fp.inputs, 16 * h * w);
    std::int64_t channels = 16;
    for (const std::int64_t width : {16, 32, 64})
        for (std::int64_t b = 0; b < perStage; ++b) {
            if (b == 0 && width != 16) {
                h = (h - 1) / 2 + 1; // 3x3, padding 1, stride 2
                w = (w - 1) / 2 + 1;
            }
            const auto map = width * h * w;
            fp.parameters += 9 * channels * width + 2 * width + 9 * width * width + 2 * width;
            // conv1, BN, ReLU, conv2, BN, shortcut, sum, ReLU
            fp.activations += 8 * map;
            fp.widestLayer = std::max(fp.widestLayer, map);
            channels = width;
        }
    fp.activations += 64 + k;
    return fp;
}

} // namespace

ModelFootprint modelFootprint(const ModelSpec& spec) {
    require(!spec.inputShape.empty(), "model spec ", spec.arch, " has no input shape");
    if (spec.arch == "mnist-cnn") {
        require(spec.inputShape.size() == 3, "mnist-cnn needs [C, H, W] inputs");
        return mnistCnn(spec);
    }
    for (const std::int64_t depth : {20, 56, 110})
        if (spec.arch == "resnet" + std::to_string(depth)) {
            require(spec.inputShape.size() == 3, spec.arch, " needs [C, H, W] inputs");
            return resnet(spec, depth);
        }
    if (spec.arch == "logistic") {
        ModelFootprint fp;
        fp.inputs = product(spec.inputShape);
        fp.parameters = fp.inputs * spec.numClasses + spec.numClasses;
        fp.activations = fp.inputs + spec.numClasses;
        fp.widestLayer = std::max(fp.inputs, spec.numClasses);
        return fp;
    }
    fail("no memory footprint for architecture '", spec.arch, "'");
}

std::int64_t inferenceBytes(const ModelFootprint& model, std::int64_t rows) {
    return kFloat * (model.parameters + rows * (3 * model.inputs + 2 * model.widestLayer));
}

std::int64_t trainingBytes(const ModelFootprint& model, std::int64_t rows) {
    return kFloat * (4 * model.parameters + rows * (2 * model.inputs + 2 * model.activations));
}

std::int64_t attackBytes(const ModelFootprint& model, std::int64_t lowerRows, std::int64_t upperRows) {
    return kFloat * (8 * model.parameters + lowerRows * (2 * model.inputs + 3 * model.activations) +
                     upperRows * (2 * model.inputs + 2 * model.activations));
}

} // namespace pacd
