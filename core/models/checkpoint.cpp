#include "models/checkpoint.h"

#include "models/footprint.h"
#include "support/atomic_file.h"
#include "support/error.h"
#include "support/hash.h"
#include "support/json_numbers.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <torch/torch.h>

#include <cmath>
#include <cstring>

namespace fs = std::filesystem;
using nlohmann::json;

namespace pacd {
namespace {

constexpr int kFormatVersion = 1;
constexpr const char* kInfoKey = "pacd_checkpoint_info";

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

json toJson(const CheckpointInfo& info) {
    const auto& s = info.spec;
    return json{{"format", "pacd-checkpoint"}, {"version", kFormatVersion},   {"arch", s.arch},
                {"input_shape", s.inputShape}, {"num_classes", s.numClasses}, {"mean", s.mean},
                {"stddev", s.stddev},          {"dropout", s.dropout},        {"sigma", info.sigma},
                {"method", info.method},       {"dataset", info.dataset},     {"epoch", info.epoch},
                {"seed", info.seed},           {"precision", info.precision}};
}

// The info decides what is allocated before any weight is read, so it is checked like any outside input: a
// crafted file must not make the loader build a model of terabytes or hand LibTorch a negative size.
void checkSpec(const ModelSpec& spec, const fs::path& path) {
    const auto& shape = spec.inputShape;
    require(!shape.empty() && shape.size() <= 3, path, ": checkpoint input_shape must have 1 to 3 dimensions, got ",
            shape.size());
    for (const auto extent : shape)
        require(extent >= 1 && extent <= 65536, path, ": checkpoint input_shape extent ", extent, " is outside [1, 65536]");
    require(spec.numClasses >= 1 && spec.numClasses <= 100000, path, ": checkpoint num_classes ", spec.numClasses,
            " is outside [1, 100000]");
    require(spec.mean.size() == spec.stddev.size(), path, ": checkpoint mean and stddev differ in length");
    require(spec.mean.empty() || (shape.size() == 3 && spec.mean.size() == static_cast<std::size_t>(shape[0])), path,
            ": checkpoint normalisation has ", spec.mean.size(), " channels for inputs of shape ", torch::IntArrayRef(shape));
    for (std::size_t c = 0; c < spec.mean.size(); ++c)
        require(std::isfinite(spec.mean[c]) && std::isfinite(spec.stddev[c]) && spec.stddev[c] > 0, path,
                ": checkpoint normalisation of channel ", c, " is not finite with stddev > 0");
    ModelFootprint footprint;
    try {
        footprint = modelFootprint(spec);
    } catch (const Error& e) {
        fail(path, ": ", e.what());
    }
    require(footprint.parameters > 0 && footprint.parameters <= (std::int64_t(1) << 31), path, ": checkpoint describes a ",
            spec.arch, " of ", footprint.parameters, " parameters for inputs of shape ", torch::IntArrayRef(shape),
            ", which no pacd model has");
}

CheckpointInfo fromJson(const json& j, const fs::path& path) {
    // Types checked before reading: j.value() throws json's own type_error for a key of another type.
    require(j.is_object() && j.contains("format") && j["format"].is_string() &&
                j["format"].get<std::string>() == "pacd-checkpoint",
            path, ": not a pacd checkpoint");
    const int version = j.contains("version") ? wholeNumber<int>(j["version"], path.string() + ": 'version'") : 0;
    require(version == kFormatVersion, path, ": checkpoint format version ", version, " is not supported (this build reads ",
            kFormatVersion, ")");
    CheckpointInfo info;
    try {
        info.spec.arch = j.at("arch").get<std::string>();
        info.spec.inputShape = wholeNumbers<std::int64_t>(j.at("input_shape"), path.string() + ": 'input_shape'");
        info.spec.numClasses = wholeNumber<std::int64_t>(j.at("num_classes"), path.string() + ": 'num_classes'");
        info.spec.mean = j.at("mean").get<std::vector<double>>();
        info.spec.stddev = j.at("stddev").get<std::vector<double>>();
        info.spec.dropout = j.at("dropout").get<double>();
        info.sigma = j.at("sigma").get<double>();
        info.method = j.at("method").get<std::string>();
        info.dataset = j.at("dataset").get<std::string>();
        info.epoch = wholeNumber<std::int64_t>(j.at("epoch"), path.string() + ": 'epoch'");
        info.seed = wholeNumber<std::uint64_t>(j.at("seed"), path.string() + ": 'seed'");
        info.precision = j.value("precision", std::string("fp32"));
    } catch (const json::exception& e) {
        fail(path, ": checkpoint info is incomplete or malformed (", e.what(), ")");
    }
    checkSpec(info.spec, path);
    return info;
}

// The seal: LibTorch's archive reader (TorchScript's unpickler and type parser) is not robust to damaged input:
// fuzz_checkpoint crashed it (SEGV in ScriptTypeParser::parseClassConstant) with a mutated code record. So no
// byte reaches it unchecked: saveCheckpoint stores an FNV-1a 64 hash of the archive in the zip comment (which zip
// readers ignore), and the loader refuses files whose seal is missing or does not match. This catches damage
// (truncated copies, bit flips, other tools' archives); a file crafted to crash LibTorch and then resealed is not
// caught: like PyTorch's own files, checkpoints are to be trusted like programs.
constexpr const char* kSealTag = "pacd-seal fnv1a64 ";
constexpr std::size_t kEndOfCentralDirectory = 22; // zip EOCD record without comment

std::string sealOf(const std::string& bytes) {
    return Fnv1a64().add(bytes).hex();
}

bool endsWithEocd(const std::string& bytes, std::size_t end) {
    return end >= kEndOfCentralDirectory && bytes.compare(end - kEndOfCentralDirectory, 4, "PK\x05\x06") == 0 &&
           bytes[end - 2] == 0 && bytes[end - 1] == 0;
}

void checkSeal(const fs::path& path) {
    require(fs::exists(path), "checkpoint ", path, " does not exist");
    const auto bytes = readFile(path);
    const std::size_t sealLength = std::strlen(kSealTag) + 16;
    const bool sealed = bytes.size() >= kEndOfCentralDirectory + sealLength &&
                        bytes.compare(bytes.size() - sealLength, std::strlen(kSealTag), kSealTag) == 0;
    if (!sealed) {
        require(endsWithEocd(bytes, bytes.size()), path, ": not a readable checkpoint (corrupt or not a LibTorch archive)");
        fail(path, ": has no pacd checkpoint seal (a plain LibTorch archive, or one another program wrote, cannot be used: its "
                   "architecture, σ and method are unknown)");
    }
    // The hash covers the archive as first written: the comment-length field was 0 then.
    std::string archive = bytes.substr(0, bytes.size() - sealLength);
    require(archive.size() >= kEndOfCentralDirectory &&
                archive.compare(archive.size() - kEndOfCentralDirectory, 4, "PK\x05\x06") == 0 &&
                static_cast<unsigned char>(archive[archive.size() - 2]) == sealLength && archive[archive.size() - 1] == 0,
            path, ": checkpoint is damaged (its zip directory does not end where its seal says)");
    archive[archive.size() - 2] = 0;
    require(sealOf(archive) == bytes.substr(bytes.size() - 16), path,
            ": checkpoint is damaged (its content does not match its seal: a truncated copy or changed bytes)");
}

torch::serialize::InputArchive openArchive(const fs::path& path) {
    checkSeal(path);
    torch::serialize::InputArchive archive;
    try {
        archive.load_from(path.string());
    } catch (const std::exception& e) {
        fail(path, ": not a readable checkpoint (corrupt or not a LibTorch archive)");
    }
    return archive;
}

CheckpointInfo readInfo(torch::serialize::InputArchive& archive, const fs::path& path) {
    c10::IValue value;
    bool found = false;
    try {
        found = archive.try_read(kInfoKey, value);
    } catch (const std::exception& e) {
        fail(path, ": checkpoint info is unreadable (", firstLine(e.what()), ")");
    }
    require(
        found && value.isString(), path,
        ": has no pacd checkpoint info (a plain LibTorch archive cannot be used: its architecture, σ and method are unknown)");
    json j;
    try {
        j = json::parse(value.toStringRef());
    } catch (const json::exception& e) {
        fail(path, ": checkpoint info is not valid JSON (", e.what(), ")");
    }
    return fromJson(j, path);
}

std::string baseDataset(const std::string& name) {
    return name.substr(0, name.find('+'));
}

// The archive's bytes with the seal appended as its zip comment.
std::string sealedBytes(const fs::path& path) {
    auto bytes = readFile(path);
    require(endsWithEocd(bytes, bytes.size()), path, ": cannot seal: not a zip archive ending in a comment-less directory");
    const auto seal = kSealTag + sealOf(bytes);
    bytes[bytes.size() - 2] = static_cast<char>(seal.size());
    return bytes + seal;
}

} // namespace

void saveCheckpoint(const fs::path& path, ClassifierImpl& model, const CheckpointInfo& info) {
    require(info.spec == model.spec(), "saveCheckpoint ", path, ": info describes ", info.spec.arch, " but the model is ",
            model.spec().arch, " with other settings");
    writeFileAtomically(path, [&](const fs::path& temp) {
        torch::serialize::OutputArchive archive;
        archive.write(kInfoKey, c10::IValue(toJson(info).dump()));
        model.save(archive);
        archive.save_to(temp.string());
        // The temporary is this writer's own: seal it in place. (Sealing it atomically would nest a second temporary
        // inside the first, which a SIGKILL could leave behind where no cleanup looks: the crash test found one.)
        const auto sealed = sealedBytes(temp);
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(sealed.data(), static_cast<std::streamsize>(sealed.size()));
        out.flush();
        require(out.good(), "saveCheckpoint ", path, ": cannot write ", temp);
    });
}

void sealCheckpointFile(const fs::path& path) {
    writeTextAtomically(path, sealedBytes(path));
}

CheckpointInfo readCheckpointInfo(const fs::path& path) {
    auto archive = openArchive(path);
    return readInfo(archive, path);
}

LoadedCheckpoint loadCheckpoint(const fs::path& path, const CheckpointExpectation& expect, const torch::Device& device) {
    auto archive = openArchive(path);
    auto info = readInfo(archive, path);
    if (expect.arch)
        require(*expect.arch == info.spec.arch, path, ": checkpoint holds a ", info.spec.arch, " model, but ", *expect.arch,
                " was requested");
    if (expect.dataset)
        require(baseDataset(*expect.dataset) == baseDataset(info.dataset), path, ": checkpoint was trained on ", info.dataset,
                ", but data set ", *expect.dataset, " was requested");
    if (expect.sigma && !expect.allowSigmaOverride)
        require(std::abs(*expect.sigma - info.sigma) < 1e-9, path, ": checkpoint was trained at sigma=", info.sigma,
                " but sigma=", *expect.sigma,
                " was requested; pass the sigma override to certify it at another noise level on purpose");
    Classifier model;
    try {
        model = makeClassifier(info.spec);
    } catch (const std::exception& e) {
        fail(path, ": cannot build the ", info.spec.arch, " model it describes (", firstLine(e.what()), ")");
    }
    try {
        model->load(archive);
    } catch (const std::exception& e) {
        fail(path, ": weights do not fit a ", info.spec.arch, " model (", e.what(), ")");
    }
    model->to(device);
    model->eval();
    return {model, info};
}

} // namespace pacd
