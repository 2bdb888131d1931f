#include "data/poison_set.h"

#include "data/idx.h"
#include "support/atomic_file.h"
#include "support/error.h"
#include "support/hash.h"
#include "support/json_numbers.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <set>

namespace fs = std::filesystem;
using nlohmann::json;

namespace pacd {
namespace {

constexpr int kFormatVersion = 1;
constexpr const char* kFormat = "pacd-poison-set";

} // namespace

void PoisonSet::validate() const {
    require(!dataset.empty(), "poison set: no data set name");
    require(targetClass >= 0, "poison set: target class must be >= 0, got ", targetClass);
    require(images.defined() && images.scalar_type() == torch::kFloat, "poison set: images must be float32");
    require(images.dim() >= 2 && images.size(0) == size(), "poison set: ", images.dim() >= 1 ? images.size(0) : 0, " images but ",
            size(), " indices");
    if (size() > 0) {
        require(torch::isfinite(images).all().item<bool>(), "poison set: images hold NaN or infinite values");
        const auto lo = images.min().item<float>(), hi = images.max().item<float>();
        if (valueRange == ValueRange::UnitInterval)
            require(lo >= 0.0f && hi <= 1.0f, "poison set: pixels must lie in [0, 1], found [", lo, ", ", hi,
                    "] (feature data declares \"value_range\": \"unbounded\")");
    }
    std::set<std::int64_t> seen;
    for (const auto index : indices) {
        require(index >= 0, "poison set: negative training-file index ", index);
        require(seen.insert(index).second, "poison set: training-file index ", index, " appears twice");
    }
    try {
        require(json::parse(configJson).is_object(), "poison set: config must be a JSON object");
    } catch (const json::exception& e) {
        fail("poison set: config is not valid JSON (", e.what(), ")");
    }
}

std::string PoisonSet::contentHash() const {
    Fnv1a64 hash;
    hash.add(indices.data(), indices.size() * sizeof(std::int64_t));
    if (images.defined() && images.numel() > 0) {
        const auto pixels = images.to(torch::kCPU, torch::kFloat).contiguous();
        hash.add(pixels.data_ptr(), static_cast<std::size_t>(pixels.numel()) * sizeof(float));
    }
    return hash.hex();
}

void requirePoisonFits(const PoisonSet& poison, const Dataset& data) {
    require(poison.valueRange == ValueRange::UnitInterval || data.valueRange == ValueRange::Unbounded, "poison set for ",
            poison.dataset, " has value range ", nameOf(poison.valueRange), " but ", data.name, "'s images lie in [0, 1]");
}

fs::path poisonImagesPath(const fs::path& manifest) {
    return manifest.parent_path() / (manifest.stem().string() + ".images.idx");
}

void writePoisonSet(const fs::path& manifest, const PoisonSet& poison) {
    poison.validate();
    const auto imagesPath = poisonImagesPath(manifest);
    writeIdx(imagesPath, poison.images.to(torch::kCPU).contiguous());
    const json j{{"format", kFormat},
                 {"version", kFormatVersion},
                 {"dataset", poison.dataset},
                 {"target_class", poison.targetClass},
                 {"count", poison.size()},
                 {"image_shape", poison.images.sizes().slice(1).vec()},
                 {"images", imagesPath.filename().string()},
                 {"indices", poison.indices},
                 {"seed", poison.seed},
                 {"value_range", nameOf(poison.valueRange)},
                 {"hash", poison.contentHash()},
                 {"config", json::parse(poison.configJson)}};
    writeTextAtomically(manifest, j.dump(2) + "\n");
}

PoisonSet readPoisonSet(const fs::path& manifest) {
    require(fs::exists(manifest), "poison set ", manifest, " does not exist");
    json j;
    try {
        j = json::parse(readFile(manifest));
    } catch (const json::exception& e) {
        fail(manifest, ": not a poison set (invalid JSON: ", e.what(), ")");
    }
    // j.value() throws json's own type_error when a key holds another type ("format": 8, found by fuzz_poison_set):
    // check the types first so that every malformed manifest gets a message naming the file.
    require(j.is_object() && j.contains("format") && j["format"].is_string() && j["format"].get<std::string>() == kFormat,
            manifest, ": not a pacd poison set");
    require(!j.contains("version") || j["version"].is_number(), manifest, ": poison set 'version' must be a number");
    const int version = j.contains("version") ? wholeNumber<int>(j["version"], manifest.string() + ": 'version'") : 0;
    require(version == kFormatVersion, manifest, ": poison set format version ", version, " is not supported (this build reads ",
            kFormatVersion, ")");
    PoisonSet poison;
    std::string imagesName, hash;
    std::vector<std::int64_t> shape;
    try {
        poison.dataset = j.at("dataset").get<std::string>();
        poison.targetClass = wholeNumber<std::int64_t>(j.at("target_class"), manifest.string() + ": 'target_class'");
        poison.indices = wholeNumbers<std::int64_t>(j.at("indices"), manifest.string() + ": 'indices'");
        poison.seed = wholeNumber<std::uint64_t>(j.at("seed"), manifest.string() + ": 'seed'");
        poison.configJson = j.at("config").dump();
        shape = wholeNumbers<std::int64_t>(j.at("image_shape"), manifest.string() + ": 'image_shape'");
        imagesName = j.at("images").get<std::string>();
        hash = j.at("hash").get<std::string>();
        if (j.contains("value_range")) {
            const auto range = j.at("value_range").get<std::string>();
            require(isName<ValueRange>(range), manifest, ": 'value_range' must be one of ", joinedNames<ValueRange>(), ", got '",
                    range, "'");
            poison.valueRange = parseName<ValueRange>(range);
        }
    } catch (const json::exception& e) {
        fail(manifest, ": poison set manifest is incomplete or malformed (", e.what(), ")");
    }
    require(fs::path(imagesName).filename() == fs::path(imagesName), manifest,
            ": 'images' must name a file beside the manifest, got ", imagesName);
    const auto imagesPath = manifest.parent_path() / imagesName;
    auto array = readIdx(imagesPath);
    require(array.data.scalar_type() == torch::kFloat, imagesPath, ": poison images must be float32 IDX");
    std::vector<std::int64_t> expected{poison.size()};
    expected.insert(expected.end(), shape.begin(), shape.end());
    require(array.dims == expected, imagesPath, ": image array shape ", array.data.sizes(), " does not match the manifest's ",
            poison.size(), " images of shape ", torch::IntArrayRef(shape));
    poison.images = array.data;
    require(poison.contentHash() == hash, manifest, ": images ", imagesPath,
            " do not match the manifest's hash (the pair was not written together)");
    try {
        poison.validate();
    } catch (const Error& e) {
        fail(manifest, ": ", e.what());
    }
    return poison;
}

} // namespace pacd
