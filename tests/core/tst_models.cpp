#include "test_helpers.h"

#include "models/checkpoint.h"
#include "models/classifier.h"
#include "support/atomic_file.h"

#include <nlohmann/json.hpp>

using namespace pacd;
using pacd::test::tempPath;

class TestModels : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void outputShapesAndParameterCounts_data();
    void outputShapesAndParameterCounts();
    void normalisationLivesInsideTheModel();
    void cloneIsDeepAndEqual();
    void weightsHashSeesEveryBit();
    void checkpointRoundTripGivesIdenticalOutputs();
    void mismatchedCheckpointIsRefused();
    void corruptCheckpointNamesFile();
    void damagedCheckpointIsRefusedBeforeLibTorchReadsIt();
    void craftedCheckpointInfoIsRefusedBeforeAllocating_data();
    void craftedCheckpointInfoIsRefusedBeforeAllocating();
    void unknownArchitecture();
};

void TestModels::outputShapesAndParameterCounts_data() {
    QTest::addColumn<QString>("arch");
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<qint64>("parameters");
    // MNIST CNN: 520 + 25,050 + 400,500 + 5,010. ResNet-20 by hand: stem 432 + 32, stage 1 14,016, stage 2 51,072,
    // stage 3 203,520, FC 650 (He et al.: 0.27 M; option-B projections would add 2,752). 56 and 110: 0.85 M, 1.7 M.
    QTest::newRow("mnist-cnn") << "mnist-cnn"
                               << "mnist" << qint64(431080);
    QTest::newRow("resnet20") << "resnet20"
                              << "cifar10" << qint64(269722);
    QTest::newRow("resnet56") << "resnet56"
                              << "cifar10" << qint64(853018);
    QTest::newRow("resnet110") << "resnet110"
                               << "cifar10" << qint64(1727962);
    QTest::newRow("logistic") << "logistic"
                              << "toy-gaussians" << qint64(6);
}

void TestModels::outputShapesAndParameterCounts() {
    QFETCH(QString, arch);
    QFETCH(QString, dataset);
    QFETCH(qint64, parameters);
    const auto spec = defaultModelSpec(arch.toStdString(), dataset.toStdString());
    auto model = makeClassifier(spec);
    QCOMPARE(parameterCount(*model), parameters);
    std::vector<std::int64_t> shape{3};
    shape.insert(shape.end(), spec.inputShape.begin(), spec.inputShape.end());
    model->eval();
    const auto out = model->forward(torch::rand(shape));
    QCOMPARE(out.sizes().vec(), (std::vector<std::int64_t>{3, spec.numClasses}));
}

void TestModels::normalisationLivesInsideTheModel() {
    auto spec = defaultModelSpec("logistic", "toy-gaussians");
    spec.inputShape = {2, 1, 1};
    spec.mean = {0.5, 0.25};
    spec.stddev = {2.0, 0.5};
    auto model = makeClassifier(spec);
    {
        torch::NoGradGuard noGrad;
        for (auto& p : model->named_parameters()) {
            if (p.key().find("weight") != std::string::npos)
                p.value().copy_(torch::tensor({{1.0f, 0.0f}, {0.0f, 1.0f}}));
            else
                p.value().zero_();
        }
    }
    // Logits are the normalised inputs: ((1.5 - 0.5) / 2, (1.25 - 0.25) / 0.5) = (0.5, 2).
    const auto out = model->forward(torch::tensor({1.5f, 1.25f}).view({1, 2, 1, 1}));
    QVERIFY(torch::allclose(out, torch::tensor({{0.5f, 2.0f}})));
}

void TestModels::cloneIsDeepAndEqual() {
    auto model = makeClassifier(defaultModelSpec("resnet20", "cifar10"));
    model->eval();
    auto copy = cloneClassifier(*model);
    const auto x = torch::rand({2, 3, 32, 32});
    QVERIFY(torch::equal(model->forward(x), copy->forward(x)));
    {
        torch::NoGradGuard noGrad;
        copy->parameters().front().add_(1.0);
    }
    QVERIFY(!torch::equal(model->forward(x), copy->forward(x)));
}

void TestModels::weightsHashSeesEveryBit() {
    torch::manual_seed(5);
    auto a = makeClassifier(defaultModelSpec("logistic", "toy-gaussians"));
    torch::manual_seed(5);
    auto b = makeClassifier(defaultModelSpec("logistic", "toy-gaussians"));
    QCOMPARE(weightsHash(*a), weightsHash(*b));
    QCOMPARE(weightsHash(*a).size(), std::size_t(16));
    {
        // Flip the lowest mantissa bit of one weight: the smallest change a resumed run could make.
        torch::NoGradGuard noGrad;
        b->parameters().front().data().view(torch::kInt32).view(-1)[0].bitwise_xor_(1);
    }
    QVERIFY(weightsHash(*a) != weightsHash(*b));
}

void TestModels::checkpointRoundTripGivesIdenticalOutputs() {
    QTemporaryDir dir;
    torch::manual_seed(3);
    auto model = makeClassifier(defaultModelSpec("mnist-cnn", "mnist"));
    model->eval();
    CheckpointInfo info{model->spec(), 0.25, "ga", "mnist", 4, 11};
    saveCheckpoint(tempPath(dir, "m.pt"), *model, info);
    const auto loaded = loadCheckpoint(tempPath(dir, "m.pt"), CheckpointExpectation{"mnist-cnn", "mnist", 0.25, false});
    const auto x = torch::rand({4, 1, 28, 28});
    QVERIFY(torch::equal(model->forward(x), loaded.model->forward(x)));
    QCOMPARE(loaded.info.sigma, 0.25);
    QCOMPARE(loaded.info.method, std::string("ga"));
    QCOMPARE(loaded.info.epoch, 4);
    QCOMPARE(loaded.info.seed, 11u);
    QVERIFY(!loaded.model->is_training());
    QCOMPARE(readCheckpointInfo(tempPath(dir, "m.pt")).spec, model->spec());
    QCOMPARE(weightsHash(*loaded.model), weightsHash(*model));
    // No temporary file is left beside the checkpoint.
    QCOMPARE(static_cast<int>(std::distance(std::filesystem::directory_iterator(dir.path().toStdString()), {})), 1);
}

void TestModels::mismatchedCheckpointIsRefused() {
    QTemporaryDir dir;
    auto model = makeClassifier(defaultModelSpec("mnist-cnn", "mnist"));
    saveCheckpoint(tempPath(dir, "m.pt"), *model, CheckpointInfo{model->spec(), 0.5, "macer", "mnist", 1, 0});
    const auto path = tempPath(dir, "m.pt");
    PACD_EXPECT_ERROR(loadCheckpoint(path, CheckpointExpectation{std::string("resnet20"), std::nullopt, std::nullopt, false}),
                      "m.pt", "mnist-cnn", "resnet20");
    PACD_EXPECT_ERROR(loadCheckpoint(path, CheckpointExpectation{std::nullopt, std::string("cifar10"), std::nullopt, false}),
                      "trained on mnist", "cifar10");
    PACD_EXPECT_ERROR(loadCheckpoint(path, CheckpointExpectation{std::nullopt, std::nullopt, 0.25, false}), "sigma=0.5",
                      "sigma=0.25", "override");
    CheckpointExpectation overridden{std::nullopt, std::nullopt, 0.25, true};
    QCOMPARE(loadCheckpoint(path, overridden).info.sigma, 0.5);
    CheckpointInfo wrongSpec{defaultModelSpec("resnet20", "cifar10"), 0.5, "ga", "cifar10", 0, 0};
    PACD_EXPECT_ERROR(saveCheckpoint(tempPath(dir, "x.pt"), *model, wrongSpec), "x.pt", "resnet20");
}

void TestModels::corruptCheckpointNamesFile() {
    QTemporaryDir dir;
    writeTextAtomically(tempPath(dir, "junk.pt"), "this is not a checkpoint");
    PACD_EXPECT_ERROR(loadCheckpoint(tempPath(dir, "junk.pt")), "junk.pt", "not a readable checkpoint");
    PACD_EXPECT_ERROR(loadCheckpoint(tempPath(dir, "absent.pt")), "absent.pt", "does not exist");
    // A plain LibTorch archive without pacd's info is refused too.
    torch::serialize::OutputArchive plain;
    plain.write("w", torch::ones({2}));
    plain.save_to(tempPath(dir, "plain.pt").string());
    PACD_EXPECT_ERROR(loadCheckpoint(tempPath(dir, "plain.pt")), "plain.pt", "no pacd checkpoint seal");
    sealCheckpointFile(tempPath(dir, "plain.pt")); // sealed, it gets as far as the info record
    PACD_EXPECT_ERROR(loadCheckpoint(tempPath(dir, "plain.pt")), "plain.pt", "no pacd checkpoint info");
}

// Found by fuzz_checkpoint: one changed byte in a code record of the archive crashed LibTorch's reader (SEGV in
// torch::jit::ScriptTypeParser::parseClassConstant), so damaged files never reach it: they fail the seal.
void TestModels::damagedCheckpointIsRefusedBeforeLibTorchReadsIt() {
    QTemporaryDir dir;
    torch::manual_seed(0);
    auto model = makeClassifier(defaultModelSpec("logistic", "toy-gaussians"));
    const auto path = tempPath(dir, "m.pt");
    saveCheckpoint(path, *model, CheckpointInfo{model->spec(), 0.25, "ga", "toy-gaussians", 1, 0});
    const auto good = readFile(path);
    QCOMPARE(weightsHash(*loadCheckpoint(path).model), weightsHash(*model));
    // the fuzzer's change: a code record's class constant altered
    auto damaged = good;
    const auto at = damaged.find("__parameters__");
    QVERIFY(at != std::string::npos); // code records are stored uncompressed
    damaged[at] = 'X';
    writeTextAtomically(path, damaged);
    PACD_EXPECT_ERROR(loadCheckpoint(path), "m.pt", "does not match its seal");
    PACD_EXPECT_ERROR(readCheckpointInfo(path), "m.pt", "does not match its seal");
    writeTextAtomically(path, good.substr(0, good.size() / 2)); // a truncated copy
    PACD_EXPECT_ERROR(loadCheckpoint(path), "m.pt", "not a readable checkpoint");
    writeTextAtomically(path, good.substr(0, good.size() - 1));
    PACD_EXPECT_ERROR(loadCheckpoint(path), "m.pt");
}

void TestModels::craftedCheckpointInfoIsRefusedBeforeAllocating_data() {
    QTest::addColumn<QString>("inputShape");
    QTest::addColumn<QString>("expected");
    // 50 x 14997 x 14997 x 500 weights in fc1 (~22 TB) for a 60000 x 60000 input
    QTest::newRow("terabyte model") << "[1, 60000, 60000]"
                                    << "which no pacd model has";
    QTest::newRow("negative extent") << "[1, -5, 28]"
                                     << "extent -5 is outside [1, 65536]";
    QTest::newRow("too small for the CNN") << "[1, 4, 4]"
                                           << "mnist-cnn needs inputs of at least 12x12";
    QTest::newRow("no dimensions") << "[]"
                                   << "must have 1 to 3 dimensions";
}

// Found while writing fuzz_checkpoint (the fuzzer cannot reach it through the seal): the info record decides the
// model that is built before any weight is read, so a crafted record made loadCheckpoint allocate terabytes (ASan:
// allocation-size-too-big) or pass LibTorch negative sizes (its own exception escaped instead of a pacd::Error).
void TestModels::craftedCheckpointInfoIsRefusedBeforeAllocating() {
    QFETCH(QString, inputShape);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const auto path = tempPath(dir, "crafted.pt");
    auto info = nlohmann::json::parse(R"({"format": "pacd-checkpoint", "version": 1, "arch": "mnist-cnn", "num_classes": 10,
        "mean": [], "stddev": [], "dropout": 0.25, "sigma": 0.25, "method": "ga", "dataset": "mnist", "epoch": 1, "seed": 0})");
    info["input_shape"] = nlohmann::json::parse(inputShape.toStdString());
    torch::serialize::OutputArchive archive;
    archive.write("pacd_checkpoint_info", c10::IValue(info.dump()));
    archive.save_to(path.string());
    sealCheckpointFile(path); // as if a buggy writer had made it: the seal vouches for integrity, not for sense
    PACD_EXPECT_ERROR(loadCheckpoint(path), "crafted.pt", expected.toStdString());
}

void TestModels::unknownArchitecture() {
    ModelSpec spec;
    spec.arch = "vgg16";
    PACD_EXPECT_ERROR(makeClassifier(spec), "unknown architecture 'vgg16'");
    PACD_EXPECT_ERROR(defaultModelSpec("mnist-cnn", "svhn"), "svhn");
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
