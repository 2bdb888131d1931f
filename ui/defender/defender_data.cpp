#include "defender/defender_data.h"

#include "defense/roc.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace pacd::ui {

const QStringList& poisonKinds() {
    static const QStringList kinds{QStringLiteral("poison"), QStringLiteral("watermark"), QStringLiteral("random")};
    return kinds;
}

const QStringList& victimKinds() {
    static const QStringList kinds{QStringLiteral("clean"), QStringLiteral("watermark"), QStringLiteral("random"),
                                   QStringLiteral("poison")};
    return kinds;
}

const QVector<double>* ScoredSet::scoresOf(const QString& detector) const {
    for (const auto& entry : scores)
        if (entry.first == detector) return &entry.second;
    return nullptr;
}

qint64 ScoredSet::poisonCount() const {
    return std::count(poisoned.begin(), poisoned.end(), true);
}

ScoredSet readScoredSet(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read the detector scores " + path.toStdString() + ": " +
                                 file.errorString().toStdString());
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(file.readAll(), &error);
    const auto json = document.object();
    const auto fail = [&](const std::string& why) -> std::runtime_error {
        return std::runtime_error(path.toStdString() + " is not a detect stage's detect.json: " + why);
    };
    if (error.error != QJsonParseError::NoError) throw fail(error.errorString().toStdString());
    if (!json.value(QLatin1String("positions")).isArray() || !json.value(QLatin1String("scores")).isObject())
        throw fail("no positions or scores");
    ScoredSet set;
    set.file = path;
    set.data = json.value(QLatin1String("data")).toString();
    set.seed = json.value(QLatin1String("seed")).toInteger();
    set.target = json.value(QLatin1String("target")).toInteger(-1);
    set.budget = json.value(QLatin1String("budget")).toInteger();
    for (const auto& p : json.value(QLatin1String("positions")).toArray())
        set.positions << p.toInteger();
    for (const auto& p : json.value(QLatin1String("poison")).toArray())
        set.poisoned << p.toBool();
    if (set.poisoned.isEmpty()) set.poisoned.fill(false, set.positions.size()); // clean data may carry none
    if (set.poisoned.size() != set.positions.size()) throw fail("poison flags and positions differ in length");
    const auto scores = json.value(QLatin1String("scores")).toObject();
    for (auto it = scores.constBegin(); it != scores.constEnd(); ++it) {
        QVector<double> values;
        for (const auto& v : it.value().toArray())
            values << v.toDouble();
        if (values.size() != set.positions.size())
            throw fail(it.key().toStdString() + " has " + std::to_string(values.size()) + " scores for " +
                       std::to_string(set.positions.size()) + " points");
        set.scores.append({it.key(), values});
    }
    // QJsonObject sorts its keys; the detectors' own order (the spec's vocabulary) reads better.
    static const QStringList order{QStringLiteral("spectral"), QStringLiteral("activation-clustering"),
                                   QStringLiteral("deep-knn")};
    std::stable_sort(set.scores.begin(), set.scores.end(), [](const auto& a, const auto& b) {
        const auto rank = [](const QString& name) {
            const auto at = order.indexOf(name);
            return at < 0 ? order.size() : at;
        };
        return rank(a.first) < rank(b.first);
    });
    return set;
}

QVector<ScoredSet> scoredSetsOf(const pacd::RunRecord& record, QStringList* problems) {
    // Every detector's verdict names its stage's detect.json; one file per data kind and seed.
    QMap<QString, QPair<qint64, QString>> lowest; // data kind → (seed, file)
    for (const auto& d : record.detections) {
        const QString data = QString::fromStdString(d.data), file = QString::fromStdString(d.scores);
        if (file.isEmpty()) continue;
        if (!lowest.contains(data) || d.seed < lowest[data].first) lowest[data] = {d.seed, file};
    }
    QVector<ScoredSet> out;
    for (const auto& kind : victimKinds()) {
        if (!lowest.contains(kind)) continue;
        try {
            out << readScoredSet(lowest[kind].second);
        } catch (const std::exception& e) {
            if (problems) *problems << QString::fromUtf8(e.what());
        }
    }
    return out;
}

RocSeries rocSeries(const ScoredSet& set, const QString& detector) {
    RocSeries out;
    out.detector = detector;
    out.data = set.data;
    const auto* scores = set.scoresOf(detector);
    const auto poisons = set.poisonCount();
    if (!scores || poisons == 0 || poisons == set.poisoned.size()) return out;
    const std::vector<double> s(scores->begin(), scores->end());
    const std::vector<bool> positive(set.poisoned.begin(), set.poisoned.end());
    for (const auto& p : pacd::rocCurve(s, positive))
        out.points << QPointF(p.falsePositiveRate, p.truePositiveRate);
    out.auc = pacd::rocAuc(s, positive);
    out.tprAt5 = pacd::tprAtFpr(s, positive, 0.05);
    return out;
}

QVector<ScoredPoint> topScoredPoints(const ScoredSet& set, const QString& detector, int count) {
    const auto* scores = set.scoresOf(detector);
    if (!scores || count <= 0) return {};
    QVector<int> rows(scores->size());
    std::iota(rows.begin(), rows.end(), 0);
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) { return (*scores)[a] > (*scores)[b]; });
    QVector<ScoredPoint> out;
    for (int i = 0; i < std::min<int>(count, rows.size()); ++i) {
        const int row = rows[i];
        out << ScoredPoint{row, set.positions.value(row, -1), (*scores)[row], set.poisoned.value(row, false)};
    }
    return out;
}

QVector<DefenseRow> defenseRows(const QVector<pacd::RunRecord>& records) {
    QVector<QStringList> words;
    for (const auto& r : records)
        words << QString::fromStdString(r.name).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // The words every name begins with (the preset's data set) say nothing about the row; one row keeps its name.
    int common = 0;
    if (words.size() > 1)
        for (bool same = true; same; ++common)
            for (const auto& w : words)
                if (w.size() <= common + 1 || w[common] != words.front()[common]) same = false;
    if (common > 0) --common;
    QVector<DefenseRow> out;
    for (int i = 0; i < records.size(); ++i) {
        DefenseRow row;
        row.runId = records[i].id;
        row.label = words[i].mid(common).join(QLatin1Char(' '));
        for (const auto& s : records[i].summaries())
            row.acr.insert(QString::fromStdString(s.data), {s.acrMean, s.acrSd});
        out << row;
    }
    return out;
}

} // namespace pacd::ui
