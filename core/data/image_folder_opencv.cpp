#include "data/image_folder.h"

#include "data/image_header.h"

#include "support/atomic_file.h"
#include "support/error.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace pacd {
namespace {

bool isImage(const fs::path& path) {
    auto ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp";
}

template <typename T> std::vector<T> sortedEntries(const fs::path& dir, bool wantDirectories) {
    std::vector<T> out;
    for (const auto& entry : fs::directory_iterator(dir))
        if (wantDirectories ? entry.is_directory() : (entry.is_regular_file() && isImage(entry.path())))
            out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Reads the header first and refuses oversized frames before OpenCV sees them: its decoders allocate the frame
// the header declares before reading a pixel (fuzz_image_folder: a 180-byte BMP asked for gigabytes), and
// imread would also decode any other format it knows behind a .png name.
cv::Mat decodeImage(const fs::path& file, int flags) {
    constexpr std::uintmax_t maxFileBytes = std::uintmax_t{256} << 20; // a 4096 x 4096 RGBA BMP is 64 MiB
    std::error_code ec;
    const auto fileBytes = fs::file_size(file, ec);
    require(!ec, "cannot read image ", file, " (", ec.message(), ")");
    require(fileBytes <= maxFileBytes, "image ", file, " is ", fileBytes, " bytes; class-folder images may be at most ",
            maxFileBytes, " bytes");
    const std::string bytes = readFile(file);
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    requireImageWithinBounds(readImageHeader(data, bytes.size(), file.string()), file.string());
    try {
        const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8UC1, const_cast<std::uint8_t*>(data));
        return cv::imdecode(buffer, flags);
    } catch (const cv::Exception& e) {
        // OpenCV checks some header fields outside its decoders' own error handling.
        fail("cannot read image ", file, " (", e.err.empty() ? e.what() : e.err, ")");
    }
}

} // namespace

bool imageFolderSupported() {
    return true;
}

Dataset loadImageFolder(const fs::path& root) {
    require(fs::is_directory(root), "image folder ", root, " does not exist or is not a directory");
    const auto classDirs = sortedEntries<fs::path>(root, true);
    require(!classDirs.empty(), "image folder ", root, " has no class sub-folders (expected root/<class>/<image>.png)");

    std::vector<torch::Tensor> images;
    std::vector<std::int64_t> labels;
    std::vector<std::string> classNames;
    int channels = 0, rows = 0, cols = 0;
    for (std::size_t label = 0; label < classDirs.size(); ++label) {
        const auto files = sortedEntries<fs::path>(classDirs[label], false);
        require(!files.empty(), "class folder ", classDirs[label], " is empty (no .png/.jpg/.jpeg/.bmp images)");
        classNames.push_back(classDirs[label].filename().string());
        for (const auto& file : files) {
            cv::Mat mat = decodeImage(file, channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_UNCHANGED);
            require(!mat.empty(), "cannot read image ", file, " (corrupt or unsupported format)");
            if (channels == 0) {
                channels = mat.channels() == 1 ? 1 : 3;
                rows = mat.rows;
                cols = mat.cols;
            }
            if (channels == 3) {
                if (mat.channels() == 1)
                    cv::cvtColor(mat, mat, cv::COLOR_GRAY2RGB);
                else if (mat.channels() == 4)
                    cv::cvtColor(mat, mat, cv::COLOR_BGRA2RGB);
                else
                    cv::cvtColor(mat, mat, cv::COLOR_BGR2RGB);
            }
            require(mat.rows == rows && mat.cols == cols, "image ", file, " is ", mat.cols, "x", mat.rows,
                    " but the data set's images are ", cols, "x", rows);
            require(mat.depth() == CV_8U, "image ", file, " is not 8-bit");
            // from_blob borrows OpenCV's buffer; clone() gives the tensor its own memory before `mat` dies.
            auto tensor = torch::from_blob(mat.data, {rows, cols, channels},
                                           {static_cast<std::int64_t>(mat.step[0]), channels, 1}, torch::kUInt8)
                              .permute({2, 0, 1})
                              .clone();
            images.push_back(tensor);
            labels.push_back(static_cast<std::int64_t>(label));
        }
    }
    auto stacked = torch::stack(images).to(torch::kFloat).div_(255.0f);
    return Dataset{"folder:" + root.filename().string(), stacked, torch::tensor(labels, torch::kLong), classNames};
}

void writeImageFolder(const fs::path& root, const Dataset& dataset) {
    require(dataset.images.dim() == 4 && (dataset.images.size(1) == 1 || dataset.images.size(1) == 3), "cannot write ",
            dataset.name, " as images: expected [N, 1|3, H, W], got ", dataset.images.sizes());
    const auto pixels = dataset.images.mul(255.0f).round_().clamp_(0, 255).to(torch::kUInt8).permute({0, 2, 3, 1}).contiguous();
    const int channels = static_cast<int>(pixels.size(3));
    for (std::int64_t i = 0; i < dataset.size(); ++i) {
        const auto label = dataset.labels[i].item<std::int64_t>();
        const auto dir = root / dataset.classNames.at(static_cast<std::size_t>(label));
        fs::create_directories(dir);
        auto image = pixels[i];
        cv::Mat mat(static_cast<int>(image.size(0)), static_cast<int>(image.size(1)), channels == 1 ? CV_8UC1 : CV_8UC3,
                    image.data_ptr());
        cv::Mat bgr;
        if (channels == 3)
            cv::cvtColor(mat, bgr, cv::COLOR_RGB2BGR);
        else
            bgr = mat;
        const auto target = dir / (std::to_string(i) + ".png");
        writeFileAtomically(target, [&](const fs::path& temp) {
            // imwrite picks the encoder from the extension, so the temporary name keeps ".png".
            const auto named = fs::path(temp.string() + ".png");
            require(cv::imwrite(named.string(), bgr), "cannot write image ", target);
            fs::rename(named, temp);
        });
    }
}

} // namespace pacd
