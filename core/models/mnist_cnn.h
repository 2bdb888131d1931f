#pragma once
#include "models/classifier.h"

#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>

namespace pacd {

/// The paper's MNIST network (App. E.2): conv 5x5/20, ReLU, max-pool 2; conv 5x5/50, ReLU, max-pool 2, dropout;
/// FC 500, ReLU; FC classes. 431,080 parameters for 28x28 inputs and 10 classes.
class MnistCnnImpl : public ClassifierImpl {
  public:
    explicit MnistCnnImpl(const ModelSpec& spec);

  protected:
    torch::Tensor body(const torch::Tensor& x) override;
    torch::Tensor penultimate(const torch::Tensor& x) override;

  private:
    torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr};
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_fc1{nullptr}, m_fc2{nullptr};
};

} // namespace pacd
