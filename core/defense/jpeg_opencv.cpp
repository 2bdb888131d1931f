// The only translation unit of core/defense that sees OpenCV (as data/image_folder_opencv.cpp is for data/).
#include "defense/sanitizers.h"

#include "support/error.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <cstring>

namespace pacd {

bool jpegSupported() {
    return true;
}

torch::Tensor jpegReencode(const torch::Tensor& images, int quality) {
    require(images.dim() == 4 && (images.size(1) == 1 || images.size(1) == 3),
            "JPEG re-encoding: needs images [N, 1 or 3, H, W], got ", images.sizes());
    require(quality >= 1 && quality <= 100, "JPEG re-encoding: quality ", quality, " is outside [1, 100]");
    const auto channels = static_cast<int>(images.size(1));
    const auto height = static_cast<int>(images.size(2));
    const auto width = static_cast<int>(images.size(3));
    // HWC bytes; OpenCV's colour JPEG expects BGR.
    auto bytes = (images.to(torch::kFloat).clamp(0, 1) * 255).round().to(torch::kUInt8).permute({0, 2, 3, 1}).contiguous();
    if (channels == 3) bytes = bytes.flip(3).contiguous();
    auto out = torch::empty_like(bytes);
    const std::vector<int> parameters{cv::IMWRITE_JPEG_QUALITY, quality};
    for (std::int64_t i = 0; i < bytes.size(0); ++i) {
        const cv::Mat image(height, width, CV_8UC(channels), bytes[i].data_ptr<std::uint8_t>());
        std::vector<std::uint8_t> encoded;
        require(cv::imencode(".jpg", image, encoded, parameters), "JPEG re-encoding: OpenCV could not encode image ", i);
        const auto decoded = cv::imdecode(encoded, channels == 1 ? cv::IMREAD_GRAYSCALE : cv::IMREAD_COLOR);
        require(decoded.rows == height && decoded.cols == width && decoded.channels() == channels && decoded.isContinuous(),
                "JPEG re-encoding: image ", i, " decoded with another shape");
        std::memcpy(out[i].data_ptr<std::uint8_t>(), decoded.data, static_cast<std::size_t>(height) * width * channels);
    }
    if (channels == 3) out = out.flip(3);
    return out.permute({0, 3, 1, 2}).to(torch::kFloat).div(255).contiguous();
}

} // namespace pacd
