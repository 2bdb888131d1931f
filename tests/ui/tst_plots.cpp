// Plots: bursts of data coalesce into few replots; bars and histograms show the right numbers.
#include "plot_test_support.h"
#include "plots/acr_bars_plot.h"
#include "plots/attack_plot.h"
#include "plots/certified_accuracy_plot.h"
#include "plots/plot_geometry.h"
#include "plots/plots_view.h"
#include "plots/radius_histogram_plot.h"
#include "plots/training_plot.h"

#include <QtTest/QtTest>

using namespace pacd::ui;

namespace {
pacd::VictimResult victim(const char* data, double acr, std::vector<double> radii = {}) {
    pacd::VictimResult v;
    v.data = data;
    v.acr = acr;
    v.pointRadii = std::move(radii);
    v.radii = {0.0, 0.25, 0.5};
    v.certifiedAccuracy = {0.9, 0.6, 0.2};
    return v;
}
} // namespace

class TestPlots : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void burstsCoalesce() {
        AttackPlot plot;
        plot.setReplotInterval(100);
        for (int i = 0; i < 1000; ++i)
            plot.addStep(i, 0.5 - i * 1e-4, 1.0);
        QCOMPARE(plot.pointCount(), 3000);   // raw and averaged upper level, lower level
        QTRY_COMPARE(plot.replotCount(), 1); // 1000 additions, one replot
        QTest::qWait(250);
        QCOMPARE(plot.replotCount(), 1); // nothing new: no more replots
    }
    void acrBarsAreMeanAndSd() {
        AcrBarsPlot plot;
        plot.addVictim(victim("clean", 0.5));
        plot.addVictim(victim("clean", 0.7));
        plot.addVictim(victim("poison", 0.3));
        const auto clean = plot.shown(QStringLiteral("clean"));
        QCOMPARE(clean.first, 0.6);
        QVERIFY(std::abs(clean.second - std::sqrt(0.02)) < 1e-12); // sample s.d. of {0.5, 0.7}
        QCOMPARE(plot.shown(QStringLiteral("poison")).second, 0.0);
        QCOMPARE(plot.shown(QStringLiteral("watermark")).first, -1.0);
        QTRY_VERIFY(plot.replotCount() >= 1);
        QCOMPARE(plot.yAxis->range().lower, 0.0); // bars start at 0, with room for the error bar
        QVERIFY(plot.yAxis->range().upper >= clean.first + clean.second);
        QCOMPARE(plot.xAxis->range().lower, 0.4); // every data kind keeps its slot
    }
    void categoryNamesBreakBeforeTheySlant() {
        // Names with a space (German "mit Wasserzeichen") first take two level lines; slanted text would take the
        // axes' height. Too narrow for two lines: one slanted line, the names as the plot set them.
        AcrBarsPlot plot;
        plot.addVictim(victim("clean", 0.5));
        plot.addVictim(victim("poison", 0.3));
        auto names = QSharedPointer<QCPAxisTickerText>::create();
        names->addTick(1, QStringLiteral("sauber trainiert"));
        names->addTick(2, QStringLiteral("mit Wasserzeichen"));
        names->addTick(3, QStringLiteral("vergiftet"));
        plot.xAxis->setTicker(names);
        const int wide = QFontMetrics(plot.xAxis->tickLabelFont()).horizontalAdvance(QStringLiteral("mit Wasserzeichen"));
        plot.resize(3 * wide + 40, 260); // room for "Wasserzeichen" thrice, not for "mit Wasserzeichen"
        plot.show();
        test::settle({&plot});
        QCOMPARE(plot.xAxis->tickLabelRotation(), 0.0);
        QCOMPARE(names->ticks().value(2), QStringLiteral("mit\nWasserzeichen"));
        QCOMPARE(names->ticks().value(3), QStringLiteral("vergiftet")); // one word stays
        QVERIFY(!tickLabelsCollide(plot.xAxis));
        plot.resize(wide + 40, 260);
        test::settle({&plot});
        QVERIFY(plot.xAxis->tickLabelRotation() < 0);
        QCOMPARE(names->ticks().value(2), QStringLiteral("mit Wasserzeichen"));
        QVERIFY(!tickLabelsCollide(plot.xAxis));
        plot.resize(3 * wide + 40, 260); // room again: level, broken names
        test::settle({&plot});
        QCOMPARE(plot.xAxis->tickLabelRotation(), 0.0);
        QCOMPARE(names->ticks().value(2), QStringLiteral("mit\nWasserzeichen"));
    }
    void histogramFractions() {
        RadiusHistogramPlot plot;
        // Largest radius 2.0 → bins of 0.1; 0 and 0.05 fall in bin 0, 1.0 in bin 10, 2.0 in the last bin.
        plot.addVictim(victim("clean", 0, {0.0, 0.05, 1.0, 2.0}));
        const auto f = plot.fractions(QStringLiteral("clean"));
        QCOMPARE(f.size(), RadiusHistogramPlot::kBins);
        QCOMPARE(f[0], 0.5);
        QCOMPARE(f[10], 0.25);
        QCOMPARE(f[RadiusHistogramPlot::kBins - 1], 0.25);
    }
    void viewRoutesMetrics() {
        PlotsView view;
        view.startRun(4);
        MetricSample poison;
        poison.stage = QStringLiteral("poison");
        poison.step = 1;
        poison.metrics = {{QStringLiteral("upper"), 0.4}, {QStringLiteral("lower"), 2.0}};
        MetricSample train;
        train.stage = QStringLiteral("train-epoch");
        train.run = QStringLiteral("train poison seed 0");
        train.step = 2;
        train.total = 4;
        train.metrics = {{QStringLiteral("loss"), 0.7}};
        view.addMetrics({poison, train});
        QCOMPARE(view.attackPlot()->pointCount(), 3);
        QCOMPARE(view.trainingPlot()->pointCount(), 1);
        QCOMPARE(view.trainingPlot()->graph(0)->data()->at(0)->key, 2.0); // after epoch 2
        view.addVictim(victim("clean", 0.5, {0.1}));
        QCOMPARE(view.certifiedAccuracyPlot()->pointCount(), 2); // from its one radius: (0, 1) and (0.1, 0)
        view.startRun(1);
        for (auto* plot : view.plots())
            QCOMPARE(plot->pointCount(), 0);
        // Eq. 4's attack (Table 1) minimises ξ = −CE: the plot shows the cross-entropy it raises, and says so.
        view.startRun(1, pacd::AttackObjective::CrossEntropy);
        view.addMetrics({poison});
        QCOMPARE(view.attackPlot()->graph(0)->data()->at(0)->value, -0.4);
        QVERIFY(view.attackPlot()->yAxis->label().contains(QStringLiteral("cross-entropy")));
        view.startRun(1);
        QVERIFY(view.attackPlot()->yAxis->label().contains(QStringLiteral("soft ACR")));
    }
};

QTEST_MAIN(TestPlots)
#include "tst_plots.moc"
