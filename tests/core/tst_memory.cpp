#include "test_helpers.h"

#include "models/classifier.h"
#include "models/footprint.h"
#include "smoothing/certify.h"
#include "support/cancel.h"
#include "support/memory.h"
#include "training/trainer.h"

using namespace pacd;

class TestMemory : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void footprintParametersMatchTheBuiltModels_data();
    void footprintParametersMatchTheBuiltModels();
    void mnistCnnFootprintByHand();
    void resnet20FootprintByHand();
    void estimatesByHand();
    void formatBytes();
    void availableMemoryIsPlausibleAndCapped();
    void certifyRefusesAnAbsurdBatch();
    void trainingRefusesWhatTheCapCannotHold();
    void smallRunsPass();
    void cleanup() { qunsetenv("PACD_MEMORY_LIMIT_MB"); }
};

void TestMemory::footprintParametersMatchTheBuiltModels_data() {
    QTest::addColumn<QString>("arch");
    QTest::addColumn<QString>("dataset");
    QTest::newRow("mnist-cnn") << "mnist-cnn"
                               << "mnist";
    QTest::newRow("resnet20") << "resnet20"
                              << "cifar10";
    QTest::newRow("resnet56") << "resnet56"
                              << "cifar10";
    QTest::newRow("resnet110") << "resnet110"
                               << "cifar10";
    QTest::newRow("logistic") << "logistic"
                              << "toy-gaussians";
}

void TestMemory::footprintParametersMatchTheBuiltModels() {
    QFETCH(QString, arch);
    QFETCH(QString, dataset);
    const auto spec = defaultModelSpec(arch.toStdString(), dataset.toStdString());
    QCOMPARE(modelFootprint(spec).parameters, parameterCount(*makeClassifier(spec)));
}

void TestMemory::mnistCnnFootprintByHand() {
    const auto fp = modelFootprint(defaultModelSpec("mnist-cnn", "mnist"));
    QCOMPARE(fp.parameters, std::int64_t(431080)); // the README's figure
    QCOMPARE(fp.inputs, std::int64_t(784));
    // conv1 20x24x24 = 11520 (+ReLU), pool 20x12x12 = 2880, conv2 50x8x8 = 3200 (+ReLU), pool 800, fc1 500 (+ReLU), 10
    QCOMPARE(fp.activations, std::int64_t(784 + 2 * 11520 + 2880 + 2 * 3200 + 800 + 2 * 500 + 10));
    QCOMPARE(fp.widestLayer, std::int64_t(11520));
}

void TestMemory::resnet20FootprintByHand() {
    const auto fp = modelFootprint(defaultModelSpec("resnet20", "cifar10"));
    QCOMPARE(fp.parameters, std::int64_t(269722)); // tst_models, by hand
    QCOMPARE(fp.inputs, std::int64_t(3072));
    // stem 3 x 16x32x32; 3 blocks per stage of 8 maps: 16x32x32, 32x16x16, 64x8x8; pool 64; logits 10
    QCOMPARE(fp.activations, std::int64_t(3072 + 3 * 16384 + 3 * 8 * (16384 + 8192 + 4096) + 64 + 10));
    QCOMPARE(fp.widestLayer, std::int64_t(16384));
}

void TestMemory::estimatesByHand() {
    const auto fp = modelFootprint(defaultModelSpec("mnist-cnn", "mnist"));
    // 4 bytes x (431080 weights + 1000 rows x (3 x 784 + 2 x 11520))
    QCOMPARE(inferenceBytes(fp, 1000), std::int64_t(4) * (431080 + 1000 * (2352 + 23040)));
    QCOMPARE(inferenceBytes(fp, 1000), std::int64_t(103292320));
    // 4 bytes x (4 x 431080 + 200 rows x (2 x 784 + 2 x 34914))
    QCOMPARE(trainingBytes(fp, 200), std::int64_t(4) * (4 * 431080 + 200 * (1568 + 69828)));
    QCOMPARE(trainingBytes(fp, 200), std::int64_t(64014080));
    // 4 bytes x (8 x 431080 + 1000 rows x (1568 + 3 x 34914) + 2000 rows x (1568 + 2 x 34914))
    QCOMPARE(attackBytes(fp, 1000, 2000), std::int64_t(4) * (8 * 431080 + 1000 * 106310 + 2000 * 71396));
}

void TestMemory::formatBytes() {
    QCOMPARE(pacd::formatBytes(900), std::string("900 B"));
    QCOMPARE(pacd::formatBytes(1536), std::string("1.5 KiB"));
    QCOMPARE(pacd::formatBytes(std::int64_t(3) << 30), std::string("3.0 GiB"));
}

void TestMemory::availableMemoryIsPlausibleAndCapped() {
    const auto available = availableMemory(torch::kCPU);
    QVERIFY(available.has_value()); // Linux always has /proc/meminfo
    QVERIFY(*available > (std::int64_t(16) << 20));
    qputenv("PACD_MEMORY_LIMIT_MB", "5");
    QCOMPARE(*availableMemory(torch::kCPU), std::int64_t(5) << 20);
    qputenv("PACD_MEMORY_LIMIT_MB", "lots");
    PACD_EXPECT_ERROR(availableMemory(torch::kCPU), "PACD_MEMORY_LIMIT_MB", "lots");
}

void TestMemory::certifyRefusesAnAbsurdBatch() {
    auto model = makeClassifier(defaultModelSpec("mnist-cnn", "mnist"));
    const auto inputs = torch::rand({2, 1, 28, 28});
    const auto labels = torch::zeros({2}, torch::kLong);
    CertifyConfig config;
    config.sigma = 0.25;
    config.n = 1'000'000'000; // 1e9 noisy samples of 784 floats in one pass: terabytes
    config.batch = 1'000'000'000;
    CancelToken cancel;
    PACD_EXPECT_ERROR(certify(*model, inputs, labels, config, cancel, {}), "certify: forward passes of 1000000000 noisy samples",
                      "needs about", "TiB", "lower the certification batch");
}

void TestMemory::trainingRefusesWhatTheCapCannotHold() {
    auto model = makeClassifier(defaultModelSpec("mnist-cnn", "mnist"));
    Dataset data{"fake",
                 torch::rand({400, 1, 28, 28}),
                 torch::arange(400, torch::kLong).remainder(10),
                 {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}};
    auto config = TrainConfig::paper(TrainMethod::Macer, "mnist", 0.25);
    config.epochs = 1;
    config.batchSize = 200;
    // 200 x (1 + 16) rows through the CNN: 4 x (4 x 431080 + 3400 x 71396) bytes = ~933 MiB, far above a 64 MiB cap
    qputenv("PACD_MEMORY_LIMIT_MB", "64");
    CancelToken cancel;
    PACD_EXPECT_ERROR(train(*model, data, config, cancel, {}), "training mnist-cnn (macer) on 400 points: batches of 200 x 17",
                      "but only 64.0 MiB is available", "--batch", "noise samples");
}

void TestMemory::smallRunsPass() {
    // The same run fits once the cap is generous: the check must not refuse ordinary settings.
    auto model = makeClassifier(defaultModelSpec("mnist-cnn", "mnist"));
    const auto inputs = torch::rand({2, 1, 28, 28});
    CertifyConfig config;
    config.sigma = 0.25;
    config.n0 = 10;
    config.n = 20;
    config.batch = 100;
    qputenv("PACD_MEMORY_LIMIT_MB", "512");
    CancelToken cancel;
    QCOMPARE(certify(*model, inputs, torch::zeros({2}, torch::kLong), config, cancel, {}).size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestMemory)
#include "tst_memory.moc"
