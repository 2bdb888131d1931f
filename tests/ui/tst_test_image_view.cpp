// The per-test-image view: certificates read back from Cohen TSV files, noise drawn with the run's σ, and one MNIST
// test image with its radius under each victim.
#include "test_image/test_image_data.h"
#include "test_image/test_image_view.h"
#include "ui_test_support.h"

#include <QComboBox>
#include <QtTest/QtTest>

#include <cmath>

using namespace pacd::ui;

namespace {
void writeTsv(const QString& path, const QStringList& lines) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
    file.write("idx\tlabel\tpredict\tradius\tcorrect\ttime\n");
    for (const auto& line : lines)
        file.write((line + QLatin1Char('\n')).toUtf8());
}

pacd::VictimResult victim(const char* data, std::int64_t seed, const QString& tsv) {
    pacd::VictimResult v;
    v.data = data;
    v.seed = seed;
    v.certificates = tsv.toStdString();
    return v;
}
} // namespace

class TestTestImageView : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void certificatesReadBack() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("certify.tsv"));
        writeTsv(path, {QStringLiteral("61\t8\t8\t0.616\t1\t0.5"), QStringLiteral("84\t8\t3\t0.200\t0\t0.5"),
                        QStringLiteral("110\t8\t-1\t0.000\t0\t0.5")});
        const auto read = readCertificates(path, QStringLiteral("clean"), 1);
        QCOMPARE(read.size(), 3);
        QCOMPARE(read[61].radius, 0.616);
        QVERIFY(read[61].correct);
        QCOMPARE(read[84].predicted, qint64(3));
        QVERIFY(!read[84].correct);
        QCOMPARE(read[110].predicted, qint64(-1));
        QCOMPARE(read[61].seed, qint64(1));
        // A wrong prediction counts 0, as in the ACR: mean of 0.616 and 0 (the 0.2 of a wrong class does not count).
        QVector<ImageCertificate> two{read[61], read[84]};
        two[1].data = QStringLiteral("clean");
        QCOMPARE(meanRadius(two, QStringLiteral("clean")), 0.308);
        QCOMPARE(meanRadius(two, QStringLiteral("poison")), -1.0);
        writeTsv(path, {QStringLiteral("61\t8\tx\t0.6\t1\t0.5")});
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, readCertificates(path, QStringLiteral("clean"), 0));
    }

    void noiseHasTheRunsSigma() {
        const QVector<float> image(784, 0.5f);
        const auto draws = noisyDraws(image, 0.25, 16, 7);
        QCOMPARE(draws.size(), 16);
        double sum = 0, squares = 0;
        for (const auto& draw : draws)
            for (float v : draw) {
                sum += v - 0.5;
                squares += (v - 0.5) * (v - 0.5);
            }
        const double n = 16 * 784;
        QVERIFY2(std::abs(sum / n) < 0.01, qPrintable(QString::number(sum / n)));
        QVERIFY2(std::abs(std::sqrt(squares / n) - 0.25) < 0.01, qPrintable(QString::number(std::sqrt(squares / n))));
        QCOMPARE(noisyDraws(image, 0.25, 2, 7)[1], draws[1]); // seeded
        QVERIFY(noisyDraws(image, 0.25, 1, 8)[0] != draws[0]);
    }

    void showsOneImageWithItsRadii() {
        QTemporaryDir dir;
        const QString clean = dir.filePath(QStringLiteral("clean.tsv")), poison = dir.filePath(QStringLiteral("poison.tsv"));
        writeTsv(clean, {QStringLiteral("61\t8\t8\t0.616\t1\t0.5"), QStringLiteral("84\t8\t8\t0.450\t1\t0.5")});
        writeTsv(poison, {QStringLiteral("61\t8\t8\t0.120\t1\t0.5"), QStringLiteral("84\t8\t2\t0.300\t0\t0.5")});
        pacd::RunRecord record;
        record.name = "view";
        record.specJson = pacd::ui::test::tinySpec().toJson();
        record.victims = {victim("clean", 0, clean), victim("poison", 0, poison),
                          victim("watermark", 0, dir.filePath(QStringLiteral("gone.tsv")))};
        TestImageView view;
        QSignalSpy shown(&view, &TestImageView::imageShown);
        QSignalSpy failed(&view, &TestImageView::failed);
        view.setRecord(record, qEnvironmentVariable("PACD_DATA_DIR"));
        QCOMPARE(view.indices(), (QVector<qint64>{61, 84}));
        QCOMPARE(view.sigma(), 0.25);
        QCOMPARE(view.findChild<QComboBox*>()->itemText(0), QStringLiteral("#61: R 0.62 → 0.12"));
        QCOMPARE(view.currentIndex(), qint64(61));
        QCOMPARE(view.certificates().size(), 2);
        QVERIFY2(view.radiiText().contains(QStringLiteral("0.616")) && view.radiiText().contains(QStringLiteral("0.120")),
                 qPrintable(view.radiiText()));
        QVERIFY(view.radiiText().contains(QStringLiteral("-80.5 %")));
        QVERIFY(view.radiiText().contains(QStringLiteral("gone.tsv"))); // the missing file is named
        view.showImage(84);
        QCOMPARE(view.currentIndex(), qint64(84));
        QVERIFY(view.radiiText().contains(QStringLiteral("2 ✗")));
        QVERIFY(view.radiiText().contains(QStringLiteral("0.450 clean → 0.000 poisoned")));
        // The image itself needs MNIST's test file.
        QVERIFY(shown.wait(20000) || !failed.isEmpty());
        if (!failed.isEmpty()) QSKIP(qPrintable(QStringLiteral("no MNIST test file: ") + failed.first().first().toString()));
        QTRY_COMPARE(view.image().size(), 784);
        QCOMPARE(view.draws().size(), TestImageView::kDraws);
        // Each draw is the image plus noise of the run's σ.
        double squares = 0;
        for (const auto& draw : view.draws())
            for (int i = 0; i < draw.size(); ++i)
                squares += (draw[i] - view.image()[i]) * (draw[i] - view.image()[i]);
        QVERIFY(std::abs(std::sqrt(squares / (784.0 * TestImageView::kDraws)) - 0.25) < 0.01);
        const auto before = view.draws().front();
        view.redraw();
        QVERIFY(view.draws().front() != before);
    }
};

QTEST_MAIN(TestTestImageView)
#include "tst_test_image_view.moc"
