// Export: plots as PNG / PDF / SVG at the requested size, the inspector grid as PNG, and the poisoned data set
// through the core (its error reaches the GUI with the file named).
#include "export/dataset_export.h"
#include "export/dataset_export_dialog.h"
#include "export/plot_export.h"
#include "export/plot_export_dialog.h"
#include "inspector/image_inspector.h"

#include <QtTest/QtTest>

#include "plots/qcustomplot_include.h"
#include <QSvgRenderer>

#include <cmath>
#include <memory>

using namespace pacd::ui;

namespace {

std::unique_ptr<QCustomPlot> samplePlot() {
    auto plot = std::make_unique<QCustomPlot>();
    plot->resize(600, 400);
    auto* graph = plot->addGraph();
    QVector<double> x, y;
    for (int i = 0; i <= 50; ++i) {
        x << i / 10.0;
        y << std::sin(i / 10.0);
    }
    graph->setData(x, y);
    graph->setPen(QPen(Qt::red, 2));
    plot->xAxis->setLabel(QStringLiteral("epoch"));
    plot->rescaleAxes();
    return plot;
}

int nonWhitePixels(const QImage& image) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += image.pixelColor(x, y) != QColor(Qt::white);
    return count;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void pixelSizeFromCentimetres();
    void formatFromSuffix();
    void pngHasTheRequestedPixels_data();
    void pngHasTheRequestedPixels();
    void pdfHasTheRequestedPage();
    void svgHasTheRequestedViewBox();
    void badSettingsAreRefusedWithoutAFile();
    void dialogExports();
    void inspectorGridAsPng();
    void datasetExportNamesTheMissingFile();
    void datasetExportDialogReportsTheError();
    void screenshots();
};

void TestExport::pixelSizeFromCentimetres() {
    // 16 × 10 cm at 300 dpi: 16 / 2.54 · 300 = 1889.8 → 1890, 10 / 2.54 · 300 = 1181.1 → 1181.
    QCOMPARE(exportPixelSize(PlotExportSettings{}), QSize(1890, 1181));
    PlotExportSettings pixels{PlotFormat::Png, 800, 500, SizeUnit::Pixels, 100};
    QCOMPARE(exportPixelSize(pixels), QSize(800, 500));
    QVERIFY(std::abs(exportMillimetres(pixels).width() - 203.2) < 1e-9); // 8 inches
}

void TestExport::formatFromSuffix() {
    QVERIFY(plotFormatForFile(QStringLiteral("a/b.PDF")) == PlotFormat::Pdf);
    QVERIFY(plotFormatForFile(QStringLiteral("b.svg")) == PlotFormat::Svg);
    QVERIFY(plotFormatForFile(QStringLiteral("b.png")) == PlotFormat::Png);
    QCOMPARE(plotFormatSuffix(PlotFormat::Svg), QStringLiteral("svg"));
}

void TestExport::pngHasTheRequestedPixels_data() {
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("height");
    QTest::addColumn<int>("unit");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("800×500 px at 150 dpi") << 800.0 << 500.0 << int(SizeUnit::Pixels) << 150 << QSize(800, 500);
    QTest::newRow("8×5 cm at 300 dpi") << 8.0 << 5.0 << int(SizeUnit::Centimetres) << 300 << QSize(945, 591);
    QTest::newRow("odd pixels at 96 dpi") << 333.0 << 211.0 << int(SizeUnit::Pixels) << 96 << QSize(333, 211);
}

void TestExport::pngHasTheRequestedPixels() {
    QFETCH(double, width);
    QFETCH(double, height);
    QFETCH(int, unit);
    QFETCH(int, dpi);
    QFETCH(QSize, expected);
    auto plot = samplePlot();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plot.png"));
    QString error;
    QVERIFY2(
        exportPlot(*plot, path, PlotExportSettings{PlotFormat::Png, width, height, static_cast<SizeUnit>(unit), dpi}, &error),
        qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), expected);
    QVERIFY(std::abs(image.dotsPerMeterX() - dpi / 0.0254) < 1.0);
    // Something is drawn, and the red curve is there.
    QVERIFY(nonWhitePixels(image) > expected.width() * expected.height() / 100);
    bool red = false;
    for (int y = 0; y < image.height() && !red; ++y)
        for (int x = 0; x < image.width() && !red; ++x) {
            const QColor c = image.pixelColor(x, y);
            red = c.red() > 200 && c.green() < 60 && c.blue() < 60;
        }
    QVERIFY(red);
}

void TestExport::pdfHasTheRequestedPage() {
    auto plot = samplePlot();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plot.pdf"));
    QString error;
    QVERIFY2(exportPlot(*plot, path, PlotExportSettings{PlotFormat::Pdf, 8, 5, SizeUnit::Centimetres, 300}, &error),
             qPrintable(error));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pdf.size() > 1000);
    // The page is 8 × 5 cm: 226.77 × 141.73 points.
    const auto match =
        QRegularExpression(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]")).match(QString::fromLatin1(pdf));
    QVERIFY(match.hasMatch());
    QVERIFY2(std::abs(match.captured(1).toDouble() - 80 / 25.4 * 72) < 1.0, qPrintable(match.captured(0)));
    QVERIFY2(std::abs(match.captured(2).toDouble() - 50 / 25.4 * 72) < 1.0, qPrintable(match.captured(0)));
}

void TestExport::svgHasTheRequestedViewBox() {
    auto plot = samplePlot();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plot.svg"));
    QString error;
    QVERIFY2(exportPlot(*plot, path, PlotExportSettings{PlotFormat::Svg, 800, 500, SizeUnit::Pixels, 100}, &error),
             qPrintable(error));
    const QByteArray svg = readAll(path);
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains("<path") || svg.contains("<polyline"));
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(0, 0, 800, 500));
    // Physical size 8 × 5 inches at 100 dpi.
    QVERIFY2(svg.contains("width=\"203.2mm\"") || svg.contains("width=\"203.2"), svg.left(600).constData());
}

void TestExport::badSettingsAreRefusedWithoutAFile() {
    auto plot = samplePlot();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tiny.png"));
    QString error;
    QVERIFY(!exportPlot(*plot, path, PlotExportSettings{PlotFormat::Png, 4, 4, SizeUnit::Pixels, 96}, &error));
    QVERIFY(error.contains(QStringLiteral("4 × 4")));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!exportPlot(*plot, dir.filePath(QStringLiteral("missing/dir/p.png")), PlotExportSettings{}, &error));
    QVERIFY2(error.contains(QStringLiteral("missing/dir/p.png")), qPrintable(error));
}

void TestExport::dialogExports() {
    auto plot = samplePlot();
    QTemporaryDir dir;
    PlotExportDialog dialog(*plot);
    dialog.setSettings(PlotExportSettings{PlotFormat::Png, 640, 480, SizeUnit::Pixels, 96});
    dialog.setPath(dir.filePath(QStringLiteral("from-dialog.svg"))); // the suffix picks the format
    QVERIFY(dialog.settings().format == PlotFormat::Svg);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QSvgRenderer renderer(dialog.path());
    QCOMPARE(renderer.viewBox(), QRect(0, 0, 640, 480));
}

void TestExport::inspectorGridAsPng() {
    ImageInspector inspector;
    QVector<float> clean(28 * 28, 0.2f), poisoned(28 * 28, 0.3f);
    inspector.updateImages({1, 2}, {poisoned, poisoned}, {clean, clean}, 1, 28, 28);
    const QImage grid = inspector.gridImage();
    QVERIFY(grid.width() >= 3 * 28 && grid.height() >= 2 * 28);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("grid.png"));
    QString error;
    QVERIFY2(saveImagePng(grid, path, &error), qPrintable(error));
    QCOMPARE(QImage(path).size(), grid.size());
    QVERIFY(!saveImagePng(QImage(), path, &error));
}

void TestExport::datasetExportNamesTheMissingFile() {
    QTemporaryDir dir;
    DatasetExportRequest request;
    request.manifest = dir.filePath(QStringLiteral("no-such-poison.json"));
    request.outDir = dir.filePath(QStringLiteral("out"));
    auto result = exportPoisonedDataset(request);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("no-such-poison.json")), qPrintable(result.error));
    request.format = QStringLiteral("jpeg");
    result = exportPoisonedDataset(request);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("jpeg")), qPrintable(result.error));
}

void TestExport::datasetExportDialogReportsTheError() {
    QTemporaryDir dir;
    DatasetExportDialog dialog;
    DatasetExportRequest request;
    request.manifest = dir.filePath(QStringLiteral("missing.json"));
    request.outDir = dir.filePath(QStringLiteral("out"));
    request.format = QStringLiteral("png");
    dialog.setRequest(request);
    QCOMPARE(dialog.request().format, QStringLiteral("png"));
    QSignalSpy finished(&dialog, &DatasetExportDialog::exportFinished);
    dialog.startExport();
    QVERIFY(dialog.isBusy());
    QVERIFY(finished.wait(10000));
    QVERIFY(!dialog.isBusy());
    const auto result = finished.at(0).at(0).value<DatasetExportResult>();
    QVERIFY(!result.ok);
    QVERIFY(result.error.contains(QStringLiteral("missing.json")));
}

void TestExport::screenshots() {
    // Always taken (offscreen in ctest, into a scratch folder); PACD_SCREENSHOT_DIR keeps them.
    QTemporaryDir scratch;
    const QString dir = qEnvironmentVariable("PACD_SCREENSHOT_DIR", scratch.path());
    auto plot = samplePlot();
    PlotExportDialog plotDialog(*plot);
    plotDialog.setPath(QStringLiteral("/home/user/figures/acr.pdf"));
    plotDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plotDialog));
    QVERIFY(plotDialog.grab().save(QDir(dir).filePath(QStringLiteral("export-plot-dialog.png"))));
    DatasetExportDialog dataDialog;
    DatasetExportRequest request;
    request.manifest = QStringLiteral("/home/user/runs/mnist-8-ga.json");
    request.outDir = QStringLiteral("/home/user/poisoned-mnist");
    dataDialog.setRequest(request);
    dataDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dataDialog));
    QVERIFY(dataDialog.grab().save(QDir(dir).filePath(QStringLiteral("export-dataset-dialog.png"))));
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
