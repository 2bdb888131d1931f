// Precision: what "auto" means, what PrecisionScope puts into force, and the forward-pass probes (batch rows and
// memory layout) that change only speed (issue #13). What a bf16 certificate is worth next to fp32 on a trained
// model is tst_bf16_fidelity's.
#include "test_helpers.h"

#include "models/classifier.h"
#include "models/layout.h"
#include "models/precision_scope.h"
#include "smoothing/certify.h"
#include "smoothing/forward_batch.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace pacd;

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
    // The probe times in inference mode but changes the layout outside it: the weights still take gradients (the
    // PGD measurement differentiates through the certified model).
    const auto input = x.clone().requires_grad_(true);
    model->forward(input).sum().backward();
    QVERIFY(input.grad().defined() && input.grad().abs().sum().item<double>() > 0);
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

QTEST_GUILESS_MAIN(TestPrecision)
#include "tst_precision.moc"
