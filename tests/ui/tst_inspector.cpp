// The image inspector: SSIM / PSNR / norms against known values and an independent SSIM, the grid's cells, the
// δ colour map, the blend slider and the zoom dialog.
#include "i18n/language.h"
#include "inspector/image_cell.h"
#include "inspector/image_inspector.h"
#include "inspector/image_metrics.h"
#include "inspector/image_render.h"
#include "inspector/zoom_dialog.h"

#include <QtTest/QtTest>

#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

using namespace pacd::ui;

namespace {

std::vector<float> randomImage(const ImageShape& shape, quint32 seed) {
    QRandomGenerator random(seed);
    std::vector<float> image(static_cast<std::size_t>(shape.size()));
    for (auto& v : image)
        v = static_cast<float>(random.generateDouble());
    return image;
}

// Wang et al.'s SSIM written out directly: Gaussian 11×11 (σ = 1.5, normalised) over every window inside the
// image, population statistics, C1 = 0.01², C2 = 0.03², mean over windows and channels. An independent check of
// the OpenCV implementation.
double referenceSsim(const std::vector<float>& a, const std::vector<float>& b, const ImageShape& shape) {
    double w[11][11], sum = 0;
    for (int i = 0; i < 11; ++i)
        for (int j = 0; j < 11; ++j)
            sum += w[i][j] = std::exp(-((i - 5) * (i - 5) + (j - 5) * (j - 5)) / (2 * 1.5 * 1.5));
    double total = 0;
    int windows = 0;
    for (int c = 0; c < shape.channels; ++c)
        for (int y = 5; y < shape.height - 5; ++y)
            for (int x = 5; x < shape.width - 5; ++x) {
                double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
                for (int i = 0; i < 11; ++i)
                    for (int j = 0; j < 11; ++j) {
                        const int k = c * shape.height * shape.width + (y + i - 5) * shape.width + (x + j - 5);
                        const double g = w[i][j] / sum, p = a[k], q = b[k];
                        mx += g * p, my += g * q, sxx += g * p * p, syy += g * q * q, sxy += g * p * q;
                    }
                sxx -= mx * mx, syy -= my * my, sxy -= mx * my;
                total += (2 * mx * my + 1e-4) * (2 * sxy + 9e-4) / ((mx * mx + my * my + 1e-4) * (sxx + syy + 9e-4));
                ++windows;
            }
    return total / windows;
}

QVector<float> toQVector(const std::vector<float>& v) {
    return QVector<float>(v.begin(), v.end());
}

// For screenshots of real poisons without torch: the first `count` images of an MNIST poison set (manifest JSON +
// float32 IDX) and their bases from the raw MNIST training file. Empty when anything is missing.
struct RealPoisons {
    QVector<qint64> rows;
    QVector<QVector<float>> clean, poisoned;
    double epsilon = 0;
};

RealPoisons readMnistPoisons(const QString& manifestPath, const QString& mnistImages, int count) {
    RealPoisons out;
    QFile manifestFile(manifestPath);
    if (!manifestFile.open(QIODevice::ReadOnly)) return out;
    const auto manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
    const auto indices = manifest.value(QStringLiteral("indices")).toArray();
    out.epsilon = manifest.value(QStringLiteral("config")).toObject().value(QStringLiteral("epsilon")).toDouble();
    QFile images(QFileInfo(manifestPath).dir().filePath(manifest.value(QStringLiteral("images")).toString()));
    QFile mnist(mnistImages);
    if (!images.open(QIODevice::ReadOnly) || !mnist.open(QIODevice::ReadOnly)) return out;
    const QByteArray poisonBytes = images.readAll(), mnistBytes = mnist.readAll();
    constexpr int pixels = 28 * 28, poisonHeader = 4 + 4 * 4, mnistHeader = 16;
    for (int i = 0; i < count && i < indices.size(); ++i) {
        const qint64 index = indices[i].toInteger();
        QVector<float> clean(pixels), poisoned(pixels);
        for (int p = 0; p < pixels; ++p) {
            clean[p] = static_cast<unsigned char>(mnistBytes[mnistHeader + index * pixels + p]) / 255.0f;
            const quint32 bits = qFromBigEndian<quint32>(poisonBytes.constData() + poisonHeader + (i * pixels + p) * 4);
            std::memcpy(&poisoned[p], &bits, 4);
        }
        out.rows << index;
        out.clean << clean;
        out.poisoned << poisoned;
    }
    return out;
}

} // namespace

class TestInspector : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void ssimOfAnImageWithItselfIsOne();
    void ssimOfConstantImagesIsTheLuminanceTerm();
    void ssimMatchesADirectImplementation_data();
    void ssimMatchesADirectImplementation();
    void psnrOfAConstantOffset_data();
    void psnrOfAConstantOffset();
    void normsOfAKnownPerturbation();
    void gridHasThreeCellsPerImage();
    void zeroPerturbationIsTheMapsMiddle();
    void colourMapDiverges();
    void amplificationCaptionFollowsEpsilon();
    void blendSliderGoesFromCleanToPoisoned();
    void colourImagesAreShownInColour();
    void clickEnlargesWithNearestNeighbour();
    void browsesAllPoisonsAPageAtATime();
    void retranslatesOnALanguageSwitch();
    void screenshots();
};

void TestInspector::ssimOfAnImageWithItselfIsOne() {
    for (const ImageShape shape : {ImageShape{1, 28, 28}, ImageShape{3, 32, 32}}) {
        const auto x = randomImage(shape, 3);
        QVERIFY(std::abs(ssim(x.data(), x.data(), shape) - 1.0) < 1e-12);
    }
}

void TestInspector::ssimOfConstantImagesIsTheLuminanceTerm() {
    // No variance: SSIM = (2ab + C1) / (a² + b² + C1) exactly.
    const ImageShape shape{1, 28, 28};
    const std::vector<float> a(784, 0.25f), b(784, 0.5f);
    const double expected = (2 * 0.25 * 0.5 + 1e-4) / (0.25 * 0.25 + 0.5 * 0.5 + 1e-4);
    QVERIFY2(std::abs(ssim(a.data(), b.data(), shape) - expected) < 1e-9,
             qPrintable(QString::number(ssim(a.data(), b.data(), shape))));
}

void TestInspector::ssimMatchesADirectImplementation_data() {
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("size");
    QTest::addColumn<double>("noise");
    QTest::newRow("mnist, small noise") << 1 << 28 << 0.1;
    QTest::newRow("mnist, unrelated images") << 1 << 28 << -1.0;
    QTest::newRow("cifar, noise") << 3 << 32 << 0.3;
}

void TestInspector::ssimMatchesADirectImplementation() {
    QFETCH(int, channels);
    QFETCH(int, size);
    QFETCH(double, noise);
    const ImageShape shape{channels, size, size};
    const auto x = randomImage(shape, 11);
    auto y = randomImage(shape, 12);
    if (noise > 0)
        for (std::size_t i = 0; i < y.size(); ++i)
            y[i] = static_cast<float>(x[i] + noise * (y[i] - 0.5));
    const double expected = referenceSsim(x, y, shape);
    const double actual = ssim(x.data(), y.data(), shape);
    QVERIFY2(std::abs(actual - expected) < 1e-6, qPrintable(QStringLiteral("%1 vs %2").arg(actual).arg(expected)));
    QVERIFY(actual < 0.999);
}

void TestInspector::psnrOfAConstantOffset_data() {
    QTest::addColumn<double>("offset");
    QTest::newRow("0.1") << 0.1;
    QTest::newRow("0.05") << 0.05;
    QTest::newRow("1/255") << 1.0 / 255.0;
}

void TestInspector::psnrOfAConstantOffset() {
    // On [0, 1] images with peak 1, MSE = c², so PSNR = 10·log10(1/c²).
    QFETCH(double, offset);
    const ImageShape shape{1, 28, 28};
    const std::vector<float> a(784, 0.4f);
    std::vector<float> b(784, static_cast<float>(0.4 + offset));
    const double c = static_cast<double>(b[0]) - static_cast<double>(a[0]); // the offset as float sees it
    QVERIFY(std::abs(psnr(a.data(), b.data(), shape) - 10.0 * std::log10(1.0 / (c * c))) < 1e-9);
    QVERIFY(std::isinf(psnr(a.data(), a.data(), shape)));
}

void TestInspector::normsOfAKnownPerturbation() {
    // δ = +0.1 on four pixels, −0.05 on one: L∞ 0.1, L2 √(4·0.01 + 0.0025).
    const ImageShape shape{1, 28, 28};
    const std::vector<float> clean(784, 0.5f);
    auto poisoned = clean;
    for (int i : {0, 100, 200, 300})
        poisoned[i] = 0.6f;
    poisoned[400] = 0.45f;
    const auto m = perturbationMetrics(clean.data(), poisoned.data(), shape);
    QVERIFY(std::abs(m.linf - 0.1) < 1e-6);
    QVERIFY(std::abs(m.l2 - std::sqrt(4 * 0.01 + 0.0025)) < 1e-6);
    QVERIFY(m.ssim < 1.0 && m.ssim > 0.5);
    QVERIFY(std::abs(m.psnr - 10 * std::log10(784.0 / (4 * 0.01 + 0.0025))) < 1e-3);
}

void TestInspector::gridHasThreeCellsPerImage() {
    ImageInspector inspector;
    const ImageShape shape{1, 28, 28};
    QVector<qint64> rows;
    QVector<QVector<float>> clean, poisoned;
    for (int i = 0; i < 5; ++i) {
        rows << 100 + i;
        clean << toQVector(randomImage(shape, i));
        poisoned << toQVector(randomImage(shape, 50 + i));
    }
    inspector.updateImages(rows, poisoned, clean, 1, 28, 28);
    QCOMPARE(inspector.rowCount(), 5);
    QCOMPARE(inspector.cellCount(), 15);
    QCOMPARE(inspector.findChildren<ImageCell*>().size(), 15);
    QCOMPARE(inspector.rowIndex(4), qint64(104));
    QCOMPARE(inspector.cellImage(0, ImageInspector::CleanColumn).size(), QSize(28, 28));

    // Fewer images: the grid shrinks (no stale cells); a wrong-length image is skipped.
    rows.resize(3), clean.resize(3), poisoned.resize(3);
    poisoned[1].resize(10);
    inspector.updateImages(rows, poisoned, clean, 1, 28, 28);
    QCOMPARE(inspector.cellCount(), 6);
    QCOMPARE(inspector.findChildren<ImageCell*>().size(), 6);
    QCOMPARE(inspector.rowIndex(1), qint64(102));
    inspector.clear();
    QCOMPARE(inspector.cellCount(), 0);
}

void TestInspector::zeroPerturbationIsTheMapsMiddle() {
    ImageInspector inspector;
    inspector.setEpsilon(0.1);
    const ImageShape shape{1, 28, 28};
    const auto clean = toQVector(randomImage(shape, 7));
    inspector.updateImages({8}, {clean}, {clean}, 1, 28, 28);
    const QImage delta = inspector.cellImage(0, ImageInspector::PerturbationColumn);
    QCOMPARE(delta.size(), QSize(28, 28));
    const QColor centre = delta.pixelColor(14, 14);
    QCOMPARE(centre, perturbationColour(0.0));
    // TWILIGHT_SHIFTED's middle is a light, nearly neutral grey-white.
    QVERIFY2(centre.red() > 200 && centre.green() > 200 && centre.blue() > 200, qPrintable(centre.name()));
    QVERIFY(std::max({centre.red(), centre.green(), centre.blue()}) - std::min({centre.red(), centre.green(), centre.blue()}) <
            30);
    QVERIFY(std::isinf(inspector.metrics(0).psnr));
    QCOMPARE(inspector.metrics(0).linf, 0.0);
}

void TestInspector::colourMapDiverges() {
    // +ε red, −ε blue, symmetric in lightness; saturates beyond ±0.5.
    const QColor positive = perturbationColour(0.5), negative = perturbationColour(-0.5);
    QVERIFY2(positive.red() > positive.blue() + 40, qPrintable(positive.name()));
    QVERIFY2(negative.blue() > negative.red() + 40, qPrintable(negative.name()));
    QVERIFY(perturbationColour(0.25).red() > perturbationColour(-0.25).red());
    QCOMPARE(perturbationColour(3.0), positive);
    QCOMPARE(perturbationColour(-3.0), negative);
    // A poison at +ε everywhere, amplified 0.5/ε, is the map's positive end.
    const ImageShape shape{1, 28, 28};
    const std::vector<float> clean(784, 0.5f), poisoned(784, 0.6f);
    QCOMPARE(perturbationImage(clean.data(), poisoned.data(), shape, 5.0).pixelColor(3, 3), perturbationColour(0.5));
}

void TestInspector::amplificationCaptionFollowsEpsilon() {
    ImageInspector inspector;
    inspector.setEpsilon(0.1);
    QCOMPARE(inspector.amplification(), 5.0);
    QCOMPARE(inspector.amplificationCaption(), QStringLiteral("δ × 5 (ε = 0.1)"));
    inspector.setEpsilon(0.03);
    QVERIFY(std::abs(inspector.amplification() - 0.5 / 0.03) < 1e-12);
    inspector.setAmplification(10);
    QCOMPARE(inspector.amplificationCaption(), QStringLiteral("δ × 10 (ε = 0.03)"));
    inspector.setAmplification(0); // back to automatic
    QVERIFY(std::abs(inspector.amplification() - 0.5 / 0.03) < 1e-12);
}

void TestInspector::blendSliderGoesFromCleanToPoisoned() {
    ImageInspector inspector;
    const ImageShape shape{1, 28, 28};
    const auto clean = randomImage(shape, 1), poisoned = randomImage(shape, 2);
    inspector.updateImages({0}, {toQVector(poisoned)}, {toQVector(clean)}, 1, 28, 28);
    QCOMPARE(inspector.cellImage(0, ImageInspector::PoisonedColumn), imageFromFloats(poisoned.data(), shape));
    inspector.setBlend(0.0);
    QCOMPARE(inspector.cellImage(0, ImageInspector::PoisonedColumn), imageFromFloats(clean.data(), shape));
    inspector.setBlend(0.5);
    const int half = qRound(255 * (0.5 * clean[0] + 0.5 * poisoned[0]));
    QVERIFY(std::abs(qGray(inspector.cellImage(0, ImageInspector::PoisonedColumn).pixel(0, 0)) - half) <= 1);
    // The clean and δ columns do not change with the blend.
    QCOMPARE(inspector.cellImage(0, ImageInspector::CleanColumn), imageFromFloats(clean.data(), shape));
}

void TestInspector::colourImagesAreShownInColour() {
    ImageInspector inspector;
    const ImageShape shape{3, 32, 32};
    std::vector<float> clean(static_cast<std::size_t>(shape.size()), 0.0f);
    for (int i = 0; i < 32 * 32; ++i)
        clean[static_cast<std::size_t>(i)] = 1.0f; // red plane full: a red image
    inspector.updateImages({1}, {toQVector(clean)}, {toQVector(clean)}, 3, 32, 32);
    const QColor pixel = inspector.cellImage(0, ImageInspector::CleanColumn).pixelColor(16, 16);
    QCOMPARE(pixel, QColor(255, 0, 0));
    QCOMPARE(inspector.cellImage(0, ImageInspector::PerturbationColumn).size(), QSize(32, 32));
}

void TestInspector::clickEnlargesWithNearestNeighbour() {
    ImageInspector inspector;
    const ImageShape shape{1, 28, 28};
    const auto clean = randomImage(shape, 5);
    inspector.updateImages({42}, {toQVector(clean)}, {toQVector(clean)}, 1, 28, 28);
    inspector.show();
    QVERIFY(QTest::qWaitForWindowExposed(&inspector));
    QSignalSpy clicked(&inspector, &ImageInspector::cellClicked);
    auto cells = inspector.findChildren<ImageCell*>();
    QCOMPARE(cells.size(), 3);
    QTest::mouseClick(cells[0], Qt::LeftButton, {}, cells[0]->rect().center());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toInt(), 0);
    QCOMPARE(clicked.at(0).at(1).toInt(), 0);
    const auto dialogs = inspector.findChildren<ZoomDialog*>();
    QCOMPARE(dialogs.size(), 1);
    auto* dialog = dialogs.first();
    dialog->setZoom(10);
    const QImage shown = dialog->shownImage();
    QCOMPARE(shown.size(), QSize(280, 280));
    const QImage original = inspector.cellImage(0, ImageInspector::CleanColumn);
    // Every 10×10 block is one source pixel: no smoothing.
    for (const QPoint p : {QPoint(0, 0), QPoint(13, 7), QPoint(27, 27)})
        for (const QPoint offset : {QPoint(0, 0), QPoint(9, 9), QPoint(4, 6)})
            QCOMPARE(qGray(shown.pixel(p * 10 + offset)), qGray(original.pixel(p)));
    dialog->close();
}

// Twenty poisons: a page of eight shows, the count says so, the scroll bar and the filter reach the rest; the
// order puts the largest perturbation first; previews merge by index.
void TestInspector::browsesAllPoisonsAPageAtATime() {
    ImageInspector inspector;
    const ImageShape shape{1, 6, 6};
    QVector<qint64> rows;
    QVector<QVector<float>> clean, poisoned;
    for (int i = 0; i < 20; ++i) {
        rows << 100 + i;
        auto base = randomImage(shape, i);
        auto poison = base;
        for (auto& v : poison)
            v = std::clamp(v + 0.01f * (i % 7), 0.0f, 1.0f); // row 106, 113: the largest δ
        clean << toQVector(base);
        poisoned << toQVector(poison);
    }
    inspector.updateImages(rows, poisoned, clean, 1, 6, 6);
    QCOMPARE(inspector.keptCount(), 20);
    QCOMPARE(inspector.rowCount(), ImageInspector::kPageRows);
    QCOMPARE(inspector.countText(), QStringLiteral("Showing 1–8 of 20 poisons — scroll or filter"));
    auto* count = inspector.findChild<QLabel*>(QStringLiteral("poisonCount"));
    QVERIFY(count);
    QCOMPARE(count->text(), inspector.countText());
    // Scrolling: the bar reaches the last page.
    auto* pager = inspector.findChild<QScrollBar*>(QStringLiteral("poisonPager"));
    QVERIFY(pager);
    QCOMPARE(pager->maximum(), 12);
    pager->setValue(pager->maximum());
    QCOMPARE(inspector.firstShown(), 12);
    QCOMPARE(inspector.rowIndex(0), qint64(112));
    QCOMPARE(inspector.rowIndex(7), qint64(119));
    QCOMPARE(inspector.countText(), QStringLiteral("Showing 13–20 of 20 poisons — scroll or filter"));
    inspector.scrollTo(100); // clamped
    QCOMPARE(inspector.firstShown(), 12);
    // Filter by index, typed.
    auto* filter = inspector.findChild<QLineEdit*>(QStringLiteral("poisonFilter"));
    QVERIFY(filter);
    filter->setText(QStringLiteral("105-107, 119"));
    QCOMPARE(inspector.filteredCount(), 4);
    QCOMPARE(inspector.rowCount(), 4);
    QCOMPARE(inspector.rowIndex(3), qint64(119));
    QCOMPARE(inspector.countText(), QStringLiteral("Showing 1–4 of 4 matching poisons (20 in all) — scroll or filter"));
    QVERIFY(!inspector.setFilter(QStringLiteral("abc"))); // not understood: all again
    QCOMPARE(inspector.filteredCount(), 20);
    QVERIFY(inspector.setFilter(QString()));
    // The most visible perturbations first.
    inspector.setOrder(ImageInspector::Order::LargestL2);
    QVERIFY(inspector.rowIndex(0) == 106 || inspector.rowIndex(0) == 113);
    for (int r = 1; r < inspector.rowCount(); ++r)
        QVERIFY(inspector.metrics(r - 1).l2 >= inspector.metrics(r).l2);
    inspector.setOrder(ImageInspector::Order::Index);
    // A live run: previews merge by index, the run's total is told.
    inspector.setPoisonTotal(582);
    QCOMPARE(inspector.countText(), QStringLiteral("Showing 1–8 of 582 poisons (20 received so far) — scroll or filter"));
    inspector.mergeImages({100, 500}, {poisoned[0], poisoned[1]}, {clean[0], clean[1]}, 1, 6, 6);
    QCOMPARE(inspector.keptCount(), 21);
    QCOMPARE(inspector.rowIndex(0), qint64(100));
    inspector.clear();
    QCOMPARE(inspector.keptCount(), 0);
    QCOMPARE(inspector.countText(), QString());
}

// A language switch reaches the inspector's own labels (headers, blend caption, placeholder) and its spin box.
void TestInspector::retranslatesOnALanguageSwitch() {
    const auto hasLabel = [](const QWidget& widget, const QString& text) {
        const auto labels = widget.findChildren<QLabel*>();
        return std::any_of(labels.begin(), labels.end(), [&](const QLabel* label) { return label->text() == text; });
    };
    ImageInspector inspector;
    const ImageShape shape{1, 4, 4};
    const std::vector<float> clean(16, 0.25f), poisoned(16, 0.5f);
    inspector.updateImages({3}, {QVector<float>(poisoned.begin(), poisoned.end())}, {QVector<float>(clean.begin(), clean.end())},
                           shape.channels, shape.height, shape.width);
    auto* amplification = inspector.findChild<QDoubleSpinBox*>();
    QVERIFY(amplification);
    QVERIFY(hasLabel(inspector, QStringLiteral("Clean")));
    QVERIFY(hasLabel(inspector, QStringLiteral("Clean → poisoned: 100 %")));
    QVERIFY(hasLabel(inspector, QStringLiteral("No poisons yet: they appear here while an attack runs.")));

    LanguageManager languages;
    QVERIFY(languages.setLanguage(QStringLiteral("de")));
    // QApplication posts LanguageChange to the top-level widgets: the strings change on the next event-loop turn.
    QTRY_VERIFY(hasLabel(inspector, QStringLiteral("Sauber")));
    QVERIFY(!hasLabel(inspector, QStringLiteral("Clean")));
    QVERIFY(hasLabel(inspector, QStringLiteral("Vergiftet")));
    QVERIFY(hasLabel(inspector, QStringLiteral("Sauber → vergiftet: 100 %")));
    QVERIFY(hasLabel(inspector, QStringLiteral("Noch keine Gifte: sie erscheinen hier, während ein Angriff läuft.")));
    QCOMPARE(amplification->toolTip(),
             QStringLiteral("Verstärkung der Störung in der δ-Spalte; „auto“ bildet ±ε auf die Enden der Farbskala ab"));
    QCOMPARE(inspector.rowCount(), 1); // the rows stay
    QCOMPARE(inspector.countText(), QStringLiteral("Zeige 1–1 von 1 Giften — blättern oder filtern"));
    QCOMPARE(inspector.findChild<QLineEdit*>(QStringLiteral("poisonFilter"))->placeholderText(),
             QStringLiteral("Filter: Index, z. B. 17 oder 100-200"));

    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    QTRY_VERIFY(hasLabel(inspector, QStringLiteral("Clean")));
    QVERIFY(hasLabel(inspector, QStringLiteral("Clean → poisoned: 100 %")));
    QCOMPARE(inspector.countText(), QStringLiteral("Showing 1–1 of 1 poisons — scroll or filter"));
}

void TestInspector::screenshots() {
    // PACD_SCREENSHOT_DIR=… xvfb-run -a tst_inspector -platform xcb screenshots
    // Always taken (offscreen in ctest, into a scratch folder); PACD_SCREENSHOT_DIR keeps them.
    QTemporaryDir scratch;
    const QString dir = qEnvironmentVariable("PACD_SCREENSHOT_DIR", scratch.path());
    for (const ImageShape shape : {ImageShape{1, 28, 28}, ImageShape{3, 32, 32}}) {
        ImageInspector inspector;
        inspector.setEpsilon(shape.channels == 1 ? 0.1 : 0.03);
        const double eps = inspector.epsilon();
        QVector<qint64> rows;
        QVector<QVector<float>> clean, poisoned;
        for (int r = 0; r < 4; ++r) {
            // A smooth blob as the "digit", ±ε sign noise (or a sparser pattern) as the poison.
            std::vector<float> base(static_cast<std::size_t>(shape.size()));
            QRandomGenerator random(r);
            for (int c = 0; c < shape.channels; ++c)
                for (int y = 0; y < shape.height; ++y)
                    for (int x = 0; x < shape.width; ++x) {
                        const double dx = x - shape.width / 2.0 + 3 * r - 4, dy = y - shape.height / 2.0;
                        base[static_cast<std::size_t>((c * shape.height + y) * shape.width + x)] = static_cast<float>(
                            std::clamp(std::exp(-(dx * dx + dy * dy) / (30.0 + 10 * c)) * 1.1 - 0.05 * c, 0.0, 1.0));
                    }
            auto poison = base;
            for (auto& v : poison)
                v = static_cast<float>(std::clamp(v + eps * (random.generateDouble() * 2 - 1) * (r + 1) / 4.0, 0.0, 1.0));
            rows << 1000 + 17 * r;
            clean << toQVector(base);
            poisoned << toQVector(poison);
        }
        // A real MNIST poison set when one is named (PACD_SCREENSHOT_POISON=p.json; MNIST from PACD_DATA_DIR or
        // the default data directory).
        const auto real = readMnistPoisons(qEnvironmentVariable("PACD_SCREENSHOT_POISON"),
                                           QDir(qEnvironmentVariable("PACD_DATA_DIR", QDir::home().filePath(QStringLiteral(
                                                                                          ".local/share/pacd-studio/datasets"))))
                                               .filePath(QStringLiteral("mnist/train-images-idx3-ubyte")),
                                           4);
        if (shape.channels == 1 && !real.rows.isEmpty()) {
            inspector.setEpsilon(real.epsilon);
            inspector.updateImages(real.rows, real.poisoned, real.clean, 1, 28, 28);
        } else {
            inspector.updateImages(rows, poisoned, clean, shape.channels, shape.height, shape.width);
        }
        inspector.resize(760, 560);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        const QString name =
            shape.channels == 1 ? QStringLiteral("inspector-mnist.png") : QStringLiteral("inspector-cifar10.png");
        QVERIFY(inspector.grab().save(QDir(dir).filePath(name)));
        if (shape.channels == 1) {
            inspector.openCell(1, ImageInspector::PerturbationColumn);
            auto* dialog = inspector.findChildren<ZoomDialog*>().value(0);
            QVERIFY(dialog);
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            QVERIFY(dialog->grab().save(QDir(dir).filePath(QStringLiteral("inspector-zoom.png"))));
        }
    }
}

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
