#include "defender/defender_loader.h"

#include "inspector/image_render.h"
#include "plan/experiment_plan.h"
#include "results/results_store.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <exception>

namespace pacd::ui {
namespace {

QString text(const std::exception& e) {
    return QString::fromUtf8(e.what());
}

// The poison set of a victim data kind ("" for clean data, or when the run recorded none).
std::string manifestOf(const pacd::RunRecord& record, const QString& data) {
    const auto kind = data == QLatin1String("poison")      ? pacd::StageKind::Poison
                      : data == QLatin1String("watermark") ? pacd::StageKind::Watermark
                      : data == QLatin1String("random")    ? pacd::StageKind::Random
                                                           : pacd::StageKind::None;
    if (kind == pacd::StageKind::None) return {};
    const auto files = pacd::artefactsOfKind(record, kind);
    return files.empty() ? std::string() : files.front();
}

QImage imageOf(const PlainImage& image) {
    return imageFromFloats(image.pixels.data(), ImageShape{image.channels, image.height, image.width});
}

} // namespace

QVector<pacd::RunRecord> presetRecords(const pacd::RunRecord& record, const QString& storePath, QStringList* problems) {
    QVector<pacd::RunRecord> out;
    if (!record.preset.empty() && !storePath.isEmpty() && QFileInfo::exists(storePath)) {
        try {
            const pacd::ResultsStore store(storePath.toStdString());
            QSet<QString> names;
            QVector<qint64> ids;
            for (const auto& run : store.list()) { // newest first: the newest finished run of each row
                const QString name = QString::fromStdString(run.name);
                if (run.preset != record.preset || run.status != "finished" || names.contains(name)) continue;
                names.insert(name);
                ids << run.id;
            }
            std::sort(ids.begin(), ids.end());
            for (const auto id : ids)
                out << (id == record.id ? record : store.get(id));
        } catch (const std::exception& e) {
            if (problems) *problems << text(e);
        }
    }
    // The run shown is a row even when the store does not hold it (a live run recorded nowhere, another row's
    // newer run): in place of its row's stored run, or after them.
    const auto same = std::find_if(out.begin(), out.end(),
                                   [&](const pacd::RunRecord& r) { return r.id == record.id || r.name == record.name; });
    if (same != out.end())
        *same = record;
    else
        out << record;
    // Bars compare defenses against the same poisons: defender-mnist's filter rows meet half the class poisoned and
    // its sanitiser rows the whole class, and nine rows of four bars did not fit the tab in presentation mode.
    const auto poisonFolder = [](const pacd::RunRecord& r) {
        const auto found = r.artefacts.find("poison");
        return found == r.artefacts.end() ? QString() : QFileInfo(QString::fromStdString(found->second)).dir().dirName();
    };
    const QString shownPoisons = poisonFolder(record);
    if (!shownPoisons.isEmpty())
        out.erase(std::remove_if(out.begin(), out.end(),
                                 [&](const pacd::RunRecord& r) {
                                     const QString folder = poisonFolder(r);
                                     return !folder.isEmpty() && folder != shownPoisons;
                                 }),
                  out.end());
    return out;
}

DefenderData loadDefenderData(const pacd::RunRecord& record, const QString& storePath, const QString& dataDir,
                              const std::shared_ptr<std::atomic<bool>>& cancelled) {
    const auto stop = [&] { return cancelled && cancelled->load(); };
    DefenderData out;
    out.runId = record.id;
    out.runName = QString::fromStdString(record.name);
    out.hasDetections = !record.detections.empty();
    std::string dataset;
    try {
        const auto plan = pacd::resolve(pacd::ExperimentSpec::fromJson(record.specJson, record.name));
        out.runSanitizer = plan.sanitizer;
        out.runFilter = plan.filter;
        dataset = plan.spec.dataset;
    } catch (const std::exception& e) {
        out.problems << text(e);
    }
    if (!out.hasDefense()) return out; // the empty state: nothing to load
    out.rows = defenseRows(presetRecords(record, storePath, &out.problems));
    out.sets = scoredSetsOf(record, &out.problems);
    if (stop() || dataset.empty()) return out;

    std::unique_ptr<TrainingImages> training;
    try {
        training = std::make_unique<TrainingImages>(dataset, dataDir.toStdString());
    } catch (const std::exception& e) {
        out.problems << text(e);
        return out;
    }
    for (const auto& set : std::as_const(out.sets)) {
        if (stop()) return out;
        if (!poisonKinds().contains(set.data)) continue;
        try {
            QVector<TopScoredView::Row> rows;
            for (const auto& [detector, scores] : set.scores) {
                TopScoredView::Row row;
                row.detector = detector;
                row.points = topScoredPoints(set, detector, kTopScored);
                std::vector<std::int64_t> positions;
                for (const auto& p : std::as_const(row.points))
                    positions.push_back(p.position);
                // As the detector saw them: with the poisons in place and through the run's sanitiser.
                for (const auto& image : training->at(manifestOf(record, set.data), positions, out.runSanitizer))
                    row.images << imageOf(image);
                rows << row;
            }
            out.top.insert(set.data, rows);
        } catch (const std::exception& e) {
            out.problems << text(e);
        }
    }
    const auto poisons = manifestOf(record, QStringLiteral("poison"));
    if (!poisons.empty() && !stop()) {
        try {
            out.pairs = training->poisonPairs(poisons, kSanitizerPairs);
        } catch (const std::exception& e) {
            out.problems << text(e);
        }
    }
    return out;
}

} // namespace pacd::ui
