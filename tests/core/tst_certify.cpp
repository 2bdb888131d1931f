#include "test_helpers.h"

#include "linear_test_model.h"

#include "models/classifier.h"
#include "smoothing/certify.h"
#include "smoothing/clopper_pearson.h"
#include "smoothing/metrics.h"
#include "support/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cmath>

using namespace pacd;
using pacd::test::tempPath;

namespace {

using CountingLinearImpl = pacd::test::FixedLinearImpl;

// w = (3, 4) so ‖w‖ = 5; b = -5: the boundary is 3x + 4y = 5. Points along the normal through (0.6, 0.8) at
// signed distance d are (0.6, 0.8) + d·(0.6, 0.8).
torch::Tensor pointAtDistance(double d) {
    return torch::tensor({float(0.6 + 0.6 * d), float(0.8 + 0.8 * d)});
}

CertifyConfig smallConfig() {
    CertifyConfig c;
    c.sigma = 0.5;
    c.n0 = 100;
    c.n = 10000;
    c.alpha = 0.001;
    c.batch = 2000;
    c.seed = 7;
    return c;
}

} // namespace

class TestCertify : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void radiusOfLinearClassifierIsDistanceToBoundary();
    void predictAgreesFarAndAbstainsOnBoundary();
    void badSettingsNameTheSetting_data();
    void badSettingsNameTheSetting();
    void sampleCountsAreExactlyN0AndN();
    void smallSampleCountsShareForwardPasses();
    void seededRunsRepeat();
    void progressAndCancel();
    void summaryAggregates();
    void radiusCapAndWarning();
    void writersProduceCohenTsvAndJson();
};

void TestCertify::radiusOfLinearClassifierIsDistanceToBoundary() {
    auto model = std::make_shared<CountingLinearImpl>(std::vector<float>{3, 4}, -5);
    const std::vector<double> distances{-1.2, -0.6, -0.2, 0.15, 0.4, 0.9, 3.0};
    std::vector<torch::Tensor> points;
    std::vector<std::int64_t> labels;
    for (double d : distances) {
        points.push_back(pointAtDistance(d));
        labels.push_back(d > 0 ? 1 : 0);
    }
    const auto config = smallConfig();
    CancelToken cancel;
    const auto results = certify(*model, torch::stack(points), torch::tensor(labels), config, cancel, silentProgress());
    QCOMPARE(results.size(), distances.size());
    const double cap = largestCertifiableRadius(config.sigma, config.n, config.alpha);
    for (std::size_t i = 0; i < distances.size(); ++i) {
        const double d = std::abs(distances[i]);
        const auto& r = results[i];
        QCOMPARE(r.index, std::int64_t(i));
        QVERIFY2(r.correct && r.predicted == labels[i],
                 qPrintable(QStringLiteral("point %1 predicted %2").arg(i).arg(r.predicted)));
        // Upper side: the radius comes from a lower confidence bound on pA = Φ(d/σ), so it exceeds the exact d only
        // with probability alpha = 0.001 (and never beyond the cap).
        QVERIFY2(r.radius <= d + 1e-6,
                 qPrintable(QStringLiteral("d=%1: radius %2 exceeds the exact radius").arg(d).arg(r.radius)));
        QVERIFY(r.radius <= cap + 1e-12);
        // Lower side: the Clopper-Pearson bound sits about z_{1-alpha}·s below the estimate nA/n, and the estimate
        // lies within 4 s of pA (s = sqrt(pA(1 - pA)/n), failure probability 6e-5), so pA_lower >= pA − (3.09 + 4)·s
        // − 1/n (the last term for discreteness). Mapped through σΦ⁻¹ that is the smallest acceptable radius; for the
        // far point, pA ≈ 1 and the bound is the cap σΦ⁻¹(alpha^(1/n)) itself.
        const double pA = normalCdf(d / config.sigma);
        const double s = std::sqrt(pA * (1 - pA) / double(config.n));
        const double worstLower = pA - 7.09 * s - 1.0 / double(config.n);
        const double minimum = std::min(cap, worstLower > 0.5 ? config.sigma * normalQuantile(worstLower) : 0.0) - 1e-9;
        QVERIFY2(r.radius >= minimum, qPrintable(QStringLiteral("d=%1: radius %2 below %3").arg(d).arg(r.radius).arg(minimum)));
        QVERIFY(std::abs(r.pAEstimate - pA) < 4 * s + 1e-9);
    }
    // The far point (d = 3 = 6σ) reaches the cap: every sample votes for its class.
    QVERIFY(std::abs(results.back().radius - cap) < 1e-12);
    QVERIFY(std::abs(cap - 1.5992887573691658) < 1e-9); // σΦ⁻¹(0.001^(1/10^4)), mpmath
}

void TestCertify::predictAgreesFarAndAbstainsOnBoundary() {
    auto model = std::make_shared<CountingLinearImpl>(std::vector<float>{3, 4}, -5);
    const auto inputs = torch::stack({pointAtDistance(-0.8), pointAtDistance(0.0), pointAtDistance(0.6)});
    const auto labels = torch::tensor({std::int64_t(0), std::int64_t(1), std::int64_t(1)});
    auto config = smallConfig();
    config.n = 1000;
    CancelToken cancel;
    const auto results = predict(*model, inputs, labels, config, cancel, silentProgress());
    // Far points: pA = Φ(1.6) = 0.945 and Φ(1.2) = 0.885 of 1000 votes; the binomial test rejects a tie by far.
    QCOMPARE(results[0].predicted, std::int64_t(0));
    QCOMPARE(results[2].predicted, std::int64_t(1));
    QVERIFY(results[0].correct && results[2].correct);
    // On the boundary the two classes tie in distribution: PREDICT abstains except with probability alpha.
    QCOMPARE(results[1].predicted, std::int64_t(-1));
    QVERIFY(!results[1].correct);
    QVERIFY(std::abs(results[1].pAEstimate - 0.5) < 0.07);
    for (const auto& r : results)
        QCOMPARE(r.radius, 0.0);
    // CERTIFY abstains there too.
    const auto certified = certify(*model, inputs, labels, smallConfig(), cancel, silentProgress());
    QCOMPARE(certified[1].predicted, std::int64_t(-1));
    QCOMPARE(certified[1].radius, 0.0);
}

void TestCertify::badSettingsNameTheSetting_data() {
    QTest::addColumn<QString>("setting");
    QTest::addColumn<double>("value");
    QTest::newRow("n0=0") << "n0" << 0.0;
    QTest::newRow("n=0") << "n" << 0.0;
    QTest::newRow("alpha=0") << "alpha" << 0.0;
    QTest::newRow("alpha=1") << "alpha" << 1.0;
    QTest::newRow("sigma=0") << "sigma" << 0.0;
    QTest::newRow("sigma<0") << "sigma" << -0.25;
    QTest::newRow("batch=0") << "batch" << 0.0;
}

void TestCertify::badSettingsNameTheSetting() {
    QFETCH(QString, setting);
    QFETCH(double, value);
    auto config = smallConfig();
    if (setting == QLatin1String("n0")) config.n0 = std::int64_t(value);
    if (setting == QLatin1String("n")) config.n = std::int64_t(value);
    if (setting == QLatin1String("alpha")) config.alpha = value;
    if (setting == QLatin1String("sigma")) config.sigma = value;
    if (setting == QLatin1String("batch")) config.batch = std::int64_t(value);
    const std::string quoted = "'" + setting.toStdString() + "'";
    PACD_EXPECT_ERROR(config.validate(), quoted);
    auto model = std::make_shared<CountingLinearImpl>(std::vector<float>{3, 4}, -5);
    CancelToken cancel;
    const auto x = pointAtDistance(1.0).unsqueeze(0);
    const auto y = torch::tensor({std::int64_t(1)});
    PACD_EXPECT_ERROR(certify(*model, x, y, config, cancel, silentProgress()), quoted);
    PACD_EXPECT_ERROR(predict(*model, x, y, config, cancel, silentProgress()), quoted);
    QCOMPARE(model->rows, std::int64_t(0));
    // A default-constructed config has no sigma: it must be set on purpose.
    PACD_EXPECT_ERROR(CertifyConfig{}.validate(), "'sigma'");
}

void TestCertify::sampleCountsAreExactlyN0AndN() {
    // Cohen et al.'s released code used n0 = 10,000 whatever was asked; here n0 means n0.
    auto model = std::make_shared<CountingLinearImpl>(std::vector<float>{3, 4}, -5);
    auto config = smallConfig();
    config.n0 = 37;
    config.n = 530;
    config.batch = 64;
    CancelToken cancel;
    const auto inputs = torch::stack({pointAtDistance(0.3), pointAtDistance(-0.3), pointAtDistance(1.0)});
    const auto labels = torch::tensor({std::int64_t(1), std::int64_t(0), std::int64_t(1)});
    model->train();
    certify(*model, inputs, labels, config, cancel, silentProgress());
    QVERIFY(model->is_training()); // evaluated in eval mode, caller's mode restored
    QCOMPARE(model->rows, std::int64_t(3 * (37 + 530)));
    QVERIFY(model->largestCall <= config.batch);
    model->rows = 0;
    predict(*model, inputs, labels, config, cancel, silentProgress());
    QCOMPARE(model->rows, std::int64_t(3 * 530));
    QVERIFY(model->largestCall <= config.batch);
}

void TestCertify::smallSampleCountsShareForwardPasses() {
    auto model = std::make_shared<CountingLinearImpl>(std::vector<float>{3, 4}, -5);
    auto config = smallConfig();
    config.n0 = 10;
    config.n = 40;
    config.batch = 1000;
    std::vector<torch::Tensor> points;
    for (int i = 0; i < 20; ++i)
        points.push_back(pointAtDistance(0.1 * (i - 10)));
    CancelToken cancel;
    certify(*model, torch::stack(points), torch::zeros({20}, torch::kLong), config, cancel, silentProgress());
    // 20 points × 50 samples fit one group: one pass for selection (200 rows), one for estimation (800 rows).
    QCOMPARE(model->calls, std::int64_t(2));
    QCOMPARE(model->rows, std::int64_t(20 * 50));
}

void TestCertify::seededRunsRepeat() {
    auto model = std::make_shared<CountingLinearImpl>(std::vector<float>{3, 4}, -5);
    auto config = smallConfig();
    config.n = 2000;
    CancelToken cancel;
    const auto inputs = torch::stack({pointAtDistance(0.2), pointAtDistance(-0.1)});
    const auto labels = torch::tensor({std::int64_t(1), std::int64_t(0)});
    const auto a = certify(*model, inputs, labels, config, cancel, silentProgress());
    const auto b = certify(*model, inputs, labels, config, cancel, silentProgress());
    config.seed = 8;
    const auto c = certify(*model, inputs, labels, config, cancel, silentProgress());
    for (std::size_t i = 0; i < a.size(); ++i) {
        QCOMPARE(a[i].pAEstimate, b[i].pAEstimate);
        QCOMPARE(a[i].radius, b[i].radius);
    }
    QVERIFY(a[0].pAEstimate != c[0].pAEstimate || a[1].pAEstimate != c[1].pAEstimate);
}

void TestCertify::progressAndCancel() {
    auto model = std::make_shared<CountingLinearImpl>(std::vector<float>{3, 4}, -5);
    auto config = smallConfig();
    config.n = 1000;
    config.batch = 500;
    std::vector<torch::Tensor> points;
    for (int i = 0; i < 4; ++i)
        points.push_back(pointAtDistance(1.0 + i));
    const auto inputs = torch::stack(points);
    const auto labels = torch::ones({4}, torch::kLong);
    std::vector<ProgressEvent> events;
    CancelToken cancel;
    const auto results = certify(*model, inputs, labels, config, cancel, [&](const ProgressEvent& e) { events.push_back(e); });
    QCOMPARE(events.size(), std::size_t(4)); // one point per group: n0 + n > batch
    QCOMPARE(events.back().stage, std::string("certify"));
    QCOMPARE(events.back().step, std::int64_t(4));
    QCOMPARE(events.back().total, std::int64_t(4));
    double acr = 0;
    for (const auto& r : results)
        acr += r.radius / 4.0;
    QVERIFY(std::abs(events.back().metrics.at("acr") - acr) < 1e-12);

    // Cancelling from the sink stops the run at the next batch.
    model->rows = 0;
    QVERIFY_THROWS_EXCEPTION(Cancelled,
                             certify(*model, inputs, labels, config, cancel, [&](const ProgressEvent&) { cancel.cancel(); }));
    QCOMPARE(model->rows, std::int64_t(config.n0 + config.n));
}

void TestCertify::summaryAggregates() {
    std::vector<PointResult> results;
    // index, label, predicted, radius, correct, pA, seconds
    results.push_back({0, 0, 0, 0.6, true, 0.9, 1.0});
    results.push_back({1, 0, 1, 0.8, false, 0.95, 1.0}); // wrong: counts as radius 0
    results.push_back({2, 1, -1, 0.0, false, 0.5, 1.0}); // abstained
    results.push_back({3, 1, 1, 1.2, true, 0.99, 1.0});
    const auto s = summarize(results, 0.5, 100000, 0.001, {0.0, 0.5, 1.0, 2.0});
    QCOMPARE(s.points, std::int64_t(4));
    QVERIFY(std::abs(s.acr - (0.6 + 1.2) / 4.0) < 1e-15);
    QCOMPARE(s.aca, 0.5);
    QCOMPARE(s.abstainRate, 0.25);
    QVERIFY(std::abs(s.meanPAEstimate - (0.9 + 0.95 + 0.5 + 0.99) / 4.0) < 1e-15);
    QCOMPARE(s.seconds, 4.0);
    QCOMPARE(s.certifiedAccuracy, (std::vector<double>{0.5, 0.5, 0.25, 0.0}));
    QCOMPARE(s.perClass.size(), std::size_t(2));
    QCOMPARE(s.perClass[0].label, std::int64_t(0));
    QCOMPARE(s.perClass[0].acr, 0.3);
    QCOMPARE(s.perClass[0].aca, 0.5);
    QCOMPARE(s.perClass[0].abstainRate, 0.0);
    QCOMPARE(s.perClass[1].acr, 0.6);
    QCOMPARE(s.perClass[1].abstainRate, 0.5);
    QCOMPARE(s.fractionAtCap, 0.0);
    QVERIFY(s.warning.empty());
}

void TestCertify::radiusCapAndWarning() {
    // σΦ⁻¹(α^(1/n)) from mpmath at 30 digits.
    QVERIFY(std::abs(largestCertifiableRadius(0.25, 1000, 0.001) - 0.61581565369520219) < 1e-10);
    QVERIFY(std::abs(largestCertifiableRadius(0.25, 100000, 0.001) - 0.95286414084748797) < 1e-10);
    // Below n = 10 at alpha = 0.001 not even an all-agreeing vote certifies anything.
    QCOMPARE(largestCertifiableRadius(0.25, 5, 0.001), 0.0);
    const double cap = largestCertifiableRadius(0.25, 1000, 0.001);
    std::vector<PointResult> results;
    for (int i = 0; i < 3; ++i)
        results.push_back({i, 0, 0, cap, true, 1.0, 0.1});
    results.push_back({3, 0, 0, 0.3, true, 0.9, 0.1});
    const auto s = summarize(results, 0.25, 1000, 0.001);
    QCOMPARE(s.fractionAtCap, 0.75);
    QVERIFY(s.radiusCap == cap);
    QVERIFY(s.warning.find("n = 1000") != std::string::npos);
    QVERIFY(s.warning.find("0.6158") != std::string::npos);
    results.push_back({4, 0, 0, 0.3, true, 0.9, 0.1});
    results.push_back({5, 0, 0, 0.3, true, 0.9, 0.1});
    QVERIFY(summarize(results, 0.25, 1000, 0.001).warning.empty()); // 3 of 6 is not "most"
}

void TestCertify::writersProduceCohenTsvAndJson() {
    QTemporaryDir dir;
    std::vector<PointResult> results;
    results.push_back({12, 3, 3, 0.61234, true, 0.99, 2.5});
    results.push_back({40, 1, -1, 0.0, false, 0.45, 0.25});
    writeCohenTsv(tempPath(dir, "out.tsv"), results);
    QCOMPARE(
        readFile(tempPath(dir, "out.tsv")),
        std::string("idx\tlabel\tpredict\tradius\tcorrect\ttime\n12\t3\t3\t0.612\t1\t2.500000\n40\t1\t-1\t0.000\t0\t0.250000\n"));
    const auto summary = summarize(results, 0.25, 100000, 0.001);
    writeSummaryJson(tempPath(dir, "summary.json"), summary);
    const auto json = nlohmann::json::parse(readFile(tempPath(dir, "summary.json")));
    QVERIFY(std::abs(json.at("acr").get<double>() - 0.61234 / 2) < 1e-12);
    QCOMPARE(json.at("abstain_rate").get<double>(), 0.5);
    QCOMPARE(json.at("points").get<std::int64_t>(), std::int64_t(2));
    QCOMPARE(json.at("per_class").size(), std::size_t(2));
    QCOMPARE(json.at("certified_accuracy").size(), defaultRadiusGrid().size());
    QVERIFY(std::abs(json.at("radius_cap").get<double>() - 0.95286414084748797) < 1e-10);
}

QTEST_GUILESS_MAIN(TestCertify)
#include "tst_certify.moc"
