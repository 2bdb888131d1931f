#include "models/layout.h"

#include <torch/torch.h>

namespace pacd {

bool usesChannelsLast(const torch::nn::Module& model) {
    // A weight with one input channel (or 1x1 kernels) is both layouts at once: the first that is not decides.
    for (const auto& p : model.parameters()) {
        if (p.dim() != 4) continue;
        const bool nchw = p.is_contiguous(), nhwc = p.is_contiguous(torch::MemoryFormat::ChannelsLast);
        if (nchw != nhwc) return nhwc;
    }
    return false;
}

void setChannelsLast(torch::nn::Module& model, bool on) {
    torch::NoGradGuard noGrad;
    const auto format = on ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    for (auto& p : model.parameters())
        if (p.dim() == 4) p.set_data(p.contiguous(format));
    for (auto& b : model.buffers())
        if (b.dim() == 4) b.set_data(b.contiguous(format));
}

} // namespace pacd
