#include "test_helpers.h"

#include "defense/sanitizers.h"

using namespace pacd;

class TestSanitizers : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void bitDepthRoundsToTheLevels();
    void medianFilterAgainstHandComputedWindows();
    void gaussianBlurAgainstHandComputedTaps();
    void jpegKeepsFlatImagesAndLosesDetailWithQuality();
    void settingsAreChecked();
};

void TestSanitizers::bitDepthRoundsToTheLevels() {
    const auto x = torch::tensor({0.2f, 0.49f, 0.51f, 0.8f}).view({1, 1, 2, 2});
    // 1 bit: levels {0, 1}; 2 bits: {0, 1/3, 2/3, 1}: 0.6 → 1, 1.47 → 1, 1.53 → 2, 2.4 → 2 thirds.
    QVERIFY(torch::equal(reduceBitDepth(x, 1), torch::tensor({0.f, 0.f, 1.f, 1.f}).view({1, 1, 2, 2})));
    QVERIFY(torch::allclose(sanitize(x, {Sanitizer::BitDepth, 2}),
                            torch::tensor({1.f / 3, 1.f / 3, 2.f / 3, 2.f / 3}).view({1, 1, 2, 2})));
    QVERIFY(torch::equal(reduceBitDepth(torch::tensor({0.f, 1.f}).view({1, 1, 1, 2}), 8),
                         torch::tensor({0.f, 1.f}).view({1, 1, 1, 2})));
}

void TestSanitizers::medianFilterAgainstHandComputedWindows() {
    // [[1, 2, 3], [4, 5, 6], [7, 8, 9]] / 10, edges replicated: the corner's window is {1, 1, 2, 1, 1, 2, 4, 4, 5}
    // (median 2), the top edge's {1, 2, 3, 1, 2, 3, 4, 5, 6} (3), the centre's all nine (5).
    const auto x = torch::arange(1, 10, torch::kFloat).view({1, 1, 3, 3}) / 10;
    const auto y = medianFilter(x, 3);
    QCOMPARE(y.sizes(), x.sizes());
    QVERIFY(std::abs(y[0][0][0][0].item<float>() - 0.2f) < 1e-7);
    QVERIFY(std::abs(y[0][0][0][1].item<float>() - 0.3f) < 1e-7);
    QVERIFY(std::abs(y[0][0][1][1].item<float>() - 0.5f) < 1e-7);
    QVERIFY(std::abs(y[0][0][2][2].item<float>() - 0.8f) < 1e-7); // {5, 6, 6, 8, 9, 9, 8, 9, 9}
    // An isolated bright pixel (salt) is removed; channels are filtered apart.
    auto salt = torch::zeros({2, 3, 5, 5});
    salt[1][2][2][2] = 1.0f;
    QVERIFY(torch::equal(medianFilter(salt, 3), torch::zeros({2, 3, 5, 5})));
    QVERIFY(torch::equal(medianFilter(x, 1), x));
}

void TestSanitizers::gaussianBlurAgainstHandComputedTaps() {
    // s.d. 1/3: radius ceil(1) = 1, taps (e, 1, e) / (1 + 2e) with e = exp(−4.5). A 1 x 3 row (0, 1, 0) with replicated
    // edges becomes (e, 1, e) / (1 + 2e); the vertical pass of a single row is the identity.
    const double e = std::exp(-4.5);
    const auto x = torch::tensor({0.f, 1.f, 0.f}).view({1, 1, 1, 3});
    const auto y = gaussianBlur(x, 1.0 / 3);
    QVERIFY(std::abs(y[0][0][0][0].item<float>() - e / (1 + 2 * e)) < 1e-7);
    QVERIFY(std::abs(y[0][0][0][1].item<float>() - 1 / (1 + 2 * e)) < 1e-6);
    // A constant image stays constant (taps sum to 1, edges replicated); sizes kept for a wide kernel too.
    const auto flat = torch::full({2, 3, 6, 5}, 0.4f);
    const auto blurred = sanitize(flat, {Sanitizer::Blur, 1.5});
    QCOMPARE(blurred.sizes(), flat.sizes());
    QVERIFY(torch::allclose(blurred, flat, 0, 1e-6));
    // Blur spreads a point's mass but keeps its sum away from the edges.
    auto point = torch::zeros({1, 1, 15, 15});
    point[0][0][7][7] = 1.0f;
    QVERIFY(std::abs(gaussianBlur(point, 1.0).sum().item<float>() - 1.0f) < 1e-5);
}

void TestSanitizers::jpegKeepsFlatImagesAndLosesDetailWithQuality() {
    if (!jpegSupported()) {
        PACD_EXPECT_ERROR(jpegReencode(torch::zeros({1, 1, 8, 8}), 50), "needs OpenCV");
        QSKIP("this build has no OpenCV");
    }
    // A flat 128 block has only a zero DC coefficient after JPEG's level shift: exact at any quality.
    const auto flat = torch::full({2, 1, 16, 16}, 128.0f / 255);
    QVERIFY(torch::allclose(jpegReencode(flat, 10), flat, 0, 1e-6));
    // A flat colour survives too (within a level), channels not swapped.
    auto colour = torch::empty({1, 3, 16, 16});
    colour[0][0].fill_(200.0f / 255);
    colour[0][1].fill_(100.0f / 255);
    colour[0][2].fill_(50.0f / 255);
    const auto colourOut = jpegReencode(colour, 90);
    QVERIFY2((colourOut - colour).abs().max().item<float>() <= 3.0f / 255, "flat colour changed");
    // Detail: noise is kept within a few levels at quality 100 and lost more at 10 than at 90.
    torch::manual_seed(5);
    const auto noise = torch::rand({4, 1, 28, 28});
    const auto error = [&](int quality) { return (jpegReencode(noise, quality) - noise).abs().mean().item<float>(); };
    QVERIFY2(error(100) < 4.0f / 255, std::to_string(error(100)).c_str());
    QVERIFY(error(10) > error(90));
    QCOMPARE(jpegReencode(noise, 50).sizes(), noise.sizes());
}

void TestSanitizers::settingsAreChecked() {
    PACD_EXPECT_ERROR(reduceBitDepth(torch::zeros({1, 1, 2, 2}), 0), "0 bits");
    PACD_EXPECT_ERROR(medianFilter(torch::zeros({1, 1, 2, 2}), 2), "kernel 2");
    PACD_EXPECT_ERROR(gaussianBlur(torch::zeros({4}), 1.0), "[N, C, H, W]");
    PACD_EXPECT_ERROR(requireSanitizerParameter(Sanitizer::Jpeg, 101, "sanitizer_param"), "sanitizer_param", "[1, 100]");
    PACD_EXPECT_ERROR(requireSanitizerParameter(Sanitizer::Median, 4, "sanitizer_param"), "odd");
    PACD_EXPECT_ERROR(requireSanitizerParameter(Sanitizer::BitDepth, 1.5, "sanitizer_param"), "[1, 8]");
    requireSanitizerParameter(Sanitizer::Blur, 0.5, "sanitizer_param");
    QCOMPARE(sanitizerLabel({Sanitizer::Jpeg, 50}), std::string("jpeg 50"));
    QCOMPARE(defaultSanitizerParameter(Sanitizer::BitDepth, false), 1.0);
    QVERIFY(sanitize(torch::ones({1, 1, 2, 2}), {}).equal(torch::ones({1, 1, 2, 2})));
}

QTEST_GUILESS_MAIN(TestSanitizers)
#include "tst_sanitizers.moc"
