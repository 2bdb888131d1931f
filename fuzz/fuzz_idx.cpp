// IDX files (MNIST, Fashion-MNIST, exported poisoned sets), raw or gzip-compressed: readIdx.
#include "fuzz_input.h"

#include "data/idx.h"

#include <torch/torch.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto path = pacd::fuzz::scratchDir() / "input.idx";
    pacd::fuzz::writeBytes(path, data, size);
    pacd::fuzz::expectOnlyPacdErrors([&] {
        const auto array = pacd::readIdx(path);
        // What readIdx promises: the tensor holds exactly the declared dims.
        if (array.data.sizes().vec() != array.dims) std::abort();
    });
    return 0;
}
