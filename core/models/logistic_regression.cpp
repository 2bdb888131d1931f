#include "models/logistic_regression.h"

#include <torch/torch.h>

#include <functional>
#include <numeric>

namespace pacd {

LogisticRegressionImpl::LogisticRegressionImpl(const ModelSpec& spec) : ClassifierImpl(spec) {
    const auto features = std::accumulate(spec.inputShape.begin(), spec.inputShape.end(), std::int64_t(1), std::multiplies<>());
    m_linear = register_module("linear", torch::nn::Linear(features, spec.numClasses));
}

torch::Tensor LogisticRegressionImpl::body(const torch::Tensor& x) {
    return m_linear->forward(penultimate(x));
}

// A linear model has no hidden layer: its "features" are its inputs.
torch::Tensor LogisticRegressionImpl::penultimate(const torch::Tensor& x) {
    return x.flatten(1);
}

} // namespace pacd
