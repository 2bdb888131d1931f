#include "test_helpers.h"

#include "models/classifier.h"
#include "smoothing/soft_radius.h"
#include "training/defense_step.h"
#include "training/losses.h"
#include "training/train_config.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <set>

using namespace pacd;

namespace {

// Φ(z) for the hand-made probabilities below (std::erfc is exact enough: 1e-16).
double normalCdf(double z) {
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

// Two-class logits [N, 1, 2] whose softmax is (1 − p, p) for each p (logit difference log(p / (1 − p))).
torch::Tensor twoClassLogits(const std::vector<double>& pClass1) {
    std::vector<double> values;
    for (double p : pClass1) {
        values.push_back(0.0);
        values.push_back(std::log(p / (1.0 - p)));
    }
    return torch::tensor(values, torch::kDouble).view({static_cast<std::int64_t>(pClass1.size()), 1, 2});
}

// Two-class logistic regression with logit difference 3x + 4y − 5 (gradient direction (3, 4)/5 everywhere).
Classifier linearModel() {
    ModelSpec spec;
    spec.arch = "logistic";
    spec.inputShape = {2};
    spec.numClasses = 2;
    auto model = makeClassifier(spec);
    model->to(torch::kDouble);
    torch::NoGradGuard noGrad;
    for (auto& p : model->named_parameters()) {
        if (p.key().find("weight") != std::string::npos)
            p.value().copy_(torch::tensor({{0.0, 0.0}, {3.0, 4.0}}));
        else
            p.value().copy_(torch::tensor({0.0, -5.0}));
    }
    return model;
}

} // namespace

class TestLosses : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { torch::manual_seed(5); }
    void macerMatchesHandComputation();
    void macerHingeVanishesBeyondGamma();
    void macerUsesInverseTemperatureForRobustnessOnly();
    void macerGradientSkipsExcludedPoints();
    void gaussianAugmentationIsCrossEntropyAtNoisyPoint();
    void smoothAdvStaysInBallAndBox_data();
    void smoothAdvStaysInBallAndBox();
    void smoothAdvFollowsLinearGradient();
    void smoothAdvLeavesParameterGradientsAlone();
    void smoothAdvLowerLevelTakesTheTrainersStep();
    void cropFlipShiftsAndFlips();
    void configsValidateAndPresets();
};

void TestLosses::macerMatchesHandComputation() {
    // Two classes, k = 1, β = 1, so the soft classifier is the softmax itself and ξ = Φ⁻¹(p_y) − Φ⁻¹(1 − p_y):
    //   point 0: label 1, p_1 = Φ(1)    → ξ = 2  ≥ γ = 1.5: hinge 0
    //   point 1: label 1, p_1 = Φ(0.5)  → ξ = 1  <  γ:      hinge 0.5
    //   point 2: label 0, p_0 = Φ(−1)   → misclassified:    excluded
    //   point 3: label 0, p_0 = Φ(0.25) → ξ = 0.5:          hinge 1.0
    const std::vector<double> p1{normalCdf(1.0), normalCdf(0.5), normalCdf(1.0), normalCdf(-0.25)};
    const auto labels = torch::tensor({std::int64_t(1), std::int64_t(1), std::int64_t(0), std::int64_t(0)});
    MacerConfig config;
    config.samples = 1;
    config.lambda = 3.0;
    config.gamma = 1.5;
    config.inverseTemperature = 1.0;
    const double sigma = 0.5;
    const auto out = macerLossFromLogits(twoClassLogits(p1), labels, config, sigma);

    const double pTrue[] = {p1[0], p1[1], 1.0 - p1[2], 1.0 - p1[3]};
    double classification = 0.0;
    for (double p : pTrue)
        classification -= std::log(p + 1e-10);
    classification /= 4.0;
    const double robustness = sigma / 2.0 * (0.0 + 0.5 + 1.0) / 4.0; // divided by the batch, not by the 2 payers
    QVERIFY(std::abs(out.classification.item<double>() - classification) < 1e-12);
    QVERIFY(std::abs(out.robustness.item<double>() - robustness) < 1e-9);
    QVERIFY(std::abs(out.loss.item<double>() - (classification + 3.0 * robustness)) < 1e-9);
    const auto correct = out.correct.to(torch::kLong), hinged = out.hinged.to(torch::kLong);
    QVERIFY(torch::equal(correct, torch::tensor({1, 1, 0, 1}, torch::kLong)));
    QVERIFY(torch::equal(hinged, torch::tensor({0, 1, 0, 1}, torch::kLong)));
}

void TestLosses::macerHingeVanishesBeyondGamma() {
    // Every correctly classified point with gap ξ ≥ γ, the misclassified one deep in the wrong class: the
    // robustness term is exactly zero and the loss is the classification loss alone.
    const std::vector<double> p1{normalCdf(3.0), normalCdf(2.6), normalCdf(3.5)};
    const auto labels = torch::tensor({std::int64_t(1), std::int64_t(1), std::int64_t(0)});
    MacerConfig config;
    config.samples = 1;
    config.gamma = 5.0; // ξ = 6, 5.2 for the two correct points
    config.inverseTemperature = 1.0;
    const auto out = macerLossFromLogits(twoClassLogits(p1), labels, config, 0.25);
    QCOMPARE(out.robustness.item<double>(), 0.0);
    QCOMPARE(out.hinged.sum().item<std::int64_t>(), std::int64_t(0));
    QCOMPARE(out.loss.item<double>(), out.classification.item<double>());
    // A misclassified point pays no hinge however small its (negative) gap: only the classification term.
    const auto wrong = macerLossFromLogits(twoClassLogits({normalCdf(0.1)}), torch::tensor({std::int64_t(0)}), config, 0.25);
    QCOMPARE(wrong.robustness.item<double>(), 0.0);
    QVERIFY(!wrong.correct[0].item<bool>());
}

void TestLosses::macerUsesInverseTemperatureForRobustnessOnly() {
    // k = 2 copies with different logits: the classification term averages the plain softmax, the robustness
    // term the β-sharpened one (MACER's split).
    const auto logits = torch::tensor({0.0, 0.4, 0.0, -0.1}, torch::kDouble).view({1, 2, 2});
    const auto label = torch::tensor({std::int64_t(1)});
    MacerConfig config;
    config.samples = 2;
    config.lambda = 1.0;
    config.gamma = 100.0;
    config.inverseTemperature = 4.0;
    const auto out = macerLossFromLogits(logits, label, config, 1.0);
    auto sigmoid = [](double z) { return 1.0 / (1.0 + std::exp(-z)); };
    const double plain = 0.5 * (sigmoid(0.4) + sigmoid(-0.1));
    const double sharp = 0.5 * (sigmoid(4.0 * 0.4) + sigmoid(4.0 * -0.1));
    QVERIFY(std::abs(out.classification.item<double>() + std::log(plain + 1e-10)) < 1e-12);
    const double xi = normalQuantile(torch::tensor(sharp, torch::kDouble)).item<double>() -
                      normalQuantile(torch::tensor(1.0 - sharp, torch::kDouble)).item<double>();
    QVERIFY(std::abs(out.robustness.item<double>() - 0.5 * (100.0 - xi)) < 1e-9);
}

void TestLosses::macerGradientSkipsExcludedPoints() {
    // A point whose soft probability is exactly 1 has ξ = +inf (excluded, as in macer.py) and must not poison the
    // gradient with NaN; a misclassified point gets gradient from the classification term only.
    auto logits = torch::tensor({0.0, 100.0, 0.0, 0.3, 0.0, -0.3}, torch::kDouble).view({3, 1, 2}).requires_grad_(true);
    const auto labels = torch::tensor({std::int64_t(1), std::int64_t(1), std::int64_t(1)});
    MacerConfig config;
    config.samples = 1;
    config.inverseTemperature = 16.0; // exp(1600) saturates the first point's softmax to exactly 1
    const auto out = macerLossFromLogits(logits, labels, config, 0.25);
    QVERIFY(!out.hinged[0].item<bool>() && out.hinged[1].item<bool>() && !out.hinged[2].item<bool>());
    out.loss.backward();
    QVERIFY(torch::isfinite(logits.grad()).all().item<bool>());
}

void TestLosses::gaussianAugmentationIsCrossEntropyAtNoisyPoint() {
    auto model = linearModel();
    const auto x = torch::tensor({{0.2, 0.3}, {0.9, 0.8}}, torch::kDouble);
    const auto noise = torch::tensor({{0.1, -0.2}, {0.0, 0.3}}, torch::kDouble);
    const auto labels = torch::tensor({std::int64_t(0), std::int64_t(1)});
    const auto out = gaussianAugmentationLoss(*model, x, labels, noise);
    // Logit difference 3x + 4y − 5 at the noisy points: (0.3, 0.1) → −3.7, (0.9, 1.1) → 2.1.
    const double expected = 0.5 * (std::log1p(std::exp(-3.7)) + std::log1p(std::exp(-2.1)));
    QVERIFY(std::abs(out.loss.item<double>() - expected) < 1e-12);
    QVERIFY(out.correct.all().item<bool>());
    PACD_EXPECT_ERROR(gaussianAugmentationLoss(*model, x, labels, noise.slice(0, 0, 1)), "noise");
}

void TestLosses::smoothAdvStaysInBallAndBox_data() {
    QTest::addColumn<double>("epsilon");
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("samples");
    QTest::newRow("paper eps=1 2 steps m=1") << 1.0 << 2 << 1;
    QTest::newRow("original eps=0.25 10 steps") << 0.25 << 10 << 1;
    QTest::newRow("large eps=5 m=4") << 5.0 << 3 << 4;
}

void TestLosses::smoothAdvStaysInBallAndBox() {
    QFETCH(double, epsilon);
    QFETCH(int, steps);
    QFETCH(int, samples);
    ModelSpec spec = defaultModelSpec("mnist-cnn", "mnist");
    auto model = makeClassifier(spec);
    model->eval();
    const auto x = torch::rand({6, 1, 28, 28});
    x.slice(0, 0, 2).zero_(); // corners of the box: clipping binds
    const auto labels = torch::randint(0, 10, {6}, torch::kLong);
    const auto noise = 0.25 * torch::randn({6, samples, 1, 28, 28});
    const auto adversarial = smoothAdvAttack(*model, x, labels, noise, epsilon, steps);
    QCOMPARE(adversarial.sizes(), x.sizes());
    QVERIFY(!adversarial.requires_grad());
    const auto norms = (adversarial - x).flatten(1).norm(2, 1);
    QVERIFY2(norms.max().item<double>() <= epsilon * (1 + 1e-5), qPrintable(QString::number(norms.max().item<double>())));
    QVERIFY(norms.min().item<double>() > 0.0); // it moved
    QVERIFY(adversarial.min().item<double>() >= 0.0 && adversarial.max().item<double>() <= 1.0);
    // The attack increases the soft classifier's loss it ascends.
    auto softLoss = [&](const torch::Tensor& points) {
        torch::NoGradGuard noGrad;
        const auto logits = model->forward((points.unsqueeze(1) + noise).flatten(0, 1)).view({6, samples, 10});
        return -torch::log(torch::softmax(logits, 2).mean(1).gather(1, labels.unsqueeze(1))).sum().item<double>();
    };
    QVERIFY(softLoss(adversarial) > softLoss(x));
}

void TestLosses::smoothAdvFollowsLinearGradient() {
    // Linear model, label 1, far from the box's faces: the loss gradient points along −(3, 4)/5 everywhere, so
    // two steps of 2ε/2 each end on the sphere ‖δ‖ = ε exactly in that direction.
    auto model = linearModel();
    const auto x = torch::tensor({{0.5, 0.5}}, torch::kDouble);
    const auto noise = torch::zeros({1, 1, 2}, torch::kDouble);
    const auto adversarial = smoothAdvAttack(*model, x, torch::tensor({std::int64_t(1)}), noise, 0.2, 2);
    const auto expected = torch::tensor({{0.5 - 0.2 * 0.6, 0.5 - 0.2 * 0.8}}, torch::kDouble);
    QVERIFY(torch::allclose(adversarial, expected, 0.0, 1e-12));
    // ε = 0: the clean point.
    QVERIFY(torch::equal(smoothAdvAttack(*model, x, torch::tensor({std::int64_t(1)}), noise, 0.0, 2), x));
    PACD_EXPECT_ERROR(smoothAdvAttack(*model, x, torch::tensor({std::int64_t(1)}), noise, -1.0, 2), "epsilon");
    PACD_EXPECT_ERROR(smoothAdvAttack(*model, x, torch::tensor({std::int64_t(1)}), torch::zeros({1, 2}), 1.0, 2), "noise");
}

void TestLosses::smoothAdvLeavesParameterGradientsAlone() {
    auto model = linearModel();
    const auto x = torch::tensor({{0.5, 0.5}}, torch::kDouble);
    smoothAdvAttack(*model, x, torch::tensor({std::int64_t(1)}), torch::zeros({1, 1, 2}, torch::kDouble), 0.2, 3);
    for (const auto& p : model->parameters())
        QVERIFY(!p.grad().defined() || p.grad().abs().sum().item<double>() == 0.0);
}

void TestLosses::smoothAdvLowerLevelTakesTheTrainersStep() {
    // The attack's lower level and a victim take the same SmoothAdv step: the same draws, the PGD in eval mode (a
    // batch-norm network in train mode would otherwise attack batch statistics), the PGD's noise reused for the
    // augmentation term. Only the gradient differs: the lower level's loss depends on its inputs (the poisons).
    torch::manual_seed(21);
    auto model = makeClassifier(defaultModelSpec("resnet20", "cifar10"));
    model->train();
    const auto x = torch::rand({3, 3, 32, 32});
    const auto y = torch::tensor({0, 4, 9}, torch::kLong);
    DefenseStepConfig config{TrainMethod::SmoothAdv, 0.25, MacerConfig{}, SmoothAdvConfig::paper(), StepRole::Training};
    std::vector<torch::Tensor> buffers;
    for (const auto& b : model->buffers())
        buffers.push_back(b.clone());
    const auto lossAs = [&](StepRole role, const torch::Tensor& inputs) {
        {
            // Each step starts from the same running statistics (a train-mode step moves them).
            torch::NoGradGuard noGrad;
            auto now = model->buffers();
            for (std::size_t i = 0; i < now.size(); ++i)
                now[i].copy_(buffers[i]);
        }
        config.role = role;
        auto generator = at::make_generator<at::CPUGeneratorImpl>(77);
        return defenseStepLoss(*model, inputs, y, config, generator).loss;
    };
    const double victim = lossAs(StepRole::Training, x).item<double>();
    const auto poisons = x.clone().requires_grad_(true);
    const auto lower = lossAs(StepRole::AttackLowerLevel, poisons);
    QVERIFY2(std::abs(lower.item<double>() - victim) < 1e-5 * std::max(1.0, victim),
             qPrintable(QStringLiteral("lower level %1, victim %2").arg(lower.item<double>()).arg(victim)));
    QVERIFY(model->is_training());
    lower.backward();
    QVERIFY(poisons.grad().defined() && poisons.grad().abs().sum().item<double>() > 0.0);
    // The check can fail: with ε = 0 (no PGD) the loss is another number.
    config.smoothAdv.epsilon = 0.0;
    QVERIFY(std::abs(lossAs(StepRole::Training, x).item<double>() - victim) > 1e-6);
}

void TestLosses::cropFlipShiftsAndFlips() {
    auto images = torch::arange(2 * 3 * 5 * 5, torch::kFloat).view({2, 3, 5, 5}) + 1.0;
    auto generator = at::make_generator<at::CPUGeneratorImpl>(3);
    std::set<std::string> seen;
    for (int trial = 0; trial < 40; ++trial) {
        const auto out = cropFlipAugment(images, generator, 2);
        QCOMPARE(out.sizes(), images.sizes());
        for (std::int64_t i = 0; i < 2; ++i) {
            // Each output is a (possibly flipped) shift of its own image: find which one.
            bool found = false;
            for (int flip = 0; flip < 2 && !found; ++flip)
                for (std::int64_t dy = -2; dy <= 2 && !found; ++dy)
                    for (std::int64_t dx = -2; dx <= 2 && !found; ++dx) {
                        auto padded = torch::constant_pad_nd(images[i], {2, 2, 2, 2}, 0.0);
                        auto crop = padded.slice(1, 2 + dy, 7 + dy).slice(2, 2 + dx, 7 + dx);
                        if (flip) crop = crop.flip({2});
                        if (torch::equal(crop, out[i])) {
                            found = true;
                            seen.insert(std::to_string(flip) + "," + std::to_string(dy) + "," + std::to_string(dx));
                        }
                    }
            QVERIFY(found);
        }
    }
    QVERIFY(seen.size() > 20); // both flips and many shifts occur
    // Seeded: the same generator seed gives the same batch.
    auto a = at::make_generator<at::CPUGeneratorImpl>(9), b = at::make_generator<at::CPUGeneratorImpl>(9);
    QVERIFY(torch::equal(cropFlipAugment(images, a), cropFlipAugment(images, b)));
}

void TestLosses::configsValidateAndPresets() {
    QCOMPARE(parseMethod("macer"), TrainMethod::Macer);
    QCOMPARE(methodName(TrainMethod::GaussianAugmentation), std::string("ga"));
    PACD_EXPECT_ERROR(parseMethod("adversarial"), "unknown training method", "smoothadv");

    const auto mnist = MacerConfig::paperRetraining("mnist", 0.25);
    QCOMPARE(mnist.samples, std::int64_t(16));
    QCOMPARE(mnist.lambda, 16.0);
    QCOMPARE(mnist.gamma, 8.0);
    QCOMPARE(MacerConfig::paperRetraining("cifar10", 0.25).lambda, 12.0);
    QCOMPARE(MacerConfig::paperRetraining("cifar10", 0.5).lambda, 4.0);
    QCOMPARE(MacerConfig::paperPoisoning().samples, std::int64_t(2));
    QCOMPARE(mnist.warmupEpochs, std::int64_t(1));
    QCOMPARE(mnist.lambdaAt(0), 0.0); // warm-up: classification term only
    QCOMPARE(mnist.lambdaAt(1), 16.0);
    QCOMPARE(MacerConfig{}.lambdaAt(0), 16.0); // macer.py's schedule: λ from the start

    const auto paper = SmoothAdvConfig::paper();
    QCOMPARE(paper.samples, std::int64_t(1));
    QCOMPARE(paper.steps, std::int64_t(2));
    QCOMPARE(paper.epsilon, 1.0);
    QCOMPARE(paper.epsilonAt(0), 0.1); // warm-up over 10 epochs
    QCOMPARE(paper.epsilonAt(9), 1.0);
    QCOMPARE(paper.epsilonAt(50), 1.0);
    const auto original = SmoothAdvConfig::originalDefaults();
    QCOMPARE(original.epsilon, 0.25);
    QCOMPARE(original.steps, std::int64_t(10));
    QCOMPARE(original.epsilonAt(0), 0.25);

    TrainConfig config;
    config.validate();
    QCOMPARE(config.batchSize, std::int64_t(200));
    QCOMPARE(config.learningRate, 1e-3);
    QVERIFY(!config.augments({1, 28, 28}));
    QVERIFY(config.augments({3, 32, 32}));
    config.method = TrainMethod::SmoothAdv;
    QVERIFY(!config.augments({3, 32, 32})); // the paper trains SmoothAdv without augmentation
    config.lrStepEpochs = 30;
    QCOMPARE(config.learningRateAt(29), 1e-3);
    QVERIFY(std::abs(config.learningRateAt(30) - 1e-4) < 1e-15);

    TrainConfig bad;
    bad.sigma = 0.0;
    PACD_EXPECT_ERROR(bad.validate(), "sigma", "ga");
    bad = TrainConfig{};
    bad.batchSize = 0;
    PACD_EXPECT_ERROR(bad.validate(), "batchSize");
    bad = TrainConfig{};
    bad.weightDecay = -1e-4;
    PACD_EXPECT_ERROR(bad.validate(), "weightDecay");
    bad = TrainConfig{};
    bad.method = TrainMethod::Macer;
    bad.macer.gamma = 0.0;
    PACD_EXPECT_ERROR(bad.validate(), "MACER", "gamma");
    bad = TrainConfig{};
    bad.resume = true;
    PACD_EXPECT_ERROR(bad.validate(), "resume", "checkpoint");
}

QTEST_GUILESS_MAIN(TestLosses)
#include "tst_losses.moc"
