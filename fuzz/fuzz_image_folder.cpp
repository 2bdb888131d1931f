// Class-folder image data sets: loadImageFolder. The input is split at a position given by its first byte into
// two image files of two classes, so that mixed sizes, channel counts and formats are explored.
#include "fuzz_input.h"

#include "data/image_folder.h"

#include <torch/torch.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const auto root = pacd::fuzz::scratchDir() / "folder";
    std::error_code ec;
    std::filesystem::remove_all(root, ec);
    const std::size_t rest = size - 1;
    const std::size_t split = rest * data[0] / 255;
    pacd::fuzz::writeBytes(root / "a" / "0.png", data + 1, split);
    if (rest > split) pacd::fuzz::writeBytes(root / "b" / "0.png", data + 1 + split, rest - split);
    pacd::fuzz::expectOnlyPacdErrors([&] {
        const auto dataset = pacd::loadImageFolder(root);
        dataset.validate();
    });
    return 0;
}
