// Numbers explained where they appear: the n-limited radius cap on the radius plots with its warning, certified
// accuracy as exact steps at the stored radii with seeds in the legend, and the result card's text.
#include "plots/certified_accuracy_plot.h"
#include "plots/plot_caption.h"
#include "plots/plots_view.h"
#include "plots/radius_cap.h"
#include "plots/radius_histogram_plot.h"
#include "plots/result_card.h"

#include <QtTest/QtTest>

using namespace pacd::ui;

namespace {
pacd::VictimResult victim(const char* data, std::int64_t seed, double acr, double aca, std::vector<double> radii = {},
                          double atCap = 0) {
    pacd::VictimResult v;
    v.data = data;
    v.seed = seed;
    v.acr = acr;
    v.aca = aca;
    v.pointRadii = std::move(radii);
    v.fractionAtCap = atCap;
    return v;
}
} // namespace

class TestPlotExplanations : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    // σ·Φ⁻¹(α^(1/n)); references from Python's statistics.NormalDist().inv_cdf, an independent implementation.
    void capFormula() {
        QVERIFY(std::abs(radiusCap(0.25, 1000, 0.001) - 0.6158156536952025) < 1e-9);
        QVERIFY(std::abs(radiusCap(0.5, 100000, 0.001) - 1.9057282816949568) < 1e-9);
        QCOMPARE(radiusCap(0.0, 1000, 0.001), 0.0); // not a valid certification: no line
        QCOMPARE(radiusCap(0.25, 1000, 1.5), 0.0);
    }

    void capOnBothRadiusPlots() {
        PlotsView view;
        view.setCertification(0.25, 1000, 0.001);
        const double cap = view.certifiedAccuracyPlot()->capMarker().cap();
        QVERIFY(std::abs(cap - 0.6158156536952025) < 1e-9);
        QCOMPARE(view.radiusHistogramPlot()->capMarker().cap(), cap);
        // Most clean points at the cap (67 %, as the demo's n = 1,000 run): both plots warn and say by how much.
        view.addVictim(victim("clean", 0, 0.55, 0.98, {0.2, cap, cap}, 0.67));
        view.addVictim(victim("poison", 0, 0.41, 0.90, {0.0, 0.1, cap}, 0.33));
        const QString warning = view.radiusHistogramPlot()->capMarker().warning();
        QVERIFY2(warning.contains(QStringLiteral("clean 67 %")), qPrintable(warning));
        QVERIFY2(!warning.contains(QStringLiteral("poisoned")), qPrintable(warning)); // 33 % is not most
        QVERIFY(warning.contains(QStringLiteral("n = 1,000")) || warning.contains(QStringLiteral("n = 1000")));
        QCOMPARE(view.certifiedAccuracyPlot()->capMarker().warning(), warning);
        QVERIFY(view.radiusHistogramPlot()->capMarker().warningShown());    // drawn on the histogram,
        QVERIFY(!view.certifiedAccuracyPlot()->capMarker().warningShown()); // not over the curves
        // The radius axes reach past the cap, so that its line is inside the plot.
        QTRY_VERIFY(view.radiusHistogramPlot()->xAxis->range().upper > cap);
        QTRY_VERIFY(view.certifiedAccuracyPlot()->xAxis->range().upper > cap);
        view.startRun(1); // a new run: no victims, no warning, the cap stays until the next plan sets it
        QVERIFY(view.radiusHistogramPlot()->capMarker().warning().isEmpty());
        QCOMPARE(view.radiusHistogramPlot()->capMarker().cap(), cap);
    }

    // Hand-computed: radii {0, 0.3, 0.3, 0.5, cap} of 5 points: 4 of 5 certified above 0, 2 above 0.3, 1 above 0.5,
    // none above the cap.
    void certifiedAccuracySteps() {
        const double cap = 0.6158;
        const auto steps = CertifiedAccuracyPlot::steps({0.5, 0.0, 0.3, cap, 0.3});
        const QVector<QPointF> expected{{0.0, 0.8}, {0.3, 0.4}, {0.5, 0.2}, {cap, 0.0}};
        QCOMPARE(steps, expected);
        QVERIFY(CertifiedAccuracyPlot::steps({}).isEmpty());
        QCOMPARE(CertifiedAccuracyPlot::steps({0.0, 0.0}), (QVector<QPointF>{{0.0, 0.0}})); // nothing certified

        CertifiedAccuracyPlot plot;
        plot.addVictim(victim("clean", 0, 0.3, 0.8, {0.5, 0.0, 0.3, cap, 0.3}));
        plot.addVictim(victim("clean", 1, 0.3, 0.8, {0.4}));
        plot.addVictim(victim("poison", 0, 0.1, 0.5, {0.0, 0.2}));
        QCOMPARE(plot.curve(0), expected);
        QCOMPARE(plot.curve(1), (QVector<QPointF>{{0.0, 1.0}, {0.4, 0.0}}));
        QCOMPARE(plot.curve(2), (QVector<QPointF>{{0.0, 0.5}, {0.2, 0.0}}));
        // The legend tells colours (data) and dash styles (seeds) apart: clean, poisoned, seed 0, seed 1.
        QStringList names;
        for (int i = 0; i < plot.legend->itemCount(); ++i)
            if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(i))) names << item->plottable()->name();
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("clean"), QStringLiteral("poisoned"), QStringLiteral("seed 0"),
                                     QStringLiteral("seed 1")}));
        // Seed 1's curve is dashed, seed 0's solid, in the clean colour both.
        QCOMPARE(plot.graph(0)->pen().style(), Qt::SolidLine);
        int seedOne = -1;
        for (int i = 0; i < plot.graphCount(); ++i)
            if (plot.graph(i)->dataCount() == 2 && plot.graph(i)->data()->at(1)->key == 0.4) seedOne = i;
        QVERIFY(seedOne >= 0);
        QCOMPARE(plot.graph(seedOne)->pen().style(), Qt::DashLine);
        QCOMPARE(plot.graph(seedOne)->pen().color(), plot.graph(0)->pen().color());
    }

    // Every plot has a title and a caption: the caption in regular (not bold) type smaller than the title's, also
    // after the font grows for a projector (they once both came out bold at the title's size).
    void captionsAreRegularAndSmallerThanTitles() {
        PlotsView view;
        for (const double points : {10.0, 15.0}) {
            QFont font = view.font();
            font.setPointSizeF(points);
            view.setFont(font);
            QCoreApplication::processEvents();
            for (auto* plot : view.plots()) {
                QCPTextElement *title = nullptr, *caption = nullptr;
                for (auto* element : plot->plotLayout()->elements(true))
                    if (auto* text = qobject_cast<QCPTextElement*>(element)) (isPlotCaption(text) ? caption : title) = text;
                QVERIFY2(title && caption, qPrintable(plot->objectName()));
                const QString what = QStringLiteral("%1 at %2 pt").arg(plot->objectName()).arg(points);
                QVERIFY2(title->font().bold(), qPrintable(what));
                QVERIFY2(!caption->font().bold(), qPrintable(what));
                QVERIFY2(caption->font().weight() == QFont::Normal, qPrintable(what));
                QVERIFY2(caption->font().pointSizeF() < plot->xAxis->tickLabelFont().pointSizeF(), qPrintable(what));
                QVERIFY2(std::abs(caption->font().pointSizeF() - 0.85 * points) < 0.01, qPrintable(what));
                QVERIFY2(std::abs(title->font().pointSizeF() - 1.1 * points) < 0.01, qPrintable(what));
            }
        }
    }

    // ACR 0.555 → 0.550 → 0.415: −0.9 % and −25.2 %; ACA 98.5 % → 98.0 % → 91.0 %: −0.5 % and −7.6 %.
    void resultCardText() {
        const std::vector<pacd::VictimResult> victims{victim("clean", 0, 0.55, 0.98),       victim("clean", 1, 0.56, 0.99),
                                                      victim("watermark", 0, 0.545, 0.975), victim("watermark", 1, 0.555, 0.985),
                                                      victim("poison", 0, 0.41, 0.90),      victim("poison", 1, 0.42, 0.92)};
        const QString html = ResultCard::cardText(victims, QLocale::c());
        // "0.555 ± 0.007" and "(−0.9 %)" are each one unbreakable piece (&nbsp;), so a narrow card breaks between them.
        QVERIFY(html.contains(QStringLiteral("0.555&nbsp;±&nbsp;0.007")) && html.contains(QStringLiteral("(−0.9&nbsp;%)")));
        const QString text = QString(html).replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
        for (const char* part : {"0.555 → 0.550 → 0.415", "seeds 0, 1", "0.555 ± 0.007", "98.5", "98.0", "91.0", "−0.9 %",
                                 "−25.2 %", "−0.5 %", "−7.6 %", "clean", "watermarked", "poisoned"})
            QVERIFY2(text.contains(QString::fromUtf8(part)),
                     qPrintable(QStringLiteral("%1 lacks %2").arg(text, QString::fromUtf8(part))));
        QVERIFY(ResultCard::cardText({}, QLocale::c()).contains(QStringLiteral("appear here")));
        // German numbers: decimal commas.
        QVERIFY(ResultCard::cardText(victims, QLocale(QLocale::German)).contains(QStringLiteral("0,555 → 0,550 → 0,415")));
        // The view's card follows its victims and empties with a new run.
        PlotsView view;
        for (const auto& v : victims)
            view.addVictim(v);
        QCOMPARE(view.resultCard()->text(), ResultCard::cardText(victims, view.resultCard()->locale()));
        view.startRun(1);
        QVERIFY(view.resultCard()->text().contains(QStringLiteral("appear here")));
    }
};

QTEST_MAIN(TestPlotExplanations)
#include "tst_plot_explanations.moc"
