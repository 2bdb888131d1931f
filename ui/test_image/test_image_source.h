#pragma once
// One image of a data set's official test file, in plain types: test_image_source.cpp is the folder's one file
// that includes torch (the data set loaders), and it includes no Qt header.
#include <cstdint>
#include <string>
#include <vector>

namespace pacd::ui {

/// A test image as CHW floats in [0, 1].
struct TestImageData {
    std::vector<float> pixels;
    int channels = 0, height = 0, width = 0;
    std::int64_t label = -1;
    std::string className;
};

/// Image `index` of `dataset`'s test file ("mnist", "fashion-mnist", "cifar10") under `dataDir` ("" = the
/// default data directory). Throws pacd::Error naming the file or the index when it cannot.
TestImageData loadTestImage(const std::string& dataset, const std::string& dataDir, std::int64_t index);

} // namespace pacd::ui
