// torch first: Qt's keyword macros break its headers.
#include "data/catalog.h"
#include "data/poison_set.h"
#include "support/paths.h"

#include "engine/poison_set_preview.h"

namespace pacd::ui {

PoisonPreview poisonSetPreview(const QString& manifest, const QString& dataDir, int maxRows) {
    const auto poison = pacd::readPoisonSet(manifest.toStdString());
    PoisonPreview out;
    out.setSize = poison.size();
    const auto count = std::min<std::int64_t>(maxRows, poison.size());
    if (count <= 0 || poison.images.dim() != 4) return out;
    const auto training = pacd::loadDatasetFile(poison.dataset, "train", pacd::resolveDataDir(dataDir.toStdString()));
    const std::vector<std::int64_t> ids(poison.indices.begin(), poison.indices.begin() + count);
    const auto rows = torch::tensor(ids, torch::kInt64);
    const auto poisoned = poison.images.slice(0, 0, count).to(torch::kFloat32).contiguous();
    const auto clean = training.images.index_select(0, rows).to(torch::kFloat32).contiguous();
    out.channels = static_cast<int>(poisoned.size(1));
    out.height = static_cast<int>(poisoned.size(2));
    out.width = static_cast<int>(poisoned.size(3));
    const auto plane = poisoned[0].numel();
    for (std::int64_t i = 0; i < count; ++i) {
        out.rows << ids[static_cast<std::size_t>(i)];
        const float* p = poisoned[i].data_ptr<float>();
        const float* c = clean[i].data_ptr<float>();
        out.poisoned << QVector<float>(p, p + plane);
        out.clean << QVector<float>(c, c + plane);
    }
    return out;
}

} // namespace pacd::ui
