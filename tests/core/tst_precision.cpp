// Precision: what "auto" means, what PrecisionScope puts into force, and what a bf16 certificate is worth next to
// the fp32 reference on a trained MNIST model and real test points (issue #13, item 2).
#include "test_helpers.h"

#include "data/catalog.h"
#include "data/splits.h"
#include "models/classifier.h"
#include "models/layout.h"
#include "models/precision_scope.h"
#include "smoothing/certify.h"
#include "smoothing/clopper_pearson.h"
#include "smoothing/eval_mode.h"
#include "smoothing/forward_batch.h"
#include "smoothing/metrics.h"
#include "support/cancel.h"
#include "training/trainer.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <numeric>

using namespace pacd;

namespace {

// A GA-trained MNIST CNN and 40 test images of digit 8, shared by the slow cases (trained once per process).
struct TrainedMnist {
    Classifier model;
    torch::Tensor eights, labels;
};

Dataset mnistSubset(std::int64_t size) {
    const auto train = loadSplit("mnist", "paper-train", test::dataDir());
    return train.subset(stratifiedSubsample(train.labels, size, 0), ":subset");
}

TrainConfig gaConfig(std::uint64_t seed, Precision precision) {
    auto config = TrainConfig::paper(TrainMethod::GaussianAugmentation, "mnist", 0.25);
    config.epochs = 3;
    config.seed = seed;
    config.precision = precision;
    return config;
}

const TrainedMnist& trainedMnist() {
    static const TrainedMnist trained = [] {
        TrainedMnist t;
        const auto data = mnistSubset(3000);
        CancelToken cancel;
        t.model = makeSeededClassifier(defaultModelSpec("mnist-cnn", "mnist"), 0);
        (void)train(*t.model, data, gaConfig(0, Precision::Fp32), cancel, silentProgress());
        const auto test = loadDatasetFile("mnist", "test", test::dataDir());
        auto eights = test.indicesOfClass(8);
        eights.resize(40);
        const auto points = test.subset(eights, ":8");
        t.eights = points.images;
        t.labels = points.labels;
        return t;
    }();
    return trained;
}

} // namespace

class TestPrecision : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void namesAndAutoResolution();
    void scopeRunsLayersInBf16AndRestores();
    void scopeIsANoOpForFp32();
    void channelsLastKeepsValuesAndHandles();
    void forwardBatchOnlyChangesSpeed();
    void forwardBatchProbeIsRememberedOnDisk();
    void layoutProbeLeavesModelInTheFasterLayout();
    void bf16VotesAgreeWithFp32();
    void bf16AcrWithinMonteCarloError();
    void bf16TrainingWithinSeedSpread();
};

void TestPrecision::namesAndAutoResolution() {
    QCOMPARE(nameOf(Precision::Bf16), std::string("bf16"));
    QCOMPARE(parseName<Precision>("auto"), Precision::Auto);
    PACD_EXPECT_ERROR(parseName<Precision>("fp16"), "unknown precision 'fp16'", "fp32, bf16, auto");
    const torch::Device cpu(torch::kCPU);
    QCOMPARE(resolvePrecision(Precision::Fp32, cpu), Precision::Fp32);
    QCOMPARE(resolvePrecision(Precision::Bf16, cpu), Precision::Bf16);
    QCOMPARE(resolvePrecision(Precision::Auto, cpu), hasNativeBf16(cpu) ? Precision::Bf16 : Precision::Fp32);
    // The kernel's CPU flags say whether it has AMX-BF16 or AVX512-BF16: the cpuid reading must agree with them.
    std::ifstream cpuinfo("/proc/cpuinfo");
    const std::string text((std::istreambuf_iterator<char>(cpuinfo)), std::istreambuf_iterator<char>());
    const bool amx = text.find(" amx_bf16") != std::string::npos, avx512 = text.find(" avx512_bf16") != std::string::npos;
    if (!text.empty()) QCOMPARE(hasNativeBf16(cpu), amx || avx512);
    const auto described = describePrecision(Precision::Auto, cpu);
    QVERIFY2(described.find(amx ? "bf16 (AMX)" : avx512 ? "bf16 (AVX512-BF16)" : "fp32 (auto") == 0, described.c_str());
}

void TestPrecision::scopeRunsLayersInBf16AndRestores() {
    torch::manual_seed(0);
    auto model = makeClassifier(defaultModelSpec("mnist-cnn", "mnist"));
    model->eval();
    torch::nn::Linear linear(4, 3);
    const auto x = torch::rand({5, 1, 28, 28});
    const auto v = torch::rand({2, 4});
    const auto typeNow = [&] { return linear->forward(v).scalar_type(); };
    torch::NoGradGuard noGrad;
    const auto reference = model->forward(x);
    QCOMPARE(typeNow(), torch::kFloat);
    {
        const PrecisionScope outer(Precision::Bf16, torch::kCPU);
        QCOMPARE(outer.precision(), Precision::Bf16);
        QCOMPARE(typeNow(), torch::kBFloat16);
        // The classifier hands back fp32 logits even though its last layer ran in bf16.
        const auto logits = model->forward(x);
        QCOMPARE(logits.scalar_type(), torch::kFloat);
        // bf16 keeps 8 bits of mantissa: logits agree with fp32's to about 1 %, not to 1e-6.
        const double relative = ((logits - reference).norm() / reference.norm()).item<double>();
        QVERIFY2(relative > 1e-6 && relative < 0.03, std::to_string(relative).c_str());
        {
            const PrecisionScope inner(Precision::Fp32, torch::kCPU); // exact products inside a bf16 scope
            QCOMPARE(typeNow(), torch::kFloat);
            QVERIFY(torch::equal(model->forward(x), reference));
            {
                const PrecisionScope nested(Precision::Bf16, torch::kCPU);
                QCOMPARE(typeNow(), torch::kBFloat16);
            }
            QCOMPARE(typeNow(), torch::kFloat);
        }
        QCOMPARE(typeNow(), torch::kBFloat16); // the inner scopes restored the outer one's state
    }
    QCOMPARE(typeNow(), torch::kFloat);
}

void TestPrecision::scopeIsANoOpForFp32() {
    const PrecisionScope scope(Precision::Fp32, torch::kCPU);
    QCOMPARE(scope.precision(), Precision::Fp32);
    torch::nn::Linear linear(4, 3);
    QCOMPARE(linear->forward(torch::rand({2, 4})).scalar_type(), torch::kFloat);
}

void TestPrecision::channelsLastKeepsValuesAndHandles() {
    torch::manual_seed(1);
    auto model = makeClassifier(defaultModelSpec("resnet20", "cifar10"));
    model->eval();
    const auto x = torch::rand({3, 3, 32, 32});
    torch::Tensor before;
    {
        torch::NoGradGuard noGrad;
        before = model->forward(x);
    }
    const auto* handle = model->parameters().front().unsafeGetTensorImpl();
    QVERIFY(!usesChannelsLast(*model));
    setChannelsLast(*model, true);
    QVERIFY(usesChannelsLast(*model));
    QCOMPARE(model->parameters().front().unsafeGetTensorImpl(), handle); // optimisers keep their tensors
    torch::NoGradGuard noGrad;
    const auto after = model->forward(x.contiguous(torch::MemoryFormat::ChannelsLast));
    QVERIFY(torch::allclose(before, after, 1e-4, 1e-5));
    setChannelsLast(*model, false);
    QVERIFY(!usesChannelsLast(*model));
    // The MNIST CNN's first convolution has one input channel, which both layouts describe: the second decides.
    auto mnist = makeClassifier(defaultModelSpec("mnist-cnn", "mnist"));
    setChannelsLast(*mnist, true);
    QVERIFY(usesChannelsLast(*mnist));
}

void TestPrecision::forwardBatchOnlyChangesSpeed() {
    // Votes of a model whose argmax depends on the noise: only the forward grouping changes, never the noise.
    torch::manual_seed(2);
    auto model = makeClassifier(defaultModelSpec("mnist-cnn", "mnist"));
    model->eval();
    c10::InferenceMode inference;
    const auto x = torch::rand({3, 1, 28, 28});
    std::vector<torch::Tensor> counts;
    for (const std::int64_t rows : {0, 70, 250, 1000}) {
        auto generator = makeNoiseGenerator(torch::kCPU, 5);
        counts.push_back(sampleVoteCounts(*model, x, 300, 0.5, 200, generator, nullptr, ForwardPasses{rows, false}));
    }
    QCOMPARE(counts[0].sum().item<std::int64_t>(), std::int64_t(900));
    QVERIFY2(counts[0].max().item<std::int64_t>() < 300, "the noise must split the votes for this test to mean anything");
    for (std::size_t i = 1; i < counts.size(); ++i)
        QVERIFY2(torch::equal(counts[0], counts[i]), std::to_string(i).c_str());
}

void TestPrecision::forwardBatchProbeIsRememberedOnDisk() {
    QTemporaryDir dir;
    const auto cache = test::tempPath(dir, "forward-batch.json");
    torch::manual_seed(3);
    auto model = makeClassifier(defaultModelSpec("logistic", "toy-gaussians"));
    const auto first = chooseForwardBatch(*model, Precision::Fp32, cache);
    QVERIFY(!first.fromCache);
    QCOMPARE(first.measured.size(), std::size_t(6));
    QVERIFY(first.samplesPerSecond > 0);
    bool found = false;
    for (const auto& [rows, rate] : first.measured)
        found = found || (rows == first.rows && rate == first.samplesPerSecond);
    QVERIFY(found); // the choice is the fastest measured
    QVERIFY(std::filesystem::exists(cache));
    const auto again = chooseForwardBatch(*model, Precision::Fp32, cache);
    QVERIFY(again.fromCache);
    QCOMPARE(again.rows, first.rows);
    // A damaged cache is a cache: probed again, not an error.
    std::ofstream(cache) << "{not json";
    auto other = makeClassifier(defaultModelSpec("mnist-cnn", "mnist")); // another key: not in the process cache
    QVERIFY(!chooseForwardBatch(*other, Precision::Fp32, cache).fromCache);
}

void TestPrecision::layoutProbeLeavesModelInTheFasterLayout() {
    QTemporaryDir dir;
    const auto cache = test::tempPath(dir, "forward-batch.json");
    torch::manual_seed(4);
    auto model = makeClassifier(defaultModelSpec("mnist-cnn", "mnist"));
    model->eval(); // no dropout: the two forwards below must see the same network
    const auto x = torch::rand({8, 1, 28, 28});
    const auto before = model->forward(x);
    const auto first = chooseForwardPasses(*model, Precision::Fp32, cache);
    QVERIFY(!first.fromCache);
    QVERIFY(first.samplesPerSecond > 0 && first.otherLayoutSamplesPerSecond > 0);
    QVERIFY(first.samplesPerSecond >= first.otherLayoutSamplesPerSecond); // the winner is the faster one
    QCOMPARE(usesChannelsLast(*model), first.channelsLast);               // and the model is left in it
    QVERIFY(torch::allclose(model->forward(x), before, 1e-5, 1e-5));      // layout changes speed, not values
    // A fresh model of the same kind is put into the remembered layout without probing.
    torch::manual_seed(5);
    auto other = makeClassifier(defaultModelSpec("mnist-cnn", "mnist"));
    const auto again = chooseForwardPasses(*other, Precision::Fp32, cache);
    QVERIFY(again.fromCache);
    QCOMPARE(again.rows, first.rows);
    QCOMPARE(usesChannelsLast(*other), first.channelsLast);
    std::ifstream in(cache);
    const auto written = nlohmann::json::parse(in);
    bool layoutRecorded = false;
    for (const auto& [key, value] : written.items())
        layoutRecorded = layoutRecorded || (value.is_string() && (value == "channels-last" || value == "nchw"));
    QVERIFY(layoutRecorded);
}

void TestPrecision::bf16VotesAgreeWithFp32() {
    QVERIFY2(datasetStatus("mnist", test::dataDir()).present, "MNIST is not provisioned: run scripts/bootstrap.sh");
    const auto& trained = trainedMnist();
    auto& model = *trained.model;
    EvalModeScope eval(model);
    c10::InferenceMode inference;
    // The same noisy samples through both precisions: 40 eights x 250 draws at σ = 0.25.
    auto generator = makeNoiseGenerator(torch::kCPU, 11);
    const auto clean = trained.eights.repeat_interleave(250, 0);
    const auto noisy = clean + torch::randn(clean.sizes(), generator) * 0.25;
    const auto fp32 = model.forward(noisy).argmax(1);
    torch::Tensor bf16;
    {
        const PrecisionScope scope(Precision::Bf16, torch::kCPU);
        bf16 = model.forward(noisy).argmax(1);
    }
    const double agreement = fp32.eq(bf16).to(torch::kDouble).mean().item<double>();
    qInfo("bf16 vs fp32 argmax agreement on %lld noisy samples: %.4f %%", static_cast<long long>(noisy.size(0)), 100 * agreement);
    QVERIFY2(agreement >= 0.995, std::to_string(agreement).c_str());
    QVERIFY2(fp32.eq(8).to(torch::kDouble).mean().item<double>() > 0.8, "the model must be trained for this to mean anything");
}

void TestPrecision::bf16AcrWithinMonteCarloError() {
    QVERIFY2(datasetStatus("mnist", test::dataDir()).present, "MNIST is not provisioned: run scripts/bootstrap.sh");
    const auto& trained = trainedMnist();
    CertifyConfig config;
    config.sigma = 0.25;
    config.n0 = 100;
    config.n = 2000;
    config.batch = 500;
    config.seed = 3;
    CancelToken cancel;
    std::vector<std::vector<PointResult>> runs;
    for (const auto precision : {Precision::Fp32, Precision::Bf16}) {
        config.precision = precision;
        runs.push_back(certify(*trained.model, trained.eights, trained.labels, config, cancel, silentProgress()));
    }
    double acr[2] = {0, 0}, variance = 0;
    std::int64_t changed = 0;
    for (std::size_t i = 0; i < runs[0].size(); ++i) {
        for (int p = 0; p < 2; ++p)
            acr[p] += runs[p][i].correct ? runs[p][i].radius : 0.0;
        const auto votes = static_cast<std::int64_t>(std::llround(runs[0][i].pAEstimate * double(config.n)));
        const double se = radiusStandardError(votes, config.n, config.alpha, config.sigma);
        variance += se * se;
        changed += runs[0][i].predicted != runs[1][i].predicted ? 1 : 0;
    }
    const double points = double(runs[0].size());
    acr[0] /= points;
    acr[1] /= points;
    // The ACR's own Monte-Carlo standard error at this n and α: a fresh draw of noise would move it by about this.
    const double standardError = std::sqrt(variance) / points;
    qInfo("ACR fp32 %.4f, bf16 %.4f (difference %.5f); Monte-Carlo s.e. at n = %lld: %.4f; predictions changed: %lld", acr[0],
          acr[1], acr[1] - acr[0], static_cast<long long>(config.n), standardError, static_cast<long long>(changed));
    QVERIFY(acr[0] > 0.2);
    QVERIFY2(std::abs(acr[1] - acr[0]) <= standardError, "bf16's ACR is further from fp32's than a redraw of the noise");
    QVERIFY(changed <= 1);
}

void TestPrecision::bf16TrainingWithinSeedSpread() {
    QVERIFY2(datasetStatus("mnist", test::dataDir()).present, "MNIST is not provisioned: run scripts/bootstrap.sh");
    const auto data = mnistSubset(2000);
    const auto& points = trainedMnist();
    CertifyConfig config;
    config.sigma = 0.25;
    config.n = 500;
    config.batch = 500;
    CancelToken cancel;
    const auto victimAcr = [&](std::uint64_t seed, Precision precision) {
        auto model = makeSeededClassifier(defaultModelSpec("mnist-cnn", "mnist"), seed);
        auto trainConfig = gaConfig(seed, precision);
        trainConfig.epochs = 2;
        (void)train(*model, data, trainConfig, cancel, silentProgress());
        const auto results = certify(*model, points.eights, points.labels, config, cancel, silentProgress());
        return summarize(results, config.sigma, config.n, config.alpha).acr;
    };
    std::vector<double> fp32;
    for (std::uint64_t seed = 0; seed < 3; ++seed)
        fp32.push_back(victimAcr(seed, Precision::Fp32));
    const double mean = std::accumulate(fp32.begin(), fp32.end(), 0.0) / double(fp32.size());
    double ss = 0;
    for (const double a : fp32)
        ss += (a - mean) * (a - mean);
    const double sd = std::sqrt(ss / double(fp32.size() - 1));
    const double low = *std::min_element(fp32.begin(), fp32.end()), high = *std::max_element(fp32.begin(), fp32.end());
    const double bf16 = victimAcr(0, Precision::Bf16);
    qInfo("GA victims' ACR: fp32 seeds %.4f %.4f %.4f (mean %.4f, s.d. %.4f); bf16 seed 0 %.4f", fp32[0], fp32[1], fp32[2], mean,
          sd, bf16);
    QVERIFY(mean > 0.2);
    // Within the fp32 seeds' range widened by one s.d. on each side.
    QVERIFY2(bf16 >= low - sd && bf16 <= high + sd, std::to_string(bf16).c_str());
}

QTEST_GUILESS_MAIN(TestPrecision)
#include "tst_precision.moc"
