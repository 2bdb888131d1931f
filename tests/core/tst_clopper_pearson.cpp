#include "test_helpers.h"

#include "smoothing/clopper_pearson.h"

#include <cmath>
#include <random>

using namespace pacd;

namespace {

// P(X >= k) for X ~ Binomial(n, p), summed in log space so that n = 10^5 does not underflow.
double upperTail(std::int64_t k, std::int64_t n, double p) {
    double sum = 0.0;
    const double logP = std::log(p), logQ = std::log1p(-p);
    for (std::int64_t y = k; y <= n; ++y) {
        const double logTerm = std::lgamma(double(n) + 1) - std::lgamma(double(y) + 1) - std::lgamma(double(n - y) + 1) +
                               double(y) * logP + double(n - y) * logQ;
        sum += std::exp(logTerm);
    }
    return sum;
}

// The Clopper-Pearson lower bound by its definition (the p at which k or more successes have probability alpha),
// found by bisection: independent of Boost's incomplete-beta inverse.
double lowerBoundByBisection(std::int64_t k, std::int64_t n, double alpha) {
    double lo = 0.0, hi = 1.0;
    for (int i = 0; i < 80; ++i) {
        const double mid = 0.5 * (lo + hi);
        (upperTail(k, n, mid) < alpha ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

} // namespace

class TestClopperPearson : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void lowerBoundMatchesReference_data();
    void lowerBoundMatchesReference();
    void exactEndpoints();
    void lowerBoundMatchesBinomialDefinition();
    void twoSidedInterval();
    void normalQuantile();
    void binomialPValue_data();
    void binomialPValue();
    void badArgumentsAreErrors();
    void lowerBoundCoversTrueProbability();
};

void TestClopperPearson::lowerBoundMatchesReference_data() {
    QTest::addColumn<qint64>("successes");
    QTest::addColumn<qint64>("trials");
    QTest::addColumn<double>("alpha");
    QTest::addColumn<double>("expected");
    // scipy.stats.beta.ppf(alpha, k, n - k + 1); scipy is not installed here, so the values were computed with
    // mpmath at 40 digits by bisecting the regularised incomplete beta function (the same quantity).
    QTest::newRow("1/10") << qint64(1) << qint64(10) << 0.05 << 0.0051161968918237014;
    QTest::newRow("5/10") << qint64(5) << qint64(10) << 0.05 << 0.22244110100812908;
    QTest::newRow("9/10") << qint64(9) << qint64(10) << 0.05 << 0.60583669756349522;
    QTest::newRow("3/20") << qint64(3) << qint64(20) << 0.01 << 0.022711415571841678;
    QTest::newRow("50/100") << qint64(50) << qint64(100) << 0.001 << 0.34479800642531776;
    QTest::newRow("990/1000") << qint64(990) << qint64(1000) << 0.001 << 0.97603618715531137;
}

void TestClopperPearson::lowerBoundMatchesReference() {
    QFETCH(qint64, successes);
    QFETCH(qint64, trials);
    QFETCH(double, alpha);
    QFETCH(double, expected);
    const double got = clopperPearsonLower(successes, trials, alpha);
    QVERIFY2(std::abs(got - expected) < 1e-12 * std::max(1.0, expected),
             qPrintable(QStringLiteral("got %1, expected %2").arg(got, 0, 'g', 17).arg(expected, 0, 'g', 17)));
}

void TestClopperPearson::exactEndpoints() {
    // nA = n: the bound solves p^n = alpha.
    for (std::int64_t n : {1, 7, 100, 1000, 100000}) {
        const double expected = std::pow(0.001, 1.0 / double(n));
        QVERIFY(std::abs(clopperPearsonLower(n, n, 0.001) - expected) < 1e-13);
    }
    QCOMPARE(clopperPearsonLower(0, 100, 0.001), 0.0);
    QCOMPARE(clopperPearsonLower(0, 1, 0.5), 0.0);
    // n = 1, nA = 1: p >= alpha.
    QVERIFY(std::abs(clopperPearsonLower(1, 1, 0.25) - 0.25) < 1e-15);
}

void TestClopperPearson::lowerBoundMatchesBinomialDefinition() {
    struct Case {
        std::int64_t k, n;
        double alpha;
    };
    // Includes CERTIFY's regime: n = 100,000 at alpha = 0.001.
    for (const Case c : {Case{970, 1000, 0.001}, Case{12345, 20000, 0.01}, Case{99000, 100000, 0.001}, Case{50500, 100000, 0.001},
                         Case{2, 5, 0.2}}) {
        const double boost = clopperPearsonLower(c.k, c.n, c.alpha);
        const double bisection = lowerBoundByBisection(c.k, c.n, c.alpha);
        // The log-space tail sum carries ~1e-12 relative error per term; 1e-9 leaves room for n = 10^5 terms.
        QVERIFY2(std::abs(boost - bisection) < 1e-9,
                 qPrintable(
                     QStringLiteral("k=%1 n=%2: %3 vs %4").arg(c.k).arg(c.n).arg(boost, 0, 'g', 15).arg(bisection, 0, 'g', 15)));
    }
}

void TestClopperPearson::twoSidedInterval() {
    // mpmath reference as above (scipy's proportion_confint(method="beta") equivalents).
    auto i = clopperPearsonInterval(5, 10, 0.05);
    QVERIFY(std::abs(i.lower - 0.18708602844739853) < 1e-12);
    QVERIFY(std::abs(i.upper - 0.81291397155260147) < 1e-12);
    i = clopperPearsonInterval(37, 120, 0.01);
    QVERIFY(std::abs(i.lower - 0.20512977022669894) < 1e-12);
    QVERIFY(std::abs(i.upper - 0.42720001869160548) < 1e-12);
    i = clopperPearsonInterval(0, 10, 0.05);
    QCOMPARE(i.lower, 0.0);
    QVERIFY(std::abs(i.upper - (1.0 - std::pow(0.025, 0.1))) < 1e-13);
    i = clopperPearsonInterval(10, 10, 0.05);
    QCOMPARE(i.upper, 1.0);
    QVERIFY(std::abs(i.lower - std::pow(0.025, 0.1)) < 1e-13);
}

void TestClopperPearson::normalQuantile() {
    QCOMPARE(pacd::normalQuantile(0.5), 0.0);
    QVERIFY(std::abs(pacd::normalQuantile(0.975) - 1.959963984540054) < 1e-13);
    QVERIFY(std::abs(pacd::normalQuantile(0.001) + 3.090232306167813) < 1e-12);
    QVERIFY(std::isinf(pacd::normalQuantile(1.0)) && pacd::normalQuantile(1.0) > 0);
    QVERIFY(std::isinf(pacd::normalQuantile(0.0)) && pacd::normalQuantile(0.0) < 0);
    for (double p : {1e-10, 0.1, 0.3, 0.77, 0.999999})
        QVERIFY(std::abs(normalCdf(pacd::normalQuantile(p)) - p) < 1e-14 + 1e-12 * p);
}

void TestClopperPearson::binomialPValue_data() {
    QTest::addColumn<qint64>("k");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");
    // scipy.stats.binomtest(k, n, p).pvalue; computed with mpmath by summing every outcome whose probability is
    // at most pmf(k)·(1 + 1e-7), scipy's definition. 7/10 is also the textbook 0.34375 = 2·176/1024.
    QTest::newRow("7/10") << qint64(7) << qint64(10) << 0.5 << 0.34375;
    QTest::newRow("60/100") << qint64(60) << qint64(100) << 0.5 << 0.056887933640980792;
    QTest::newRow("40/50") << qint64(40) << qint64(50) << 0.5 << 2.3861331676755526e-5;
    QTest::newRow("25/50 centre") << qint64(25) << qint64(50) << 0.5 << 1.0;
    QTest::newRow("520/1000") << qint64(520) << qint64(1000) << 0.5 << 0.21744829320414094;
    QTest::newRow("3/20 p=.3") << qint64(3) << qint64(20) << 0.3 << 0.22041826738070941;
    QTest::newRow("15/20 p=.3") << qint64(15) << qint64(20) << 0.3 << 4.294002195359172e-5;
}

void TestClopperPearson::binomialPValue() {
    QFETCH(qint64, k);
    QFETCH(qint64, n);
    QFETCH(double, p);
    QFETCH(double, expected);
    const double got = binomialTwoSidedPValue(k, n, p);
    QVERIFY2(std::abs(got - expected) < 1e-11 * std::max(1e-3, expected),
             qPrintable(QStringLiteral("got %1, expected %2").arg(got, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    // Symmetric at p = 1/2.
    if (p == 0.5) QVERIFY(std::abs(binomialTwoSidedPValue(n - k, n, 0.5) - got) < 1e-15 + 1e-12 * got);
}

void TestClopperPearson::badArgumentsAreErrors() {
    PACD_EXPECT_ERROR(clopperPearsonLower(5, 0, 0.01), "n must be >= 1");
    PACD_EXPECT_ERROR(clopperPearsonLower(11, 10, 0.01), "success count");
    PACD_EXPECT_ERROR(clopperPearsonLower(-1, 10, 0.01), "success count");
    PACD_EXPECT_ERROR(clopperPearsonLower(5, 10, 0.0), "alpha");
    PACD_EXPECT_ERROR(clopperPearsonLower(5, 10, 1.0), "alpha");
    PACD_EXPECT_ERROR(clopperPearsonInterval(5, 10, 1.5), "alpha");
    PACD_EXPECT_ERROR(binomialTwoSidedPValue(5, 4), "success count");
    PACD_EXPECT_ERROR(pacd::normalQuantile(1.5), "probability");
}

void TestClopperPearson::lowerBoundCoversTrueProbability() {
    // The one-sided bound promises P(lower > pA) <= alpha for every pA; it is conservative because the binomial is
    // discrete. For n = 100, alpha = 0.05 the exact rates and mean gaps pA − lower (mpmath, summing over all 101
    // outcomes) are listed below. With R = 4000 repetitions an observed rate has standard deviation at most
    // sqrt(0.05·0.95/4000) = 0.0034, so the tolerance 0.012 (3.5 SD) fails a correct implementation with probability
    // ~2e-4 (and the seed is fixed), while the point estimate nA/n (wrong ~50 % of the time) or a two-sided
    // alpha/2 bound (rate ~0.02) would fall outside it. The mean gap has SD ~0.0008 over 4000 draws; 0.003 tolerance.
    struct Case {
        double pA, exactRate, exactGap;
    };
    const double alpha = 0.05;
    const std::int64_t n = 100, repetitions = 4000;
    std::mt19937_64 engine(20240611);
    for (const Case c : {Case{0.3, 0.033979, 0.074627}, Case{0.7, 0.0478657, 0.0837833}, Case{0.95, 0.0370812, 0.0514414}}) {
        QVERIFY(c.exactRate <= alpha);
        std::binomial_distribution<std::int64_t> draw(n, c.pA);
        std::int64_t above = 0;
        double gapSum = 0.0;
        for (std::int64_t r = 0; r < repetitions; ++r) {
            const double lower = clopperPearsonLower(draw(engine), n, alpha);
            if (lower > c.pA) ++above;
            gapSum += c.pA - lower;
        }
        const double rate = double(above) / double(repetitions);
        const double gap = gapSum / double(repetitions);
        QVERIFY2(rate <= alpha + 0.012 && std::abs(rate - c.exactRate) < 0.012,
                 qPrintable(QStringLiteral("pA=%1: rate %2, exact %3").arg(c.pA).arg(rate).arg(c.exactRate)));
        QVERIFY2(std::abs(gap - c.exactGap) < 0.003,
                 qPrintable(QStringLiteral("pA=%1: mean gap %2, exact %3").arg(c.pA).arg(gap).arg(c.exactGap)));
    }
}

QTEST_GUILESS_MAIN(TestClopperPearson)
#include "tst_clopper_pearson.moc"
