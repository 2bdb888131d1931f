#include "models/mnist_cnn.h"

#include "support/error.h"

#include <torch/torch.h>

namespace pacd {

MnistCnnImpl::MnistCnnImpl(const ModelSpec& spec) : ClassifierImpl(spec) {
    const auto& shape = spec.inputShape;
    require(shape.size() == 3, "mnist-cnn needs [C, H, W] inputs");
    require(shape[1] >= 12 && shape[2] >= 12, "mnist-cnn needs inputs of at least 12x12, got ", shape[1], "x", shape[2]);
    require(spec.dropout >= 0.0 && spec.dropout < 1.0, "mnist-cnn: dropout must be in [0, 1), got ", spec.dropout);
    m_conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(shape[0], 20, 5)));
    m_conv2 = register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(20, 50, 5)));
    m_dropout = register_module("dropout", torch::nn::Dropout(spec.dropout));
    const auto h = ((shape[1] - 4) / 2 - 4) / 2, w = ((shape[2] - 4) / 2 - 4) / 2;
    m_fc1 = register_module("fc1", torch::nn::Linear(50 * h * w, 500));
    m_fc2 = register_module("fc2", torch::nn::Linear(500, spec.numClasses));
}

torch::Tensor MnistCnnImpl::body(const torch::Tensor& x) {
    return m_fc2->forward(penultimate(x));
}

torch::Tensor MnistCnnImpl::penultimate(const torch::Tensor& x) {
    auto h = torch::max_pool2d(torch::relu(m_conv1->forward(x)), 2);
    h = m_dropout->forward(torch::max_pool2d(torch::relu(m_conv2->forward(h)), 2));
    return torch::relu(m_fc1->forward(h.flatten(1)));
}

} // namespace pacd
