#include "defense/sanitizers.h"

#include "support/error.h"

namespace pacd {

bool jpegSupported() {
    return false;
}

torch::Tensor jpegReencode(const torch::Tensor&, int) {
    fail("the jpeg sanitizer needs OpenCV, which this build of pacd lacks (install libopencv-dev and rebuild, or choose "
         "another sanitizer)");
}

} // namespace pacd
