#include "models/resnet_cifar.h"

#include "support/error.h"

#include <torch/torch.h>

namespace pacd {
namespace {

torch::nn::Conv2d conv3x3(std::int64_t in, std::int64_t out, std::int64_t stride) {
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false));
}

class BasicBlockImpl : public torch::nn::Module {
  public:
    BasicBlockImpl(std::int64_t in, std::int64_t out, std::int64_t stride) : m_stride(stride), m_extraChannels(out - in) {
        m_conv1 = register_module("conv1", conv3x3(in, out, stride));
        m_bn1 = register_module("bn1", torch::nn::BatchNorm2d(out));
        m_conv2 = register_module("conv2", conv3x3(out, out, 1));
        m_bn2 = register_module("bn2", torch::nn::BatchNorm2d(out));
    }

    torch::Tensor forward(const torch::Tensor& x) {
        auto h = torch::relu(m_bn1->forward(m_conv1->forward(x)));
        h = m_bn2->forward(m_conv2->forward(h));
        return torch::relu(h + shortcut(x));
    }

  private:
    // Option A: identity, or stride-2 subsampling with the new channels zero-filled; adds no parameters.
    torch::Tensor shortcut(const torch::Tensor& x) const {
        if (m_stride == 1 && m_extraChannels == 0) return x;
        auto sub = x.index({torch::indexing::Slice(), torch::indexing::Slice(),
                            torch::indexing::Slice(torch::indexing::None, torch::indexing::None, m_stride),
                            torch::indexing::Slice(torch::indexing::None, torch::indexing::None, m_stride)});
        const auto half = m_extraChannels / 2;
        return torch::constant_pad_nd(sub, {0, 0, 0, 0, half, m_extraChannels - half}, 0);
    }

    std::int64_t m_stride, m_extraChannels;
    torch::nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr};
    torch::nn::BatchNorm2d m_bn1{nullptr}, m_bn2{nullptr};
};
TORCH_MODULE(BasicBlock);

} // namespace

ResNetCifarImpl::ResNetCifarImpl(const ModelSpec& spec, int depth) : ClassifierImpl(spec) {
    require((depth - 2) % 6 == 0 && depth >= 8, "resnet depth must be 6n + 2 (20, 56, 110), got ", depth);
    require(spec.inputShape.size() == 3, "resnet", depth, " needs [C, H, W] inputs");
    const int perStage = (depth - 2) / 6;
    m_stem = register_module("conv1", conv3x3(spec.inputShape[0], 16, 1));
    m_stemBn = register_module("bn1", torch::nn::BatchNorm2d(16));
    m_blocks = torch::nn::Sequential();
    std::int64_t channels = 16;
    for (std::int64_t width : {16, 32, 64})
        for (int b = 0; b < perStage; ++b) {
            const std::int64_t stride = (b == 0 && width != 16) ? 2 : 1;
            m_blocks->push_back(BasicBlock(channels, width, stride));
            channels = width;
        }
    m_blocks = register_module("blocks", m_blocks);
    m_fc = register_module("fc", torch::nn::Linear(64, spec.numClasses));
    // He initialisation, as in the paper that introduced these networks.
    for (auto& module : modules(false)) {
        if (auto* conv = module->as<torch::nn::Conv2d>())
            torch::nn::init::kaiming_normal_(conv->weight, 0, torch::kFanOut, torch::kReLU);
        if (auto* linear = module->as<torch::nn::Linear>()) torch::nn::init::kaiming_normal_(linear->weight);
    }
}

torch::Tensor ResNetCifarImpl::body(const torch::Tensor& x) {
    return m_fc->forward(penultimate(x));
}

torch::Tensor ResNetCifarImpl::penultimate(const torch::Tensor& x) {
    auto h = torch::relu(m_stemBn->forward(m_stem->forward(x)));
    h = m_blocks->forward(h);
    return torch::adaptive_avg_pool2d(h, {1, 1}).flatten(1);
}

} // namespace pacd
