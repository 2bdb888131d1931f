// Model checkpoints (a LibTorch archive with the pacd info record): loadCheckpoint. LibTorch's own archive
// reader is not instrumented; what is checked is that our loader turns every bad file into a pacd::Error.
#include "fuzz_input.h"

#include "models/checkpoint.h"

#include <torch/torch.h>

// PACD_FUZZ_WRITE_SEED=FILE fuzz_checkpoint: writes the seed (a logistic-regression checkpoint, a few KB) and exits.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (const char* seed = std::getenv("PACD_FUZZ_WRITE_SEED")) {
        torch::manual_seed(0);
        auto model = pacd::makeClassifier(pacd::defaultModelSpec("logistic", "toy-gaussians"));
        pacd::saveCheckpoint(seed, *model, pacd::CheckpointInfo{model->spec(), 0.25, "ga", "toy-gaussians", 1, 0});
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = pacd::fuzz::scratchDir() / "model.pt";
    pacd::fuzz::writeBytes(path, data, size);
    pacd::fuzz::expectOnlyPacdErrors([&] { pacd::loadCheckpoint(path); });
    return 0;
}
