// The one file of ui/defender that includes torch; it includes no Qt header.
#include "defender/defender_images.h"

#include "data/catalog.h"
#include "data/poison_set.h"
#include "defense/sanitizers.h"
#include "support/error.h"
#include "support/paths.h"

#include <torch/torch.h>

#include <map>

namespace pacd::ui {
namespace {

PlainImage plain(const torch::Tensor& chw) {
    const auto image = chw.to(torch::kFloat32).contiguous();
    PlainImage out;
    out.channels = static_cast<int>(image.size(0));
    out.height = static_cast<int>(image.size(1));
    out.width = static_cast<int>(image.size(2));
    out.pixels.assign(image.data_ptr<float>(), image.data_ptr<float>() + image.numel());
    return out;
}

torch::Tensor tensorOf(const PlainImage& image) {
    require(image.channels > 0 && image.height > 0 && image.width > 0 &&
                image.pixels.size() == static_cast<std::size_t>(image.channels) * image.height * image.width,
            "an image of ", image.pixels.size(), " values does not have the shape ", image.channels, "x", image.height, "x",
            image.width);
    return torch::from_blob(const_cast<float*>(image.pixels.data()), {1, image.channels, image.height, image.width},
                            torch::kFloat32)
        .clone();
}

} // namespace

struct TrainingImages::Impl {
    Dataset file;
};

TrainingImages::TrainingImages(const std::string& dataset, const std::string& dataDir) : m(std::make_unique<Impl>()) {
    m->file = loadDatasetFile(dataset, "train", resolveDataDir(dataDir));
}

TrainingImages::~TrainingImages() = default;

std::vector<PlainImage> TrainingImages::at(const std::string& manifest, const std::vector<std::int64_t>& positions,
                                           const SanitizerSetting& sanitizer) const {
    std::map<std::int64_t, std::int64_t> poisonRow; // training position → row of the poison set
    PoisonSet poison;
    if (!manifest.empty()) {
        poison = readPoisonSet(manifest);
        for (std::int64_t row = 0; row < poison.size(); ++row)
            poisonRow[poison.indices[static_cast<std::size_t>(row)]] = row;
    }
    std::vector<PlainImage> out;
    if (positions.empty()) return out;
    std::vector<torch::Tensor> images;
    for (const auto position : positions) {
        require(position >= 0 && position < m->file.size(), "training position ", position, " is outside ", m->file.name, " (",
                m->file.size(), " images): the detector scores name another data set");
        const auto found = poisonRow.find(position);
        images.push_back(found != poisonRow.end() ? poison.images[found->second] : m->file.images[position]);
    }
    auto batch = torch::stack(images).to(torch::kFloat32);
    if (sanitizer.kind != Sanitizer::None) batch = sanitize(batch, sanitizer);
    for (std::int64_t i = 0; i < batch.size(0); ++i)
        out.push_back(plain(batch[i]));
    return out;
}

std::vector<PoisonPair> TrainingImages::poisonPairs(const std::string& manifest, int maxPairs) const {
    const auto poison = readPoisonSet(manifest);
    std::vector<PoisonPair> out;
    for (std::int64_t row = 0; row < std::min<std::int64_t>(maxPairs, poison.size()); ++row) {
        const auto position = poison.indices[static_cast<std::size_t>(row)];
        require(position >= 0 && position < m->file.size(), "poison set ", manifest, ": training position ", position,
                " is outside ", m->file.name);
        out.push_back({position, plain(m->file.images[position]), plain(poison.images[row])});
    }
    return out;
}

PlainImage sanitizeImage(const PlainImage& image, const SanitizerSetting& setting) {
    return plain(sanitize(tensorOf(image), setting)[0]);
}

} // namespace pacd::ui
