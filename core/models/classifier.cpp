#include "models/classifier.h"
#include "plan/vocabulary.h"

#include "models/logistic_regression.h"
#include "models/mnist_cnn.h"
#include "models/resnet_cifar.h"
#include "support/error.h"
#include "support/hash.h"

#include <torch/torch.h>

namespace pacd {

bool ModelSpec::operator==(const ModelSpec& o) const {
    return arch == o.arch && inputShape == o.inputShape && numClasses == o.numClasses && mean == o.mean && stddev == o.stddev &&
           dropout == o.dropout;
}

ClassifierImpl::ClassifierImpl(ModelSpec spec) : m_spec(std::move(spec)) {
    require(!m_spec.inputShape.empty(), "model ", m_spec.arch, ": input shape is empty");
    require(m_spec.numClasses >= 2, "model ", m_spec.arch, ": needs at least 2 classes, got ", m_spec.numClasses);
    require(m_spec.mean.size() == m_spec.stddev.size(), "model ", m_spec.arch, ": mean and stddev lengths differ");
    if (!m_spec.mean.empty()) {
        const auto channels = static_cast<std::int64_t>(m_spec.mean.size());
        require(m_spec.inputShape.size() == 3 && m_spec.inputShape[0] == channels, "model ", m_spec.arch, ": ", channels,
                " normalisation channels for input shape of ", m_spec.inputShape.size(), " dims");
        for (double s : m_spec.stddev)
            require(s > 0.0, "model ", m_spec.arch, ": normalisation stddev must be > 0");
        m_mean = register_buffer("norm_mean", torch::tensor(m_spec.mean, torch::kFloat).view({1, channels, 1, 1}));
        m_stddev = register_buffer("norm_stddev", torch::tensor(m_spec.stddev, torch::kFloat).view({1, channels, 1, 1}));
    }
}

torch::Tensor ClassifierImpl::forward(const torch::Tensor& pixels) {
    auto logits = m_mean.defined() ? body((pixels - m_mean) / m_stddev) : body(pixels);
    // Under bf16 autocast the last layer returns bf16: losses, soft-max and votes get fp32 logits (cheap: [N, classes]).
    const auto type = logits.scalar_type();
    return type == torch::kBFloat16 || type == torch::kHalf ? logits.to(torch::kFloat) : logits;
}

torch::Tensor ClassifierImpl::penultimate(const torch::Tensor&) {
    fail("model ", m_spec.arch, " does not expose its penultimate-layer features");
}

torch::Tensor ClassifierImpl::features(const torch::Tensor& pixels) {
    auto h = m_mean.defined() ? penultimate((pixels - m_mean) / m_stddev) : penultimate(pixels);
    return h.scalar_type() == torch::kFloat ? h : h.to(torch::kFloat);
}

const std::vector<std::string>& architectures() {
    static const std::vector<std::string> names = namesOf<Arch>();
    return names;
}

Classifier makeClassifier(const ModelSpec& spec) {
    if (spec.arch == "mnist-cnn") return std::make_shared<MnistCnnImpl>(spec);
    if (spec.arch == "logistic") return std::make_shared<LogisticRegressionImpl>(spec);
    for (int depth : {20, 56, 110})
        if (spec.arch == "resnet" + std::to_string(depth)) return std::make_shared<ResNetCifarImpl>(spec, depth);
    fail("unknown architecture '", spec.arch, "' (known: mnist-cnn, resnet20, resnet56, resnet110, logistic)");
}

ModelSpec defaultModelSpec(const std::string& arch, const std::string& dataset) {
    ModelSpec spec;
    spec.arch = arch;
    if (dataset == "mnist" || dataset == "fashion-mnist") {
        spec.inputShape = {1, 28, 28};
    } else if (dataset == "cifar10") {
        spec.inputShape = {3, 32, 32};
        // Cohen et al.'s CIFAR-10 statistics.
        spec.mean = {0.4914, 0.4822, 0.4465};
        spec.stddev = {0.2023, 0.1994, 0.2010};
    } else if (dataset == "toy-gaussians") {
        spec.inputShape = {2};
        spec.numClasses = 2;
    } else {
        fail("no default model settings for dataset '", dataset, "'");
    }
    return spec;
}

Classifier cloneClassifier(ClassifierImpl& model) {
    auto copy = makeClassifier(model.spec());
    torch::NoGradGuard noGrad;
    auto source = model.named_parameters(true);
    for (auto& item : copy->named_parameters(true))
        item.value().copy_(source[item.key()]);
    auto sourceBuffers = model.named_buffers(true);
    for (auto& item : copy->named_buffers(true))
        item.value().copy_(sourceBuffers[item.key()]);
    if (!model.parameters().empty()) copy->to(model.parameters().front().device());
    copy->train(model.is_training());
    return copy;
}

std::int64_t parameterCount(const torch::nn::Module& module) {
    std::int64_t count = 0;
    for (const auto& p : module.parameters())
        count += p.numel();
    return count;
}

std::string weightsHash(const torch::nn::Module& module) {
    Fnv1a64 hash;
    auto add = [&](const std::string& name, const torch::Tensor& value) {
        hash.add(name);
        const auto cpu = value.detach().to(torch::kCPU).contiguous();
        hash.add(cpu.data_ptr(), static_cast<std::size_t>(cpu.numel()) * cpu.element_size());
    };
    for (const auto& item : module.named_parameters(true))
        add(item.key(), item.value());
    for (const auto& item : module.named_buffers(true))
        add(item.key(), item.value());
    return hash.hex();
}

} // namespace pacd
