#include "data/image_folder.h"

#include "support/error.h"

namespace pacd {

bool imageFolderSupported() {
    return false;
}

Dataset loadImageFolder(const std::filesystem::path& root) {
    fail("cannot read image folder ", root, ": this build of pacd has no OpenCV (install libopencv-dev and rebuild)");
}

void writeImageFolder(const std::filesystem::path& root, const Dataset&) {
    fail("cannot write image folder ", root, ": this build of pacd has no OpenCV (install libopencv-dev and rebuild)");
}

} // namespace pacd
