// Core (and so torch) headers first, by habit: with QT_NO_KEYWORDS there are no Qt keyword macros to break them.
#include "data/catalog.h"
#include "support/paths.h"
#include "support/runtime.h"

#include "engine/engine_info.h"
#include "inspector/image_render.h"

#include <exception>

namespace pacd::ui {

namespace {
std::filesystem::path dataPath(const QString& dataDir) {
    return pacd::resolveDataDir(dataDir.toStdString());
}
} // namespace

QVector<DatasetInfo> experimentDatasets(const QString& dataDir) {
    QVector<DatasetInfo> out;
    const auto dir = dataPath(dataDir);
    for (const auto& entry : pacd::knownDatasets()) {
        if (entry.folder.empty()) continue; // generated (the toy): the playground's, not an experiment's
        const auto status = pacd::datasetStatus(entry.name, dir);
        out.push_back({QString::fromStdString(entry.name), QString::fromStdString(entry.description),
                       QString::fromStdString(entry.howToGet), status.present});
    }
    return out;
}

QString resolvedDataDir(const QString& dataDir) {
    return QString::fromStdString(dataPath(dataDir).string());
}

int configureEngineThreads(int threads) {
    return pacd::configureThreads(threads);
}

QString describeEngineDevice(const QString& device) {
    try {
        return QString::fromStdString(pacd::describeDevice(pacd::parseDevice(device.toStdString())));
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
}

ClassThumbnails classThumbnails(const QString& dataset, const QString& dataDir) {
    ClassThumbnails out;
    try {
        const auto test = pacd::loadDatasetFile(dataset.toStdString(), "test", dataPath(dataDir));
        const auto images = test.images.to(torch::kFloat32).contiguous();
        const auto labels = test.labels.to(torch::kInt64).contiguous();
        const int channels = static_cast<int>(images.size(1)), height = static_cast<int>(images.size(2)),
                  width = static_cast<int>(images.size(3));
        for (std::int64_t c = 0; c < test.numClasses(); ++c) {
            out.classNames << QString::fromStdString(test.classNames[static_cast<std::size_t>(c)]);
            const auto found = (labels == c).nonzero();
            if (found.size(0) == 0) {
                out.images << QImage();
                continue;
            }
            const auto image = images[found[0][0].item<std::int64_t>()].contiguous();
            out.images << imageFromFloats(image.data_ptr<float>(), ImageShape{channels, height, width});
        }
    } catch (const std::exception&) {
        return {}; // missing or unreadable: the form shows class numbers only
    }
    return out;
}

} // namespace pacd::ui
