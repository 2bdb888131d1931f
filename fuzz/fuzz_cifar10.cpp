// CIFAR-10 binary batches: readCifar10Batch.
#include "fuzz_input.h"

#include "data/cifar10.h"

#include <torch/torch.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = pacd::fuzz::scratchDir() / "data_batch.bin";
    pacd::fuzz::writeBytes(path, data, size);
    pacd::fuzz::expectOnlyPacdErrors([&] {
        const auto batch = pacd::readCifar10Batch(path);
        batch.validate();
    });
    return 0;
}
