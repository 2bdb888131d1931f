#pragma once
#include "models/classifier.h"

#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>

namespace pacd {

/// He et al.'s CIFAR ResNet v1 (2016, sec. 4.2): 3x3 conv to 16 channels, three stages of n basic blocks
/// (16, 32, 64 channels; stride 2 entering stages 2 and 3), global average pooling, FC. depth = 6n + 2:
/// ResNet-20 (0.27 M parameters), 56, 110. Shortcuts are parameter-free (option A: subsample, zero-pad channels).
class ResNetCifarImpl : public ClassifierImpl {
  public:
    ResNetCifarImpl(const ModelSpec& spec, int depth);

  protected:
    torch::Tensor body(const torch::Tensor& x) override;
    torch::Tensor penultimate(const torch::Tensor& x) override;

  private:
    torch::nn::Conv2d m_stem{nullptr};
    torch::nn::BatchNorm2d m_stemBn{nullptr};
    torch::nn::Sequential m_blocks{nullptr};
    torch::nn::Linear m_fc{nullptr};
};

} // namespace pacd
