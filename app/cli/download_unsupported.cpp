#include "download.h"

#include "support/error.h"

namespace pacd::cli {

bool downloadSupported() {
    return false;
}

void downloadFile(const std::string& url, const std::filesystem::path& target, const ProgressSink&) {
    fail("this pacd-cli was built without libcurl, so it cannot download ", url, "; download it elsewhere and place it at ",
         target);
}

} // namespace pacd::cli
