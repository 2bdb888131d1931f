#include "test_helpers.h"

#include "data/catalog.h"
#include "data/splits.h"
#include "models/checkpoint.h"
#include "models/classifier.h"
#include "training/trainer.h"

#include <atomic>

using namespace pacd;

namespace {

// Random images with labels that depend on them (the brighter half of the image), so training has signal.
Dataset syntheticDigits(std::int64_t n, std::uint64_t seed) {
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    Dataset data;
    data.name = "synthetic/train";
    data.images = torch::rand({n, 1, 28, 28}, generator, torch::TensorOptions());
    data.labels = (data.images.mean({1, 2, 3}) * 1000).to(torch::kLong) % 10;
    for (int c = 0; c < 10; ++c)
        data.classNames.push_back(std::to_string(c));
    return data;
}

std::vector<torch::Tensor> weights(ClassifierImpl& model) {
    std::vector<torch::Tensor> out;
    for (const auto& p : model.parameters())
        out.push_back(p.detach().clone());
    return out;
}

bool sameWeights(const std::vector<torch::Tensor>& a, const std::vector<torch::Tensor>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!torch::equal(a[i], b[i])) return false;
    return true;
}

TrainConfig tinyConfig(TrainMethod method) {
    TrainConfig config = TrainConfig::paper(method, "mnist", 0.25);
    config.epochs = 2;
    config.batchSize = 32;
    config.macer.samples = 4;
    config.smoothAdv.warmupEpochs = 2;
    config.seed = 17;
    return config;
}

// Returns NaN logits on its `failAt`-th forward call in train mode (counting from 1); otherwise a linear layer.
class FailingModelImpl : public ClassifierImpl {
  public:
    explicit FailingModelImpl(int failAt) : ClassifierImpl(spec()), m_failAt(failAt) {
        m_linear = register_module("linear", torch::nn::Linear(28 * 28, 10));
    }
    static ModelSpec spec() {
        ModelSpec s;
        s.arch = "logistic";
        s.inputShape = {1, 28, 28};
        return s;
    }

  protected:
    torch::Tensor body(const torch::Tensor& x) override {
        auto logits = m_linear->forward(x.flatten(1));
        if (is_training() && ++m_calls == m_failAt) logits = logits * std::numeric_limits<float>::quiet_NaN();
        return logits;
    }

  private:
    int m_failAt;
    int m_calls = 0;
    torch::nn::Linear m_linear{nullptr};
};

} // namespace

class TestTraining : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void seededRunsAreIdentical_data();
    void seededRunsAreIdentical();
    void resumeReproducesUninterruptedRun();
    void resumeRefusesOtherSettings();
    void nonFiniteLossNamesEpochAndStep();
    void cancelStopsBetweenSteps();
    void progressReportsEpochMetrics();
    void gaBeatsStandardOnTargetSoftAcr();
};

void TestTraining::seededRunsAreIdentical_data() {
    QTest::addColumn<int>("method");
    QTest::newRow("standard") << static_cast<int>(TrainMethod::Standard);
    QTest::newRow("ga") << static_cast<int>(TrainMethod::GaussianAugmentation);
    QTest::newRow("macer") << static_cast<int>(TrainMethod::Macer);
    QTest::newRow("smoothadv") << static_cast<int>(TrainMethod::SmoothAdv);
}

void TestTraining::seededRunsAreIdentical() {
    QFETCH(int, method);
    const auto data = syntheticDigits(64, 1);
    auto config = tinyConfig(static_cast<TrainMethod>(method));
    CancelToken cancel;
    std::vector<std::vector<torch::Tensor>> runs;
    for (int run = 0; run < 2; ++run) {
        auto model = makeSeededClassifier(defaultModelSpec("mnist-cnn", "mnist"), 3);
        const auto result = train(*model, data, config, cancel, silentProgress());
        QCOMPARE(result.epochs, std::int64_t(2));
        QCOMPARE(result.steps, std::int64_t(4));
        QVERIFY(!model->is_training());
        runs.push_back(weights(*model));
    }
    QVERIFY(sameWeights(runs[0], runs[1]));
    // Another seed gives other weights (the seed reaches shuffling and noise, not only the initialisation).
    config.seed = 18;
    auto other = makeSeededClassifier(defaultModelSpec("mnist-cnn", "mnist"), 3);
    train(*other, data, config, cancel, silentProgress());
    QVERIFY(!sameWeights(runs[0], weights(*other)));
}

void TestTraining::resumeReproducesUninterruptedRun() {
    QTemporaryDir dir;
    const auto data = syntheticDigits(64, 2);
    const auto spec = defaultModelSpec("mnist-cnn", "mnist");
    CancelToken cancel;
    // GA with dropout: noise, shuffle and the global (dropout) generator must all be restored.
    auto config = tinyConfig(TrainMethod::GaussianAugmentation);
    config.epochs = 3;
    config.checkpoint = test::tempPath(dir, "full.pt");
    auto full = makeSeededClassifier(spec, 4);
    train(*full, data, config, cancel, silentProgress());

    config.checkpoint = test::tempPath(dir, "part.pt");
    config.epochs = 1;
    auto part = makeSeededClassifier(spec, 4);
    train(*part, data, config, cancel, silentProgress());
    QCOMPARE(readCheckpointInfo(config.checkpoint).epoch, std::int64_t(1));
    QVERIFY(std::filesystem::exists(trainingStatePath(config.checkpoint)));

    // Something else uses the global generator in between (another job in the same process).
    torch::rand({100});
    config.epochs = 3;
    config.resume = true;
    auto resumed = makeSeededClassifier(spec, 99); // its own weights are replaced by the state's
    const auto result = train(*resumed, data, config, cancel, silentProgress());
    QCOMPARE(result.startEpoch, std::int64_t(1));
    QCOMPARE(result.epochs, std::int64_t(3));
    QCOMPARE(result.steps, std::int64_t(4));
    QVERIFY(sameWeights(weights(*full), weights(*resumed)));

    // The per-epoch checkpoint is a normal model file with the run's info.
    const auto loaded = loadCheckpoint(config.checkpoint, {}, torch::kCPU);
    QCOMPARE(loaded.info.epoch, std::int64_t(3));
    QCOMPARE(loaded.info.method, std::string("ga"));
    QCOMPARE(loaded.info.dataset, std::string("synthetic"));
    QCOMPARE(loaded.info.sigma, 0.25);
    QVERIFY(sameWeights(weights(*full), weights(*loaded.model)));
}

void TestTraining::resumeRefusesOtherSettings() {
    QTemporaryDir dir;
    const auto data = syntheticDigits(32, 3);
    CancelToken cancel;
    auto config = tinyConfig(TrainMethod::GaussianAugmentation);
    config.epochs = 1;
    config.checkpoint = test::tempPath(dir, "m.pt");
    auto model = makeSeededClassifier(defaultModelSpec("mnist-cnn", "mnist"), 1);
    train(*model, data, config, cancel, silentProgress());
    config.resume = true;
    config.epochs = 2;
    config.sigma = 0.5;
    PACD_EXPECT_ERROR(train(*model, data, config, cancel, silentProgress()), "m.pt.state", "other settings");
    config.sigma = 0.25;
    PACD_EXPECT_ERROR(train(*model, syntheticDigits(32, 4), config, cancel, silentProgress()), "other data");
}

void TestTraining::nonFiniteLossNamesEpochAndStep() {
    QTemporaryDir dir;
    const auto data = syntheticDigits(64, 5);
    CancelToken cancel;
    auto config = tinyConfig(TrainMethod::Standard);
    config.epochs = 5;
    config.checkpoint = test::tempPath(dir, "nan.pt");
    // 2 steps per epoch, one forward per step: the 6th forward is epoch 3, step 2.
    torch::manual_seed(0);
    auto model = std::make_shared<FailingModelImpl>(6);
    PACD_EXPECT_ERROR(train(*model, data, config, cancel, silentProgress()), "loss is NaN", "epoch 3 step 2");
    // The last good checkpoint is intact, and the model is neither re-initialised nor updated with the bad loss:
    // its weights are those after the 5 good steps, as a run without the failure cancelled after step 5 shows.
    QCOMPARE(readCheckpointInfo(config.checkpoint).epoch, std::int64_t(2));
    for (const auto& p : model->parameters())
        QVERIFY(torch::isfinite(p).all().item<bool>());
    torch::manual_seed(0);
    auto replay = std::make_shared<FailingModelImpl>(1000);
    config.checkpoint.clear();
    config.progressIntervalSeconds = 0.0;
    std::int64_t steps = 0;
    const ProgressSink stopAfterFive = [&](const ProgressEvent& event) {
        if (event.stage == "train" && ++steps == 5) cancel.cancel();
    };
    QVERIFY_THROWS_EXCEPTION(Cancelled, train(*replay, data, config, cancel, stopAfterFive));
    QVERIFY(sameWeights(weights(*model), weights(*replay)));
}

void TestTraining::cancelStopsBetweenSteps() {
    const auto data = syntheticDigits(64, 6);
    CancelToken cancel;
    auto config = tinyConfig(TrainMethod::GaussianAugmentation);
    config.progressIntervalSeconds = 0.0;
    std::int64_t steps = 0;
    const ProgressSink sink = [&](const ProgressEvent& event) {
        if (event.stage == "train" && ++steps == 3) cancel.cancel();
    };
    auto model = makeSeededClassifier(defaultModelSpec("mnist-cnn", "mnist"), 1);
    QVERIFY_THROWS_EXCEPTION(Cancelled, train(*model, data, config, cancel, sink));
    QCOMPARE(steps, std::int64_t(3));
}

void TestTraining::progressReportsEpochMetrics() {
    const auto data = syntheticDigits(64, 7);
    CancelToken cancel;
    auto config = tinyConfig(TrainMethod::Macer);
    config.progressIntervalSeconds = 0.0;
    config.monitorSamples = 4;
    std::vector<ProgressEvent> events;
    const ProgressSink sink = [&](const ProgressEvent& event) { events.push_back(event); };
    auto model = makeSeededClassifier(defaultModelSpec("mnist-cnn", "mnist"), 1);
    const auto result = train(*model, data, config, cancel, sink, syntheticDigits(10, 8));
    std::int64_t stepEvents = 0, epochEvents = 0;
    for (const auto& e : events) {
        if (e.stage == "train") {
            ++stepEvents;
            QCOMPARE(e.total, std::int64_t(4));
            QVERIFY(e.metrics.count("loss") && e.metrics.count("accuracy"));
        } else if (e.stage == "train-epoch") {
            ++epochEvents;
            QCOMPARE(e.total, std::int64_t(2));
            QVERIFY(e.metrics.count("target_soft_acr") && e.metrics.at("target_soft_acr") >= 0.0);
            QVERIFY(!e.message.empty());
        }
    }
    QCOMPARE(stepEvents, std::int64_t(4));
    QCOMPARE(epochEvents, std::int64_t(2));
    QCOMPARE(result.history.size(), std::size_t(2));
    QVERIFY(result.imagesPerSecond > 0.0);
}

void TestTraining::gaBeatsStandardOnTargetSoftAcr() {
    const auto dir = test::dataDir();
    QVERIFY2(datasetStatus("mnist", dir).present, "MNIST is not provisioned: run scripts/bootstrap.sh or pacd-cli fetch mnist");
    const auto train = loadSplit("mnist", "paper-train", dir);
    const auto subset = train.subset(stratifiedSubsample(train.labels, 1500, 0), ":subset");
    const auto test = loadDatasetFile("mnist", "test", dir);
    auto eights = test.indicesOfClass(8);
    eights.resize(100);
    const auto monitor = test.subset(eights, ":8");

    // 16 epochs of 30 steps (batch 50), seeded. On a subset this small the target class's soft ACR jumps by
    // ±0.07 from epoch to epoch as the boundary around the 8s moves, so the comparison uses the mean of the
    // last 6 epochs. Measured here (LibTorch 1.13, 2 threads): standard 0.566, GA 0.632; the soft radius at
    // σ = 0.25 saturates near σ/2·(Φ⁻¹(0.999) − Φ⁻¹(0.001)) ≈ 0.77, and a standard MNIST CNN already tolerates
    // σ = 0.25 fairly well, so the gap is real but not large at this scale.
    CancelToken cancel;
    std::map<std::string, double> acr;
    for (const auto method : {TrainMethod::Standard, TrainMethod::GaussianAugmentation}) {
        auto config = TrainConfig::paper(method, "mnist", 0.25); // standard ignores σ; the monitor uses it
        config.epochs = 16;
        config.batchSize = 50;
        config.seed = 0;
        auto model = makeSeededClassifier(defaultModelSpec("mnist-cnn", "mnist"), 0);
        const auto result = pacd::train(*model, subset, config, cancel, silentProgress(), monitor);
        double sum = 0.0;
        for (std::size_t e = result.history.size() - 6; e < result.history.size(); ++e)
            sum += result.history[e].targetSoftAcr;
        acr[methodName(method)] = sum / 6.0;
    }
    qInfo("target-class soft ACR at sigma=0.25, mean of epochs 11-16: standard %.3f, ga %.3f", acr["standard"], acr["ga"]);
    QVERIFY(acr["ga"] > acr["standard"] + 0.03);
}

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_training.moc"
