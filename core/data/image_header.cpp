#include "data/image_header.h"

#include "support/error.h"

#include <cstring>

namespace pacd {
namespace {

std::uint32_t bigEndian16(const std::uint8_t* p) {
    return (std::uint32_t{p[0]} << 8) | p[1];
}
std::uint32_t bigEndian32(const std::uint8_t* p) {
    return (bigEndian16(p) << 16) | bigEndian16(p + 2);
}
std::uint32_t littleEndian16(const std::uint8_t* p) {
    return (std::uint32_t{p[1]} << 8) | p[0];
}
std::int32_t littleEndian32(const std::uint8_t* p) {
    const std::uint32_t value = (std::uint32_t{littleEndian16(p + 2)} << 16) | littleEndian16(p);
    std::int32_t out;
    std::memcpy(&out, &value, sizeof out);
    return out;
}

ImageHeader readPng(const std::uint8_t* bytes, std::size_t size, const std::string& source) {
    // Signature (8), then the IHDR chunk, which PNG requires first: length (4), "IHDR", width, height.
    require(size >= 24 && std::memcmp(bytes + 12, "IHDR", 4) == 0, "cannot read image ", source,
            ": a PNG without an IHDR header");
    return {"png", bigEndian32(bytes + 16), bigEndian32(bytes + 20)};
}

ImageHeader readBmp(const std::uint8_t* bytes, std::size_t size, const std::string& source) {
    // File header (14), then the info header whose own size says which layout follows: the 12-byte OS/2 core
    // header stores 16-bit sizes, every later one signed 32-bit sizes (a negative height means top-down rows).
    require(size >= 18, "cannot read image ", source, ": a BMP cut short before its info header");
    const auto infoSize = static_cast<std::uint32_t>(littleEndian32(bytes + 14));
    if (infoSize == 12) {
        require(size >= 22, "cannot read image ", source, ": a BMP cut short in its info header");
        return {"bmp", littleEndian16(bytes + 18), littleEndian16(bytes + 20)};
    }
    require(size >= 26, "cannot read image ", source, ": a BMP cut short in its info header");
    const std::int64_t width = littleEndian32(bytes + 18);
    const std::int64_t height = littleEndian32(bytes + 22);
    return {"bmp", width < 0 ? -width : width, height < 0 ? -height : height};
}

bool isJpegFrameMarker(std::uint8_t marker) {
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

ImageHeader readJpeg(const std::uint8_t* bytes, std::size_t size, const std::string& source) {
    // Walk the marker segments after SOI to the frame header; like libjpeg, skip bytes between segments that
    // are not a marker. Standalone markers (TEM, RST0-7) carry no length.
    std::size_t at = 2;
    while (true) {
        while (at < size && bytes[at] != 0xFF)
            ++at;
        while (at < size && bytes[at] == 0xFF)
            ++at; // fill bytes
        require(at < size, "cannot read image ", source, ": a JPEG without a frame header");
        const std::uint8_t marker = bytes[at++];
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue;
        require(marker != 0xD9 && marker != 0xDA, "cannot read image ", source,
                ": a JPEG whose scan starts before its frame header");
        require(at + 2 <= size, "cannot read image ", source, ": a JPEG cut short in a marker segment");
        const std::size_t length = bigEndian16(bytes + at);
        require(length >= 2, "cannot read image ", source, ": a JPEG with a malformed marker segment");
        if (isJpegFrameMarker(marker)) {
            // Length (2), sample precision (1), height (2), width (2).
            require(at + 7 <= size, "cannot read image ", source, ": a JPEG cut short in its frame header");
            return {"jpeg", bigEndian16(bytes + at + 5), bigEndian16(bytes + at + 3)};
        }
        at += length;
    }
}

} // namespace

ImageHeader readImageHeader(const std::uint8_t* bytes, std::size_t size, const std::string& source) {
    static const std::uint8_t pngSignature[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    ImageHeader header;
    if (size >= 8 && std::memcmp(bytes, pngSignature, 8) == 0)
        header = readPng(bytes, size, source);
    else if (size >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        header = readJpeg(bytes, size, source);
    else if (size >= 2 && bytes[0] == 'B' && bytes[1] == 'M')
        header = readBmp(bytes, size, source);
    else
        fail("cannot read image ", source, ": not a PNG, JPEG or BMP file (its first bytes match none of their signatures)");
    require(header.width > 0 && header.height > 0, "cannot read image ", source, ": it declares an empty size (", header.width,
            "x", header.height, ")");
    return header;
}

void requireImageWithinBounds(const ImageHeader& header, const std::string& source) {
    require(header.width <= kMaxImageSide && header.height <= kMaxImageSide && header.width * header.height <= kMaxImagePixels,
            "image ", source, " declares ", header.width, "x", header.height, " pixels; class-folder images may have at most ",
            kMaxImagePixels, " pixels and ", kMaxImageSide, " per side");
}

} // namespace pacd
