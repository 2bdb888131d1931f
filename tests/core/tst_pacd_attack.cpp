#include "test_helpers.h"

#include "attack/attack_objective.h"
#include "attack/pacd_attack.h"
#include "data/poison_set.h"
#include "data/toy_gaussians.h"

using namespace pacd;
using pacd::test::tempPath;

class TestPacdAttack : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void poisonsStayInBudget_data();
    void poisonsStayInBudget();
    void toyFeaturesAreProjectedOntoTheBallOnly();
    void upperObjectiveUsesRunningStatistics();
    void cifarShapedLowerLevelAugmentsAsTheVictimsTrain();
    void cancelledRunResumesToTheSamePoisons();
    void epochOverCleanDataCyclesThePoisons();
    void checkpointOfOtherSettingsIsRefused();
    void timeBudgetStopsWithUsablePoisons();
    void dataErrorsNameTheProblem();
};

namespace {

// 60 random 6x6 "images" in 3 classes; the first 48 are the training part, the rest validation.
Dataset tinyData() {
    torch::manual_seed(3);
    return Dataset{"tiny/train", torch::rand({60, 1, 6, 6}), torch::arange(60, torch::kLong).remainder(3), {"a", "b", "c"}};
}

std::vector<std::int64_t> range(std::int64_t from, std::int64_t to) {
    std::vector<std::int64_t> out;
    for (auto i = from; i < to; ++i)
        out.push_back(i);
    return out;
}

ModelSpec tinySpec() {
    ModelSpec spec = defaultModelSpec("logistic", "toy-gaussians");
    spec.inputShape = {1, 6, 6};
    spec.numClasses = 3;
    return spec;
}

PacdConfig tinyConfig(TrainMethod defense = TrainMethod::GaussianAugmentation) {
    PacdConfig config;
    config.defense = defense;
    config.target = 1;
    config.epsilon = 0.05;
    config.epochs = 3;
    config.cleanBatch = 10;
    config.poisonBatch = 4;
    config.validationBatch = 4;
    config.reinitEvery = 2;
    config.upperSamples = 4;
    config.approx.lowerSteps = 2;
    config.approx.linearSteps = 2;
    config.macer.samples = 2;
    return config;
}

PacdData tinyPacdData() {
    return makePacdData(tinyData(), range(0, 48), range(48, 60), 1);
}

} // namespace

void TestPacdAttack::poisonsStayInBudget_data() {
    QTest::addColumn<int>("defense");
    QTest::newRow("standard") << int(TrainMethod::Standard);
    QTest::newRow("ga") << int(TrainMethod::GaussianAugmentation);
    QTest::newRow("macer") << int(TrainMethod::Macer);
    QTest::newRow("smoothadv") << int(TrainMethod::SmoothAdv);
}

void TestPacdAttack::poisonsStayInBudget() {
    QFETCH(int, defense);
    PacdAttack attack(tinyConfig(static_cast<TrainMethod>(defense)), tinyPacdData(), tinySpec(), torch::kCPU);
    CancelToken cancel;
    std::int64_t events = 0;
    const auto result = attack.run({}, cancel, [&](const ProgressEvent& e) {
        ++events;
        QCOMPARE(e.stage, std::string("poison"));
        QCOMPARE(e.metrics.at("poisons"), 16.0); // the whole set's size, on every step
    });
    QVERIFY(result.finished);
    QCOMPARE(result.upperSteps, std::int64_t(3 * 4)); // 16 poisons in batches of 4, 3 epochs
    QCOMPARE(events, result.upperSteps);
    const auto base = tinyPacdData().base;
    const auto poisons = attack.poisons();
    QVERIFY((poisons - base).abs().max().item<double>() <= 0.05 + 1e-6);
    QVERIFY((poisons - base).abs().max().item<double>() > 0.01); // they moved
    QVERIFY(poisons.min().item<float>() >= 0.0f && poisons.max().item<float>() <= 1.0f);
    const auto set = attack.poisonSet();
    QCOMPARE(set.targetClass, std::int64_t(1));
    QCOMPARE(set.indices, (std::vector<std::int64_t>{1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 34, 37, 40, 43, 46}));
}

void TestPacdAttack::toyFeaturesAreProjectedOntoTheBallOnly() {
    // App. D.2's toy: class y = −1 around 0.2 with s.d. 0.3, so about 25 % of its coordinates are negative. Clamped
    // to [0, 1] they would move up to 0, past ε and towards the other class; the attack must only keep |u − x| ≤ ε.
    const auto toy = makeToyGaussians();
    std::vector<std::int64_t> train, validation;
    for (std::int64_t i = 0; i < toy.size(); ++i)
        (i % 10 == 0 ? validation : train).push_back(i);
    const auto data = makePacdData(toy, train, validation, 0);
    QCOMPARE(data.valueRange, ValueRange::Unbounded);
    auto config = tinyConfig();
    config.target = 0;
    config.epsilon = 0.1;
    config.epochs = 2;
    config.poisonBatch = 150;
    config.cleanBatch = 150;
    config.validationBatch = 50;
    PacdAttack attack(config, data, defaultModelSpec("logistic", "toy-gaussians"), torch::kCPU);
    CancelToken cancel;
    QVERIFY(attack.run({}, cancel, silentProgress()).finished);
    const auto delta = attack.poisons() - data.base;
    QVERIFY(delta.abs().max().item<double>() <= 0.1 + 1e-6);
    const auto negative = data.base.lt(0);
    QVERIFY(negative.sum().item<std::int64_t>() > 50);
    // Where the base is negative the poison is within ε of it, not at 0 (the old clamp moved 0.3 on average there).
    QVERIFY(attack.poisons().index({negative}).min().item<float>() < -0.2f);
    QVERIFY(delta.index({negative}).abs().max().item<float>() <= 0.1f + 1e-6f);
    QVERIFY(delta.abs().mean().item<double>() > 0.01); // they moved
    const auto set = attack.poisonSet();
    QCOMPARE(set.valueRange, ValueRange::Unbounded);
    set.validate();
}

void TestPacdAttack::upperObjectiveUsesRunningStatistics() {
    // ResNet batch-norm: in train mode a batch is normalised by its own statistics, so ξ of a batch is not the mean
    // of its points' ξ. The upper level evaluates in eval mode, as the victims are certified: per-point separable,
    // the running statistics untouched, and the model left in the mode it was in.
    torch::manual_seed(11);
    auto model = makeClassifier(defaultModelSpec("resnet20", "cifar10"));
    model->train();
    {
        // Give the running statistics something other than their initial 0 / 1 to hold.
        torch::NoGradGuard noGrad;
        for (int i = 0; i < 3; ++i)
            model->forward(torch::rand({8, 3, 32, 32}) * 0.5 + 0.25);
    }
    const auto x = torch::rand({4, 3, 32, 32});
    const auto y = torch::tensor({3, 8, 8, 1}, torch::kLong);
    std::vector<torch::Tensor> before;
    for (const auto& buffer : model->buffers())
        before.push_back(buffer.clone());
    const SoftRadiusConfig soft;
    torch::NoGradGuard noGrad;
    const double batch = upperObjective(*model, AttackObjective::CrossEntropy, x, y, soft, {}).item<double>();
    QVERIFY(model->is_training());
    double perPoint = 0.0;
    for (int i = 0; i < 4; ++i)
        perPoint += upperObjective(*model, AttackObjective::CrossEntropy, x.slice(0, i, i + 1), y.slice(0, i, i + 1), soft, {})
                        .item<double>() /
                    4.0;
    QVERIFY2(std::abs(batch - perPoint) < 1e-5,
             qPrintable(QStringLiteral("batch %1, mean of points %2").arg(batch).arg(perPoint)));
    const auto buffers = model->buffers();
    for (std::size_t i = 0; i < buffers.size(); ++i)
        QVERIFY(torch::equal(buffers[i], before[i]));
    // The same batch in train mode is a different number: the check above can fail.
    const double trainMode = misclassificationObjective(model->forward(x), y).item<double>();
    QVERIFY(std::abs(trainMode - batch) > 1e-3);
}

void TestPacdAttack::cifarShapedLowerLevelAugmentsAsTheVictimsTrain() {
    // 3×32×32 images: Auto applies pad-crop-flip in the lower level for GA (as the victims train) and not for
    // SmoothAdv (App. E.2). The crops are drawn per draw from the seed, so a run is repeatable and Auto = CropFlip.
    torch::manual_seed(5);
    const Dataset images{
        "tiny-cifar/train", torch::rand({30, 3, 32, 32}), torch::arange(30, torch::kLong).remainder(3), {"a", "b", "c"}};
    const auto data = makePacdData(images, range(0, 24), range(24, 30), 1);
    auto spec = tinySpec();
    spec.inputShape = {3, 32, 32};
    const auto poisonsWith = [&](Augmentation augmentation, TrainMethod defense) {
        auto config = tinyConfig(defense);
        config.epochs = 2;
        config.augmentation = augmentation;
        PacdAttack attack(config, data, spec, torch::kCPU);
        CancelToken cancel;
        if (!attack.run({}, cancel, silentProgress()).finished) throw std::runtime_error("attack did not finish");
        return attack.poisons();
    };
    const auto autoGa = poisonsWith(Augmentation::Auto, TrainMethod::GaussianAugmentation);
    QVERIFY((autoGa - data.base).abs().max().item<double>() <= 0.05 + 1e-6);
    QVERIFY(torch::equal(autoGa, poisonsWith(Augmentation::Auto, TrainMethod::GaussianAugmentation)));
    QVERIFY(torch::equal(autoGa, poisonsWith(Augmentation::CropFlip, TrainMethod::GaussianAugmentation)));
    QVERIFY(!torch::allclose(autoGa, poisonsWith(Augmentation::Off, TrainMethod::GaussianAugmentation)));
    const auto autoSmoothAdv = poisonsWith(Augmentation::Auto, TrainMethod::SmoothAdv);
    QVERIFY(torch::equal(autoSmoothAdv, poisonsWith(Augmentation::Off, TrainMethod::SmoothAdv)));
}

void TestPacdAttack::cancelledRunResumesToTheSamePoisons() {
    QTemporaryDir dir;
    CancelToken never;
    PacdAttack straight(tinyConfig(), tinyPacdData(), tinySpec(), torch::kCPU);
    straight.run({}, never, silentProgress());

    const auto checkpoint = tempPath(dir, "attack.ckpt");
    auto config = tinyConfig();
    config.checkpointEverySteps = 1;
    {
        PacdAttack first(config, tinyPacdData(), tinySpec(), torch::kCPU);
        CancelToken cancel;
        // Stop mid-epoch, after the second epoch's re-initialisation is behind us (step 9 of 12).
        QVERIFY_THROWS_EXCEPTION(Cancelled, first.run(checkpoint, cancel, [&](const ProgressEvent& e) {
            if (e.step == 9) cancel.cancel();
        }));
    }
    QVERIFY(std::filesystem::exists(checkpoint));
    PacdAttack second(config, tinyPacdData(), tinySpec(), torch::kCPU);
    const auto result = second.run(checkpoint, never, silentProgress());
    QVERIFY(result.resumed && result.finished);
    QCOMPARE(result.upperSteps, std::int64_t(12));
    QVERIFY(torch::equal(second.poisons(), straight.poisons()));

    // The written poison set round-trips exactly.
    writePoisonSet(tempPath(dir, "p.json"), second.poisonSet());
    const auto back = readPoisonSet(tempPath(dir, "p.json"));
    QVERIFY(torch::equal(back.images, second.poisons()));
    QCOMPARE(back.contentHash(), second.poisonSet().contentHash());
}

void TestPacdAttack::epochOverCleanDataCyclesThePoisons() {
    // 16 poisons in batches of 8 are 2 steps a pass; 32 clean points in batches of 10 are 4 steps an epoch. Over the
    // clean data (App. D.6, the authors' count) an epoch is 4 steps and visits every poison twice, in two orders.
    auto config = tinyConfig();
    config.poisonBatch = 8;
    config.epochOver = AttackEpoch::CleanData;
    std::map<std::int64_t, int> visits;
    std::vector<std::vector<std::int64_t>> batches;
    PacdAttack attack(config, tinyPacdData(), tinySpec(), torch::kCPU);
    CancelToken never;
    const auto result = attack.run({}, never, silentProgress(), [&](const torch::Tensor& rows, const torch::Tensor&) {
        std::vector<std::int64_t> batch(rows.data_ptr<std::int64_t>(), rows.data_ptr<std::int64_t>() + rows.numel());
        for (const auto r : batch)
            ++visits[r];
        batches.push_back(batch);
    });
    QCOMPARE(result.upperSteps, std::int64_t(3 * 4));
    QCOMPARE(visits.size(), std::size_t(16));
    for (const auto& [row, count] : visits)
        QCOMPARE(count, 3 * 2);
    // The second pass of an epoch is its own shuffle, not a repeat of the first.
    QVERIFY(batches[0] != batches[2] || batches[1] != batches[3]);
    std::set<std::int64_t> firstPass(batches[0].begin(), batches[0].end());
    firstPass.insert(batches[1].begin(), batches[1].end());
    QCOMPARE(firstPass.size(), std::size_t(16)); // a pass is a permutation
    // Over the poisons the same settings are 2 steps an epoch, and the first pass is the same stream.
    config.epochOver = AttackEpoch::Poisons;
    std::vector<std::vector<std::int64_t>> onePass;
    PacdAttack perPoisons(config, tinyPacdData(), tinySpec(), torch::kCPU);
    QCOMPARE(perPoisons
                 .run({}, never, silentProgress(),
                      [&](const torch::Tensor& rows, const torch::Tensor&) {
                          onePass.emplace_back(rows.data_ptr<std::int64_t>(), rows.data_ptr<std::int64_t>() + rows.numel());
                      })
                 .upperSteps,
             std::int64_t(3 * 2));
    QVERIFY(onePass[0] == batches[0] && onePass[1] == batches[1]);

    // Resumed in an epoch's second pass (step 7 = epoch 2, pass 1): the same poisons as straight through.
    QTemporaryDir dir;
    const auto checkpoint = tempPath(dir, "attack.ckpt");
    config.epochOver = AttackEpoch::CleanData;
    config.checkpointEverySteps = 1;
    {
        PacdAttack first(config, tinyPacdData(), tinySpec(), torch::kCPU);
        CancelToken cancel;
        QVERIFY_THROWS_EXCEPTION(Cancelled, first.run(checkpoint, cancel, [&](const ProgressEvent& e) {
            if (e.step == 7) cancel.cancel();
        }));
    }
    PacdAttack second(config, tinyPacdData(), tinySpec(), torch::kCPU);
    QVERIFY(second.run(checkpoint, never, silentProgress()).resumed);
    QVERIFY(torch::equal(second.poisons(), attack.poisons()));
}

void TestPacdAttack::checkpointOfOtherSettingsIsRefused() {
    QTemporaryDir dir;
    const auto checkpoint = tempPath(dir, "attack.ckpt");
    CancelToken cancel;
    PacdAttack(tinyConfig(), tinyPacdData(), tinySpec(), torch::kCPU).run(checkpoint, cancel, silentProgress());
    auto other = tinyConfig();
    other.epsilon = 0.1;
    PacdAttack mismatched(other, tinyPacdData(), tinySpec(), torch::kCPU);
    PACD_EXPECT_ERROR(mismatched.run(checkpoint, cancel, silentProgress()), "attack.ckpt", "other settings");
}

void TestPacdAttack::timeBudgetStopsWithUsablePoisons() {
    auto config = tinyConfig();
    config.epochs = 1000;
    config.timeBudgetSeconds = 0.5;
    PacdAttack attack(config, tinyPacdData(), tinySpec(), torch::kCPU);
    CancelToken cancel;
    const auto result = attack.run({}, cancel, silentProgress());
    QVERIFY(!result.finished);
    QVERIFY(result.upperSteps >= 1 && result.upperSteps < 4000);
    QVERIFY((attack.poisons() - tinyPacdData().base).abs().max().item<double>() <= 0.05 + 1e-6);
}

void TestPacdAttack::dataErrorsNameTheProblem() {
    PACD_EXPECT_ERROR(makePacdData(tinyData(), range(0, 48), range(48, 60), 7), "target class 7");
    PACD_EXPECT_ERROR(makePacdData(tinyData(), range(0, 48), {48, 50, 51, 53}, 1), "no validation points");
    auto config = tinyConfig();
    config.epochs = 0;
    PACD_EXPECT_ERROR(PacdAttack(config, tinyPacdData(), tinySpec(), torch::kCPU), "epochs");
}

QTEST_GUILESS_MAIN(TestPacdAttack)
#include "tst_pacd_attack.moc"
