#include "models/checkpoint.h"

#include "support/atomic_file.h"
#include "support/error.h"

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <cmath>

namespace fs = std::filesystem;
using nlohmann::json;

namespace pacd {
namespace {

constexpr int kFormatVersion = 1;
constexpr const char* kInfoKey = "pacd_checkpoint_info";

json toJson(const CheckpointInfo& info) {
    const auto& s = info.spec;
    return json{{"format", "pacd-checkpoint"},
                {"version", kFormatVersion},
                {"arch", s.arch},
                {"input_shape", s.inputShape},
                {"num_classes", s.numClasses},
                {"mean", s.mean},
                {"stddev", s.stddev},
                {"dropout", s.dropout},
                {"sigma", info.sigma},
                {"method", info.method},
                {"dataset", info.dataset},
                {"epoch", info.epoch},
                {"seed", info.seed}};
}

CheckpointInfo fromJson(const json& j, const fs::path& path) {
    require(j.value("format", "") == "pacd-checkpoint", path, ": not a pacd checkpoint");
    const int version = j.value("version", 0);
    require(version == kFormatVersion, path, ": checkpoint format version ", version, " is not supported (this build reads ",
            kFormatVersion, ")");
    CheckpointInfo info;
    try {
        info.spec.arch = j.at("arch").get<std::string>();
        info.spec.inputShape = j.at("input_shape").get<std::vector<std::int64_t>>();
        info.spec.numClasses = j.at("num_classes").get<std::int64_t>();
        info.spec.mean = j.at("mean").get<std::vector<double>>();
        info.spec.stddev = j.at("stddev").get<std::vector<double>>();
        info.spec.dropout = j.at("dropout").get<double>();
        info.sigma = j.at("sigma").get<double>();
        info.method = j.at("method").get<std::string>();
        info.dataset = j.at("dataset").get<std::string>();
        info.epoch = j.at("epoch").get<std::int64_t>();
        info.seed = j.at("seed").get<std::uint64_t>();
    } catch (const json::exception& e) {
        fail(path, ": checkpoint info is incomplete or malformed (", e.what(), ")");
    }
    return info;
}

torch::serialize::InputArchive openArchive(const fs::path& path) {
    require(fs::exists(path), "checkpoint ", path, " does not exist");
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
    require(archive.try_read(kInfoKey, value) && value.isString(), path,
            ": has no pacd checkpoint info (a plain LibTorch archive cannot be used: its architecture, σ and method are unknown)");
    json j;
    try {
        j = json::parse(value.toStringRef());
    } catch (const json::exception& e) {
        fail(path, ": checkpoint info is not valid JSON (", e.what(), ")");
    }
    return fromJson(j, path);
}

std::string baseDataset(const std::string& name) { return name.substr(0, name.find('+')); }

} // namespace

void saveCheckpoint(const fs::path& path, ClassifierImpl& model, const CheckpointInfo& info) {
    require(info.spec == model.spec(), "saveCheckpoint ", path, ": info describes ", info.spec.arch, " but the model is ",
            model.spec().arch, " with other settings");
    writeFileAtomically(path, [&](const fs::path& temp) {
        torch::serialize::OutputArchive archive;
        archive.write(kInfoKey, c10::IValue(toJson(info).dump()));
        model.save(archive);
        archive.save_to(temp.string());
    });
}

CheckpointInfo readCheckpointInfo(const fs::path& path) {
    auto archive = openArchive(path);
    return readInfo(archive, path);
}

LoadedCheckpoint loadCheckpoint(const fs::path& path, const CheckpointExpectation& expect, const torch::Device& device) {
    auto archive = openArchive(path);
    auto info = readInfo(archive, path);
    if (expect.arch)
        require(*expect.arch == info.spec.arch, path, ": checkpoint holds a ", info.spec.arch, " model, but ", *expect.arch, " was requested");
    if (expect.dataset)
        require(baseDataset(*expect.dataset) == baseDataset(info.dataset), path, ": checkpoint was trained on ", info.dataset,
                ", but data set ", *expect.dataset, " was requested");
    if (expect.sigma && !expect.allowSigmaOverride)
        require(std::abs(*expect.sigma - info.sigma) < 1e-9, path, ": checkpoint was trained at sigma=", info.sigma,
                " but sigma=", *expect.sigma, " was requested; pass the sigma override to certify it at another noise level on purpose");
    auto model = makeClassifier(info.spec);
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
