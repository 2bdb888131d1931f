// The one file of ui/test_image that includes torch; it includes no Qt header.
#include "test_image/test_image_source.h"

#include "data/catalog.h"
#include "support/error.h"
#include "support/paths.h"

#include <torch/torch.h>

namespace pacd::ui {

TestImageData loadTestImage(const std::string& dataset, const std::string& dataDir, std::int64_t index) {
    const auto data = loadDatasetFile(dataset, "test", resolveDataDir(dataDir));
    if (index < 0 || index >= data.size())
        throw Error("test image " + std::to_string(index) + " is outside " + data.name + " (" + std::to_string(data.size()) +
                    " images): the run's certificates name another data set or a different test file");
    const auto image = data.images[index].to(torch::kFloat32).contiguous();
    TestImageData out;
    out.channels = static_cast<int>(image.size(0));
    out.height = static_cast<int>(image.size(1));
    out.width = static_cast<int>(image.size(2));
    out.pixels.assign(image.data_ptr<float>(), image.data_ptr<float>() + image.numel());
    out.label = data.labels[index].item<std::int64_t>();
    if (out.label >= 0 && out.label < data.numClasses()) out.className = data.classNames[static_cast<std::size_t>(out.label)];
    return out;
}

} // namespace pacd::ui
