#include "data/idx.h"

#include "support/atomic_file.h"
#include "support/error.h"

#include <torch/torch.h>
#include <zlib.h>

#include <cstring>
#include <memory>
#include <vector>

namespace fs = std::filesystem;

namespace pacd {
namespace {

constexpr unsigned char kTypeUint8 = 0x08;
constexpr unsigned char kTypeFloat32 = 0x0D;
// Refuse absurd headers before allocating: the largest real IDX data sets are a few GB.
constexpr std::int64_t kMaxElements = std::int64_t(1) << 34;

struct GzCloser {
    void operator()(gzFile_s* file) const { gzclose(file); }
};
using GzHandle = std::unique_ptr<gzFile_s, GzCloser>;

// gzread reads plain files transparently, so one path serves both .gz and raw IDX.
class GzReader {
  public:
    explicit GzReader(const fs::path& path) : m_path(path), m_file(gzopen(path.c_str(), "rb")) {
        require(m_file != nullptr, "cannot open ", path, ": ", std::strerror(errno));
        gzbuffer(m_file.get(), 1 << 20);
    }
    std::int64_t read(void* out, std::int64_t bytes) {
        std::int64_t done = 0;
        auto* cursor = static_cast<unsigned char*>(out);
        while (done < bytes) {
            const auto chunk = static_cast<unsigned>(std::min<std::int64_t>(bytes - done, 1 << 30));
            const int got = gzread(m_file.get(), cursor + done, chunk);
            if (got < 0) {
                int code = 0;
                fail(m_path, ": corrupt or unreadable data (", gzerror(m_file.get(), &code), ")");
            }
            if (got == 0) break;
            done += got;
        }
        return done;
    }
    void readExactly(void* out, std::int64_t bytes, const char* what) {
        const auto got = read(out, bytes);
        require(got == bytes, m_path, ": truncated ", what, " (expected ", bytes, " bytes, found ", got, ")");
    }

  private:
    fs::path m_path;
    GzHandle m_file;
};

std::uint32_t bigEndian32(const unsigned char* bytes) {
    return (std::uint32_t(bytes[0]) << 24) | (std::uint32_t(bytes[1]) << 16) | (std::uint32_t(bytes[2]) << 8) | bytes[3];
}

void putBigEndian32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

} // namespace

IdxArray readIdx(const fs::path& path) {
    require(fs::exists(path), "IDX file ", path, " does not exist");
    GzReader reader(path);
    unsigned char magic[4];
    reader.readExactly(magic, 4, "header");
    require(magic[0] == 0 && magic[1] == 0, path, ": wrong magic number (not an IDX file; first bytes ", int(magic[0]), " ",
            int(magic[1]), ")");
    const unsigned char type = magic[2];
    require(type == kTypeUint8 || type == kTypeFloat32, path, ": unsupported IDX element type 0x", std::hex, int(type), std::dec,
            " (supported: 0x08 uint8, 0x0D float32)");
    const int rank = magic[3];
    require(rank >= 1 && rank <= 4, path, ": unsupported IDX rank ", rank, " (expected 1 to 4)");

    IdxArray array;
    std::int64_t elements = 1;
    for (int d = 0; d < rank; ++d) {
        unsigned char raw[4];
        reader.readExactly(raw, 4, "header");
        const std::int64_t extent = bigEndian32(raw);
        array.dims.push_back(extent);
        require(extent == 0 || elements <= kMaxElements / extent, path, ": header declares an implausibly large array");
        elements *= extent;
    }
    const auto dtype = type == kTypeUint8 ? torch::kUInt8 : torch::kFloat;
    const std::int64_t elementSize = type == kTypeUint8 ? 1 : 4;
    // The header alone must not decide the allocation: a few bytes can declare up to 64 GB (a gzip file's size
    // says nothing about its content's). Read in chunks, so that memory follows the data the file really holds.
    const std::int64_t dataBytes = elements * elementSize;
    constexpr std::int64_t kChunk = std::int64_t(1) << 24;
    std::vector<unsigned char> bytes;
    while (static_cast<std::int64_t>(bytes.size()) < dataBytes) {
        const auto have = static_cast<std::int64_t>(bytes.size());
        const auto want = std::min(kChunk, dataBytes - have);
        bytes.resize(static_cast<std::size_t>(have + want));
        const auto got = reader.read(bytes.data() + have, want);
        bytes.resize(static_cast<std::size_t>(have + got));
        if (got < want) break;
    }
    require(static_cast<std::int64_t>(bytes.size()) == dataBytes, path, ": truncated data (expected ", dataBytes,
            " bytes, found ", bytes.size(), ")");
    array.data = torch::empty(array.dims, torch::TensorOptions().dtype(dtype));
    if (dataBytes > 0) std::memcpy(array.data.data_ptr(), bytes.data(), static_cast<std::size_t>(dataBytes));
    bytes = {};
    unsigned char extra;
    require(reader.read(&extra, 1) == 0, path, ": trailing bytes after the ", elements, " declared elements");
    if (type == kTypeFloat32) {
        // IDX is big-endian; swap bytes in place.
        auto* bytes = static_cast<unsigned char*>(array.data.data_ptr());
        for (std::int64_t i = 0; i < elements; ++i) {
            std::swap(bytes[4 * i], bytes[4 * i + 3]);
            std::swap(bytes[4 * i + 1], bytes[4 * i + 2]);
        }
    }
    return array;
}

void writeIdx(const fs::path& path, const torch::Tensor& data, bool gzip) {
    require(data.scalar_type() == torch::kUInt8 || data.scalar_type() == torch::kFloat, "writeIdx ", path,
            ": only uint8 and float32 tensors can be written");
    require(data.dim() >= 1 && data.dim() <= 4, "writeIdx ", path, ": rank must be 1 to 4");
    const auto contiguous = data.contiguous().cpu();
    std::string bytes;
    bytes.push_back(0);
    bytes.push_back(0);
    const bool isFloat = contiguous.scalar_type() == torch::kFloat;
    bytes.push_back(static_cast<char>(isFloat ? kTypeFloat32 : kTypeUint8));
    bytes.push_back(static_cast<char>(contiguous.dim()));
    for (const auto extent : contiguous.sizes())
        putBigEndian32(bytes, static_cast<std::uint32_t>(extent));
    const auto payload = contiguous.numel() * contiguous.element_size();
    const auto offset = bytes.size();
    bytes.resize(offset + payload);
    std::memcpy(bytes.data() + offset, contiguous.data_ptr(), payload);
    if (isFloat)
        for (std::size_t i = offset; i < bytes.size(); i += 4) {
            std::swap(bytes[i], bytes[i + 3]);
            std::swap(bytes[i + 1], bytes[i + 2]);
        }
    if (!gzip) {
        writeTextAtomically(path, bytes);
        return;
    }
    writeFileAtomically(path, [&](const fs::path& temp) {
        GzHandle out(gzopen(temp.c_str(), "wb6"));
        require(out != nullptr, "cannot write ", temp);
        std::size_t done = 0;
        while (done < bytes.size()) {
            const auto chunk = static_cast<unsigned>(std::min<std::size_t>(bytes.size() - done, 1u << 30));
            require(gzwrite(out.get(), bytes.data() + done, chunk) == static_cast<int>(chunk), "write failed for ", temp);
            done += chunk;
        }
        require(gzclose(out.release()) == Z_OK, "write failed for ", temp);
    });
}

Dataset loadIdxDataset(const fs::path& imagesPath, const fs::path& labelsPath, const std::string& name,
                       const std::vector<std::string>& classNames) {
    auto images = readIdx(imagesPath);
    auto labels = readIdx(labelsPath);
    require(images.dims.size() == 3 || images.dims.size() == 4, imagesPath, ": expected images of rank 3 or 4, found rank ",
            images.dims.size());
    require(labels.dims.size() == 1 && labels.data.scalar_type() == torch::kUInt8, labelsPath,
            ": expected a rank-1 uint8 label file");
    require(images.dims[0] == labels.dims[0], "label/image count mismatch: ", imagesPath, " holds ", images.dims[0],
            " images but ", labelsPath, " holds ", labels.dims[0], " labels");
    auto pixels = images.data.scalar_type() == torch::kUInt8 ? images.data.to(torch::kFloat).div_(255.0f) : images.data;
    if (pixels.dim() == 3) pixels = pixels.unsqueeze(1);
    Dataset dataset{name, pixels.contiguous(), labels.data.to(torch::kLong), classNames};
    const auto maxLabel = dataset.size() ? dataset.labels.max().item<std::int64_t>() : 0;
    require(maxLabel < dataset.numClasses(), labelsPath, ": label ", maxLabel, " is outside the ", dataset.numClasses(),
            " classes of ", name);
    if (pixels.scalar_type() == torch::kFloat && dataset.size()) {
        const auto lo = pixels.min().item<float>(), hi = pixels.max().item<float>();
        require(lo >= 0.0f && hi <= 1.0f, imagesPath, ": float pixels must lie in [0, 1], found [", lo, ", ", hi, "]");
    }
    return dataset;
}

} // namespace pacd
