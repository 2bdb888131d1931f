// The Defender tab: detector scores read back from a detect stage's detect.json, ROC curves and legends equal to
// core's roc.h on constructed scores, the highest-scored images in score order with the poisons marked, the
// sanitised poison equal to core's sanitiser, the defense rows' ACR bars, the empty state of a run without defender
// stages, and presentation mode without overlapping text.
#include "defender/defender_data.h"
#include "defender/defender_images.h"
#include "defender/defender_loader.h"
#include "defender/defender_view.h"
#include "defender/defense_acr_plot.h"
#include "defender/roc_plot.h"
#include "defender/sanitizer_preview.h"
#include "defender/top_scored_view.h"
#include "defense/roc.h"
#include "main_window/export_controller.h"
#include "main_window/main_window.h"
#include "plot_test_support.h"
#include "plots/plot_geometry.h"
#include "results/results_store.h"
#include "ui_test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTabWidget>
#include <QtTest/QtTest>

#include <cmath>

using namespace pacd::ui;

namespace {

// Six target-class points, three of them poisons: AUC by hand = pairs (poison above clean) / 9 = (3 + 2 + 0) / 9.
const QVector<double> kSpectral{0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
const QVector<bool> kPoisoned{true, false, true, false, false, true};
// Ties: the last two points share a score with a clean one.
const QVector<double> kKnn{0.5, 0.5, 0.25, 0.25, 0.0, 0.5};

QJsonArray array(const QVector<double>& values) {
    QJsonArray out;
    for (const double v : values)
        out << v;
    return out;
}

QString writeDetectJson(const QDir& dir, const QString& data, qint64 seed, const QVector<qint64>& positions,
                        const QVector<bool>& poisoned, const QVector<QPair<QString, QVector<double>>>& scores) {
    QJsonObject json;
    json[QStringLiteral("data")] = data;
    json[QStringLiteral("seed")] = seed;
    json[QStringLiteral("target")] = 8;
    json[QStringLiteral("budget")] = 4;
    QJsonArray p, f;
    for (const auto position : positions)
        p << position;
    for (const bool b : poisoned)
        f << b;
    json[QStringLiteral("positions")] = p;
    json[QStringLiteral("poison")] = f;
    QJsonObject s;
    for (const auto& [name, values] : scores)
        s[name] = array(values);
    json[QStringLiteral("scores")] = s;
    dir.mkpath(data + QString::number(seed));
    const QString path = dir.filePath(data + QString::number(seed) + QStringLiteral("/detect.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(QJsonDocument(json).toJson());
    return path;
}

ScoredSet constructedSet(const QString& data = QStringLiteral("poison")) {
    ScoredSet set;
    set.data = data;
    set.positions = {100, 101, 102, 103, 104, 105};
    set.poisoned = kPoisoned;
    set.budget = 4;
    set.scores = {{QStringLiteral("spectral"), kSpectral}, {QStringLiteral("deep-knn"), kKnn}};
    return set;
}

QImage grey(int value) {
    QImage image(28, 28, QImage::Format_Grayscale8);
    image.fill(value);
    return image;
}

// A data set as the loader would give it, with images, for the widgets.
DefenderData constructedData() {
    DefenderData data;
    data.runId = 7;
    data.runName = QStringLiteral("mnist no defense");
    data.hasDetections = true;
    data.sets = {constructedSet(QStringLiteral("watermark")), constructedSet(QStringLiteral("random")),
                 constructedSet(QStringLiteral("poison"))};
    for (const auto& set : std::as_const(data.sets)) {
        QVector<TopScoredView::Row> rows;
        for (const auto& [detector, scores] : set.scores) {
            TopScoredView::Row row;
            row.detector = detector;
            row.points = topScoredPoints(set, detector, kTopScored);
            for (const auto& p : std::as_const(row.points))
                row.images << grey(int(p.position));
            rows << row;
        }
        data.top.insert(set.data, rows);
    }
    PoisonPair pair;
    pair.position = 104;
    pair.clean = {std::vector<float>(784, 0.3f), 1, 28, 28};
    pair.poisoned = pair.clean;
    for (std::size_t i = 0; i < 784; i += 2)
        pair.poisoned.pixels[i] += 0.2f;
    data.pairs = {pair};
    DefenseRow a{
        QStringLiteral("no defense"), 7, {{QStringLiteral("clean"), {0.53, 0.0}}, {QStringLiteral("poison"), {0.51, 0.0}}}};
    DefenseRow b{
        QStringLiteral("bit-depth"), 8, {{QStringLiteral("clean"), {0.54, 0.01}}, {QStringLiteral("poison"), {0.53, 0.02}}}};
    data.rows = {a, b};
    return data;
}

pacd::RunRecord record(const char* name, const char* preset, double clean, double poison) {
    pacd::RunRecord r;
    r.name = name;
    r.preset = preset;
    r.status = "finished";
    r.specJson = pacd::ui::test::tinySpec(name).toJson();
    for (const auto& [data, acr] : {std::pair{"clean", clean}, std::pair{"poison", poison}}) {
        pacd::VictimResult v;
        v.data = data;
        v.acr = acr;
        r.victims.push_back(v);
    }
    return r;
}

} // namespace

class TestDefenderView : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() {
        QLocale::setDefault(QLocale::c());
        QStandardPaths::setTestModeEnabled(true);
    }

    void detectJsonReadsBack() {
        QTemporaryDir dir;
        const auto path =
            writeDetectJson(QDir(dir.path()), QStringLiteral("poison"), 0, {100, 101, 102, 103, 104, 105}, kPoisoned,
                            {{QStringLiteral("deep-knn"), kKnn}, {QStringLiteral("spectral"), kSpectral}});
        const auto set = readScoredSet(path);
        QCOMPARE(set.data, QStringLiteral("poison"));
        QCOMPARE(set.positions, (QVector<qint64>{100, 101, 102, 103, 104, 105}));
        QCOMPARE(set.poisoned, kPoisoned);
        QCOMPARE(set.poisonCount(), qint64(3));
        QCOMPARE(set.budget, qint64(4));
        QCOMPARE(set.scores.size(), 2);
        QCOMPARE(set.scores[0].first, QStringLiteral("spectral")); // the vocabulary's order, not the file's
        QCOMPARE(*set.scoresOf(QStringLiteral("deep-knn")), kKnn);
        QVERIFY(!set.scoresOf(QStringLiteral("activation-clustering")));

        // A record names its detect.json through every verdict; per data kind the lowest seed's file is read.
        pacd::RunRecord r;
        const auto seed1 =
            writeDetectJson(QDir(dir.path()), QStringLiteral("poison"), 1, {1}, {true}, {{QStringLiteral("spectral"), {0.1}}});
        for (const auto& [file, seed] : {std::pair{seed1, 1}, std::pair{path, 0}}) {
            pacd::DetectionResult d;
            d.data = "poison";
            d.detector = "spectral";
            d.seed = seed;
            d.scores = file.toStdString();
            r.detections.push_back(d);
        }
        pacd::DetectionResult gone;
        gone.data = "watermark";
        gone.scores = dir.filePath(QStringLiteral("gone/detect.json")).toStdString();
        r.detections.push_back(gone);
        QStringList problems;
        const auto sets = scoredSetsOf(r, &problems);
        QCOMPARE(sets.size(), 1);
        QCOMPARE(sets[0].seed, qint64(0));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems[0].contains(QStringLiteral("gone/detect.json")), qPrintable(problems[0]));

        // Scores that do not match the positions are refused with the file's name.
        const auto bad = writeDetectJson(QDir(dir.path()), QStringLiteral("bad"), 0, {1, 2}, {true, false},
                                         {{QStringLiteral("spectral"), {0.1}}});
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, readScoredSet(bad));
    }

    void rocEqualsCore() {
        const auto set = constructedSet();
        const auto series = rocSeries(set, QStringLiteral("spectral"));
        QVERIFY(series.isValid());
        QCOMPARE(series.auc, 5.0 / 9.0);    // by hand: (3 + 2 + 0) / 9
        QCOMPARE(series.tprAt5, 1.0 / 3.0); // no clean point may score above: only 0.9 > 0.8
        const std::vector<double> scores(kSpectral.begin(), kSpectral.end());
        const std::vector<bool> positive(kPoisoned.begin(), kPoisoned.end());
        const auto core = pacd::rocCurve(scores, positive);
        QCOMPARE(series.points.size(), int(core.size()));
        for (int i = 0; i < series.points.size(); ++i) {
            QCOMPARE(series.points[i].x(), core[std::size_t(i)].falsePositiveRate);
            QCOMPARE(series.points[i].y(), core[std::size_t(i)].truePositiveRate);
        }
        QCOMPARE(series.points.first(), QPointF(0, 0));
        QCOMPARE(series.points.last(), QPointF(1, 1));
        // Ties: one point per distinct score, AUC counting ties one half, as core does.
        const auto tied = rocSeries(set, QStringLiteral("deep-knn"));
        const std::vector<double> knn(kKnn.begin(), kKnn.end());
        QCOMPARE(tied.auc, pacd::rocAuc(knn, positive));
        QCOMPARE(tied.points.size(), 4); // (0,0) and the scores 0.5, 0.25, 0.0
        QCOMPARE(tied.tprAt5, pacd::tprAtFpr(knn, positive, 0.05));
        // Clean data (no poisons) and a detector that did not score: no curve.
        auto clean = set;
        clean.poisoned.fill(false);
        QVERIFY(!rocSeries(clean, QStringLiteral("spectral")).isValid());
        QVERIFY(!rocSeries(set, QStringLiteral("activation-clustering")).isValid());
    }

    void rocPlotShowsTheNumbers() {
        DefenderView view;
        view.setData(constructedData());
        auto* plot = view.rocPlots().first();
        QCOMPARE(plot->detector(), QStringLiteral("spectral"));
        // One curve per poison kind present, PACD first; the drawn curve is core's.
        QCOMPARE(plot->series().size(), 3);
        QCOMPARE(plot->series()[0].data, QStringLiteral("poison"));
        QCOMPARE(plot->series()[1].data, QStringLiteral("watermark"));
        QCOMPARE(plot->series()[2].data, QStringLiteral("random"));
        const auto expected = rocSeries(constructedSet(), QStringLiteral("spectral"));
        QCOMPARE(plot->drawnCurve(0), expected.points);
        QCOMPARE(plot->legendText(0), QStringLiteral("PACD: AUC 0.56, TPR@5% 33.3 %"));
        QCOMPARE(plot->graph(1)->name(), plot->legendText(0)); // graph 0 is the chance diagonal
        // The activation-clustering plot has nothing from this run; deep k-NN has its tied curve.
        QCOMPARE(view.rocPlots()[1]->series().size(), 0);
        QCOMPARE(view.rocPlots()[2]->drawnCurve(0), rocSeries(constructedSet(), QStringLiteral("deep-knn")).points);
    }

    void topScoredInScoreOrder() {
        const auto set = constructedSet();
        const auto top = topScoredPoints(set, QStringLiteral("spectral"), 4);
        QCOMPARE(top.size(), 4);
        const QVector<qint64> positions{100, 101, 102, 103};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(top[i].position, positions[i]);
            QCOMPARE(top[i].score, kSpectral[i]);
            QCOMPARE(top[i].poisoned, kPoisoned[i]);
        }
        // Ties keep the earlier row first (core's topScored, what a filter removes): 0.5 at rows 0, 1, 5.
        const auto knn = topScoredPoints(set, QStringLiteral("deep-knn"), 10);
        QCOMPARE(knn.size(), 6);
        const QVector<int> rows{0, 1, 5, 2, 3, 4};
        for (int i = 0; i < rows.size(); ++i) {
            QCOMPARE(knn[i].row, rows[i]);
            QCOMPARE(knn[i].poisoned, kPoisoned[rows[i]]);
            if (i > 0) QVERIFY(knn[i - 1].score >= knn[i].score);
        }

        DefenderView view;
        view.resize(900, 700);
        view.setData(constructedData());
        QCOMPARE(view.topKind(), QStringLiteral("poison"));
        const auto& shown = view.topScored()->rows();
        QCOMPARE(shown.size(), 2);
        QCOMPARE(shown[1].detector, QStringLiteral("deep-knn"));
        QCOMPARE(shown[1].points.size(), 6);
        QCOMPARE(shown[1].points[2].position, qint64(105));
        QVERIFY(shown[1].points[2].poisoned);
        QVERIFY(!shown[1].points[1].poisoned);
        QCOMPARE(shown[1].images[2].pixelColor(0, 0).red(), 105); // the image of the point, in the same order
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.topScored()->columnsShown() >= 6); // the whole top of a wide tab
        // Poisons framed red: just outside the first image (a poison) red, outside the second (clean) not.
        const QImage painted = view.topScored()->grab().toImage();
        const QRect poison = view.topScored()->cellRect(1, 0), clean = view.topScored()->cellRect(1, 1);
        QVERIFY(!poison.isEmpty() && !clean.isEmpty());
        const QColor red(214, 39, 40);
        const qreal ratio = painted.devicePixelRatio();
        const auto at = [&](QPoint p) { return painted.pixelColor(p * ratio); };
        QCOMPARE(at(poison.topLeft() + QPoint(poison.width() / 2, -1)), red);
        QVERIFY(at(clean.topLeft() + QPoint(clean.width() / 2, -1)) != red);
        QCOMPARE(at(poison.center()).red(), 100); // the image itself inside the frame: training point 100
        view.setTopKind(QStringLiteral("watermark"));
        QCOMPARE(view.topScored()->rows().size(), 2);
        view.setTopKind(QStringLiteral("random"));
        QCOMPARE(view.topScored()->rows().size(), 2);
        auto fewer = constructedData();
        fewer.top.remove(QStringLiteral("random")); // a run without the random baseline: nothing to show for it
        view.setData(fewer);
        QCOMPARE(view.topScored()->rows().size(), 0);
    }

    void sanitisedImageIsCores() {
        SanitizerPreview preview;
        PoisonPair pair;
        pair.position = 12;
        // A 4 × 4 image: clean 0.3 everywhere, the poison +0.25 at pixel (1, 1) (0.55 rounds up at 1 bit).
        pair.clean = {std::vector<float>(16, 0.3f), 1, 4, 4};
        pair.poisoned = pair.clean;
        pair.poisoned.pixels[5] = 0.55f;
        preview.setPairs({pair}, {pacd::Sanitizer::None, 0});
        // A run without a sanitiser starts with 1-bit reduction (MNIST's default).
        QCOMPARE(preview.sanitizer().kind, pacd::Sanitizer::BitDepth);
        QCOMPARE(preview.sanitizer().parameter, 1.0);
        QCOMPARE(preview.currentPair(), 0);
        const auto& s = preview.sanitized();
        QCOMPARE(int(s.pixels.size()), 16);
        for (int i = 0; i < 16; ++i)
            QCOMPARE(s.pixels[std::size_t(i)], i == 5 ? 1.0f : 0.0f); // round(x), by hand
        QVERIFY(std::abs(preview.deltaBefore() - 0.25) < 1e-6);
        QCOMPARE(preview.deltaAfter(), 1.0); // 1 bit amplifies this δ: the sanitised clean image is 0 there
        QVERIFY2(preview.summaryText().contains(QStringLiteral("Training image 12")), qPrintable(preview.summaryText()));

        // A 3 × 3 median wipes out a one-pixel perturbation entirely (one of 9 window values differs): δ 0 after.
        preview.setSanitizer({pacd::Sanitizer::Median, 3});
        QCOMPARE(preview.deltaAfter(), 0.0);
        QCOMPARE(preview.sanitized().pixels, sanitizeImage(pair.poisoned, {pacd::Sanitizer::Median, 3}).pixels);
        // Blur and JPEG: the shown image is exactly what core's sanitiser gives.
        preview.setSanitizer({pacd::Sanitizer::Blur, 1});
        QCOMPARE(preview.sanitized().pixels, sanitizeImage(pair.poisoned, {pacd::Sanitizer::Blur, 1}).pixels);
        QVERIFY(preview.deltaAfter() > 0 && preview.deltaAfter() < 0.25);
        preview.setSanitizer({pacd::Sanitizer::Jpeg, 50});
        try {
            const auto jpeg = sanitizeImage(pair.poisoned, {pacd::Sanitizer::Jpeg, 50});
            QCOMPARE(preview.sanitized().pixels, jpeg.pixels);
        } catch (const std::exception&) {
            QVERIFY(preview.sanitized().pixels.empty()); // a build without OpenCV: the message instead
            QVERIFY(!preview.summaryText().isEmpty());
        }
        // Picking another sanitiser in the box takes its default parameter.
        auto* kind = preview.findChild<QComboBox*>(QStringLiteral("sanitizerKind"));
        kind->setCurrentIndex(kind->findData(int(pacd::Sanitizer::Median)));
        QCOMPARE(preview.sanitizer().parameter, 3.0);
        // The run's own sanitiser comes first.
        preview.setPairs({pair}, {pacd::Sanitizer::Blur, 2});
        QCOMPARE(preview.sanitizer().kind, pacd::Sanitizer::Blur);
        QCOMPARE(preview.sanitizer().parameter, 2.0);
    }

    void defenseRowsFromTheStore() {
        QTemporaryDir dir;
        const QString storePath = dir.filePath(QStringLiteral("results.sqlite"));
        qint64 shownId = 0;
        {
            pacd::ResultsStore store(storePath.toStdString());
            auto none = record("mnist no defense", "defender-mnist", 0.53, 0.51);
            none.artefacts["poison"] = "/w/artefacts/poison-b/poisons.json";
            store.insert(none);
            // Another attack of the same preset (defender-mnist's half-class rows): its bars are not compared.
            auto half = record("mnist filter spectral", "defender-mnist", 0.45, 0.37);
            half.artefacts["poison"] = "/w/artefacts/poison-a/poisons.json";
            store.insert(half);
            store.insert(record("mnist bit-depth", "defender-mnist", 0.50, 0.40)); // superseded by the newer run
            auto other = record("mnist other", "table2-mnist", 0.9, 0.1);
            store.insert(other);
            auto failed = record("mnist jpeg", "defender-mnist", 0.1, 0.1);
            failed.status = "failed";
            store.insert(failed);
            shownId = store.insert(record("mnist bit-depth", "defender-mnist", 0.54, 0.53));
        }
        auto shown = record("mnist bit-depth", "defender-mnist", 0.54, 0.53);
        shown.id = shownId;
        shown.artefacts["poison"] = "/w/artefacts/poison-b/poisons.json";
        QStringList problems;
        const auto records = presetRecords(shown, storePath, &problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(records.size(), 2); // the preset's finished rows on the same poisons, the newest run of each, in run order
        QCOMPARE(records[0].name, std::string("mnist no defense"));
        QCOMPARE(records[1].id, shownId);
        const auto rows = defenseRows(records);
        QCOMPARE(rows[0].label, QStringLiteral("no defense"));
        QCOMPARE(rows[1].label, QStringLiteral("bit-depth"));
        QCOMPARE(rows[1].acr.value(QStringLiteral("poison")).first, 0.53);

        DefenseAcrPlot plot;
        plot.setRows(rows, shownId);
        QCOMPARE(plot.barValue(0, QStringLiteral("clean")), 0.53);
        QCOMPARE(plot.barValue(0, QStringLiteral("poison")), 0.51);
        QCOMPARE(plot.barValue(1, QStringLiteral("poison")), 0.53);
        QCOMPARE(plot.barValue(1, QStringLiteral("watermark")), -1.0);
        QCOMPARE(plot.rowLabel(1), QStringLiteral("▸ bit-depth")); // the run shown
        QCOMPARE(plot.rowLabel(0), QStringLiteral("no defense"));

        // No store (a live run recorded nowhere): the run alone, under its full name.
        const auto alone = defenseRows(presetRecords(shown, dir.filePath(QStringLiteral("none.sqlite")), &problems));
        QCOMPARE(alone.size(), 1);
        QCOMPARE(alone[0].label, QStringLiteral("mnist bit-depth"));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("none.sqlite")))); // and none created
    }

    void emptyStateWithoutDefenderStages() {
        DefenderView view;
        QVERIFY(view.showsEmptyState());
        QSignalSpy loaded(&view, &DefenderView::loaded);
        view.setRecord(record("ui tiny", "", 0.5, 0.3), {}, {});
        QVERIFY(loaded.wait(10'000));
        QVERIFY(view.showsEmptyState());
        QVERIFY2(view.emptyText().contains(QStringLiteral("defender-mnist")), qPrintable(view.emptyText()));
        QVERIFY(!view.data().hasDefense());
        // Data with detections shows the tab's content instead; a run with a sanitiser only does too.
        view.setData(constructedData());
        QVERIFY(!view.showsEmptyState());
        DefenderData sanitised;
        sanitised.runId = 5;
        sanitised.runName = QStringLiteral("mnist jpeg");
        sanitised.runSanitizer = {pacd::Sanitizer::Jpeg, 50};
        view.setData(sanitised);
        QVERIFY(!view.showsEmptyState());
        QVERIFY2(view.statusText().contains(QStringLiteral("no detection stage")), qPrintable(view.statusText()));
        view.clear();
        QVERIFY(view.showsEmptyState());
    }

    void loaderReadsTheRunsFiles() {
        // The loader end to end on a run whose detect stage scored six MNIST training points (no poison set: the
        // training file's own images), in a worker, as the window starts it.
        QTemporaryDir dir;
        const auto path = writeDetectJson(QDir(dir.path()), QStringLiteral("poison"), 0, {0, 1, 2, 3, 4, 5}, kPoisoned,
                                          {{QStringLiteral("spectral"), kSpectral}});
        auto r = record("mnist no defense", "", 0.5, 0.4);
        auto spec = pacd::ui::test::tinySpec("mnist no defense");
        spec.detect = true;
        r.specJson = spec.toJson();
        pacd::DetectionResult d;
        d.data = "poison";
        d.detector = "spectral";
        d.scores = path.toStdString();
        r.detections.push_back(d);
        r.id = 3;
        DefenderView view;
        QSignalSpy loaded(&view, &DefenderView::loaded);
        view.setRecord(r, {}, {});
        QVERIFY(view.isLoading());
        QVERIFY(loaded.wait(60'000));
        const auto& data = view.data();
        if (!data.problems.isEmpty() && data.top.isEmpty())
            QSKIP(qPrintable(QStringLiteral("MNIST is not provisioned here: %1").arg(data.problems.join(QLatin1Char(' ')))));
        QVERIFY2(data.problems.isEmpty(), qPrintable(data.problems.join(QLatin1Char('\n'))));
        QVERIFY(!view.showsEmptyState());
        QCOMPARE(data.sets.size(), 1);
        const auto rows = data.top.value(QStringLiteral("poison"));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].points.size(), 6);
        QCOMPARE(rows[0].images.size(), 6);
        QCOMPARE(rows[0].images[0].size(), QSize(28, 28));
        QVERIFY(rows[0].images[0] != rows[0].images[1]); // training images 0 and 1 differ (a 5 and a 0)
        QCOMPARE(data.rows.size(), 1);
        QCOMPARE(view.rocPlots()[0]->series()[0].auc, 5.0 / 9.0);
        QVERIFY(data.pairs.empty()); // no PACD poison set in this record
    }

    void exportIncludesTheDefenderPlots() {
        MainWindowOptions options;
        options.resultsStore = QStringLiteral("none");
        options.restoreSettings = false;
        MainWindow window(options);
        QTemporaryDir out;
        QString error;
        const auto before = window.exports()->exportPlots(out.filePath(QStringLiteral("a")), {QStringLiteral("png")}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // No defended run shown: no empty ROC frames among the figures.
        QVERIFY(!before.join(QLatin1Char(' ')).contains(QStringLiteral("roc-")));
        window.defenderView()->setData(constructedData());
        const auto after = window.exports()->exportPlots(out.filePath(QStringLiteral("b")),
                                                         {QStringLiteral("png"), QStringLiteral("svg")}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(after.size(), 2 * (before.size() + 4)); // three ROC plots and the defense bars, in both formats
        for (const auto* name : {"roc-spectral.png", "roc-activation-clustering.svg", "roc-deep-knn.png", "defenseAcrPlot.svg"})
            QVERIFY2(QFileInfo(out.filePath(QStringLiteral("b/") + QLatin1String(name))).size() > 1000, name);
        QCOMPARE(QImage(out.filePath(QStringLiteral("b/roc-spectral.png"))).size(), QSize(1890, 1181)); // 16 × 10 cm, 300 dpi
    }

    // Presentation mode at projector sizes: no plot text of the tab overlaps another or leaves its plot, no legend
    // covers a curve; the images keep a useful size.
    void presentationLayoutHasNoOverlaps_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("presentation");
        QTest::newRow("normal 1280x820") << QSize(1280, 820) << false;
        QTest::newRow("presentation 1280x720") << QSize(1280, 720) << true;
        QTest::newRow("presentation 1920x1080") << QSize(1920, 1080) << true;
    }
    void presentationLayoutHasNoOverlaps() {
        QFETCH(QSize, size);
        QFETCH(bool, presentation);
        MainWindowOptions options;
        options.resultsStore = QStringLiteral("none");
        options.restoreSettings = false;
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* view = window.defenderView();
        auto data = constructedData();
        data.rows << DefenseRow{QStringLiteral("filter activation-clustering"), 9, {{QStringLiteral("clean"), {0.4, 0}}}};
        view->setData(data);
        window.tabs()->setCurrentWidget(view);
        if (presentation) {
            window.setPresentationMode(true);
            window.showNormal(); // offscreen keeps a full-screen window at its own screen's size
        }
        window.resize(size);
        QTRY_COMPARE(window.size(), size);
        QList<QCustomPlot*> plots;
        for (auto* plot : view->plots())
            plots << plot;
        test::settle(plots);
        const QString dir = qEnvironmentVariable("PACD_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            window.grab().save(QDir(dir).filePath(QStringLiteral("defender-%1x%2%3.png")
                                                      .arg(size.width())
                                                      .arg(size.height())
                                                      .arg(presentation ? QStringLiteral("-presentation") : QString())));
        for (auto* plot : plots) {
            const auto problems = plotLayoutProblems(*plot);
            QVERIFY2(problems.isEmpty(),
                     qPrintable(QStringLiteral("%1: %2").arg(plot->objectName(), problems.join(QStringLiteral("; ")))));
            QVERIFY(plot->isVisible());
            if (presentation) QVERIFY(plot->xAxis->tickLabelFont().pointSizeF() > QApplication::font().pointSizeF() * 1.3);
        }
        QVERIFY(view->topScored()->columnsShown() >= 4);
        QVERIFY(view->sanitizerPreview()->isVisible());
        const QRect tab = view->rect();
        for (auto* w : QList<QWidget*>{view->topScored(), view->sanitizerPreview(), view->acrPlot()}) {
            const QRect inView(w->mapTo(view, QPoint(0, 0)), w->size());
            QVERIFY2(tab.contains(inView), qPrintable(w->objectName()));
            QVERIFY(w->height() > 80);
        }
    }
};

QTEST_MAIN(TestDefenderView)
#include "tst_defender_view.moc"
