// Poison sets: readPoisonSet (a JSON manifest and the float32 IDX images beside it). The input's first two
// bytes give the manifest's length; the manifest is followed by the images file.
#include "fuzz_input.h"

#include "data/poison_set.h"

#include <torch/torch.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::size_t manifestLength = std::min<std::size_t>(size - 2, (std::size_t(data[0]) << 8) | data[1]);
    const auto dir = pacd::fuzz::scratchDir();
    pacd::fuzz::writeBytes(dir / "p.json", data + 2, manifestLength);
    pacd::fuzz::writeBytes(dir / "p.images.idx", data + 2 + manifestLength, size - 2 - manifestLength);
    pacd::fuzz::expectOnlyPacdErrors([&] { pacd::readPoisonSet(dir / "p.json"); });
    return 0;
}
