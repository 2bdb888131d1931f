#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace pacd {

/// What an image file's header declares, read without decoding a pixel.
struct ImageHeader {
    std::string format; ///< "png", "jpeg" or "bmp"
    std::int64_t width = 0;
    std::int64_t height = 0;
};

/// The largest image a class-folder data set may hold: 16,777,216 pixels (4096 x 4096) and 65,536 per side.
/// Decoders allocate the whole frame from the declared size before reading any pixel, so a 100-byte file can
/// ask for gigabytes; the bound is far above any image these models train on (28 x 28 to 224 x 224).
inline constexpr std::int64_t kMaxImagePixels = std::int64_t{1} << 24;
inline constexpr std::int64_t kMaxImageSide = std::int64_t{1} << 16;

/// Reads the format and declared size of a PNG, JPEG or BMP image from its first bytes (the formats
/// loadImageFolder accepts, recognised by the same signatures the decoder uses). Throws pacd::Error naming
/// `source` when the bytes are none of them, the header is cut short, or the size is zero.
ImageHeader readImageHeader(const std::uint8_t* bytes, std::size_t size, const std::string& source);

/// Throws pacd::Error naming `source` unless the declared size is within kMaxImageSide and kMaxImagePixels.
void requireImageWithinBounds(const ImageHeader& header, const std::string& source);

} // namespace pacd
