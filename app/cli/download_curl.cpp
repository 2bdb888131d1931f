#include "download.h"

#include "support/error.h"

#include <curl/curl.h>

#include <cstdio>
#include <memory>

namespace pacd::cli {
namespace {

struct Transfer {
    std::FILE* file = nullptr;
    const ProgressSink* progress = nullptr;
};

size_t writeChunk(char* data, size_t size, size_t count, void* user) {
    return std::fwrite(data, size, count, static_cast<Transfer*>(user)->file) * size;
}

int onProgress(void* user, curl_off_t total, curl_off_t done, curl_off_t, curl_off_t) {
    const auto* transfer = static_cast<Transfer*>(user);
    report(*transfer->progress, ProgressEvent{"download", done, total, {{"MB", done / 1e6}}, {}});
    return 0;
}

} // namespace

bool downloadSupported() {
    return true;
}

void downloadFile(const std::string& url, const std::filesystem::path& target, const ProgressSink& progress) {
    std::filesystem::create_directories(target.parent_path());
    const auto partial = std::filesystem::path(target.string() + ".part");
    Transfer transfer{std::fopen(partial.c_str(), "wb"), &progress};
    require(transfer.file != nullptr, "cannot write ", partial);
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    require(curl != nullptr, "cannot initialise libcurl");
    char errorText[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_FAILONERROR, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 20L);
    curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, writeChunk);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl.get(), CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl.get(), CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl.get(), CURLOPT_XFERINFODATA, &transfer);
    const CURLcode code = curl_easy_perform(curl.get());
    const bool closed = std::fclose(transfer.file) == 0;
    if (code != CURLE_OK) {
        std::filesystem::remove(partial);
        fail("cannot download ", url, ": ", errorText[0] ? errorText : curl_easy_strerror(code));
    }
    require(closed, "cannot finish writing ", partial);
    std::filesystem::rename(partial, target);
}

} // namespace pacd::cli
