#include "test_helpers.h"

#include "models/classifier.h"
#include "smoothing/certify.h"
#include "smoothing/clopper_pearson.h"
#include "smoothing/soft_radius.h"

#include <cmath>

using namespace pacd;

namespace {

// 3 inputs → 5 tanh units → 3 classes: small enough for finite differences over every parameter, and nonlinear.
class TinyMlpImpl : public ClassifierImpl {
  public:
    TinyMlpImpl() : ClassifierImpl(spec()) {
        m_hidden = register_module("hidden", torch::nn::Linear(3, 5));
        m_out = register_module("out", torch::nn::Linear(5, 3));
    }
    static ModelSpec spec() {
        ModelSpec s;
        s.arch = "tiny-mlp";
        s.inputShape = {3};
        s.numClasses = 3;
        return s;
    }

  protected:
    torch::Tensor body(const torch::Tensor& x) override { return m_out->forward(torch::tanh(m_hidden->forward(x))); }

  private:
    torch::nn::Linear m_hidden{nullptr}, m_out{nullptr};
};

// Two-class logistic regression with logit difference scale·(3x + 4y − 5): boundary at distance
// |3x + 4y − 5| / 5 from x.
Classifier linearModel(double scale) {
    ModelSpec spec;
    spec.arch = "logistic";
    spec.inputShape = {2};
    spec.numClasses = 2;
    auto model = makeClassifier(spec);
    torch::NoGradGuard noGrad;
    for (auto& p : model->named_parameters()) {
        if (p.key().find("weight") != std::string::npos)
            p.value().copy_(torch::tensor({{0.0, 0.0}, {3.0 * scale, 4.0 * scale}}));
        else
            p.value().copy_(torch::tensor({0.0, -5.0 * scale}));
    }
    return model;
}

torch::Tensor pointAtDistance(double d) {
    return torch::tensor({0.6 + 0.6 * d, 0.8 + 0.8 * d}, torch::kDouble);
}

} // namespace

class TestSoftRadius : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { torch::manual_seed(3); }
    void matchesFormulaOnFixedNoise();
    void inputGradientMatchesFiniteDifferences();
    void parameterGradientMatchesFiniteDifferences();
    void sharpLimitIsHardRadiusOfLinearModel();
    void badSettingsNameTheSetting();
};

void TestSoftRadius::matchesFormulaOnFixedNoise() {
    // k = 1 sample with zero noise: the soft classifier is softmax(β·logits) itself, so the radius can be written
    // out with Boost's Φ⁻¹ (an independent implementation of the quantile).
    auto model = linearModel(1.0);
    model->to(torch::kDouble);
    SoftRadiusConfig config;
    config.sigma = 0.5;
    config.inverseTemperature = 2.0;
    const auto x = torch::stack({pointAtDistance(0.2), pointAtDistance(-0.1), pointAtDistance(0.3)});
    const auto labels = torch::tensor({std::int64_t(1), std::int64_t(0), std::int64_t(0)}); // last one is wrong
    const auto result = softRadius(*model, x, labels, config, torch::zeros({3, 1, 2}, torch::kDouble));
    const double a = config.clampMargin;
    std::vector<double> expected;
    for (double d : {0.2, -0.1}) {
        const double margin = 5.0 * d; // logit difference = ‖w‖·signed distance
        const double p1 = 1.0 / (1.0 + std::exp(-config.inverseTemperature * margin));
        const double pTrue = (1 - 2 * a) * (d > 0 ? p1 : 1 - p1) + a;
        const double pOther = (1 - 2 * a) * (d > 0 ? 1 - p1 : p1) + a;
        expected.push_back(config.sigma / 2 * (pacd::normalQuantile(pTrue) - pacd::normalQuantile(pOther)));
    }
    QVERIFY(std::abs(result.radii[0].item<double>() - expected[0]) < 1e-12);
    QVERIFY(std::abs(result.radii[1].item<double>() - expected[1]) < 1e-12);
    QCOMPARE(result.radii[2].item<double>(), 0.0);
    QVERIFY(result.correct[0].item<bool>() && result.correct[1].item<bool>() && !result.correct[2].item<bool>());
    // Divided by the batch size (3), not by the number of correct points (2).
    QVERIFY(std::abs(result.objective.item<double>() - (expected[0] + expected[1]) / 3.0) < 1e-12);
    // Two classes: the clamp (1 − 2a)·p + a keeps the sum at 1.
    QVERIFY(torch::allclose(result.probabilities.sum(1), torch::ones({3}, torch::kDouble)));
}

namespace {

struct Fixture {
    std::shared_ptr<TinyMlpImpl> model = std::make_shared<TinyMlpImpl>();
    torch::Tensor inputs, labels, noise;
    SoftRadiusConfig config;
    Fixture() {
        model->to(torch::kDouble);
        config.sigma = 0.4;
        config.inverseTemperature = 4.0;
        inputs = torch::rand({5, 3}, torch::kDouble);
        noise = drawSoftNoise(inputs, 6, config.sigma, makeNoiseGenerator(torch::kCPU, 11));
        // Labels = the soft predictions, so that every point carries a radius (and a gradient) but one.
        const auto probabilities = softRadius(*model, inputs, torch::zeros({5}, torch::kLong), config, noise).probabilities;
        labels = probabilities.argmax(1).detach().clone();
        labels[4] = (labels[4].item<std::int64_t>() + 1) % 3;
    }
    double objective(const torch::Tensor& x) {
        torch::NoGradGuard noGrad;
        return softRadius(*model, x, labels, config, noise).objective.item<double>();
    }
};

} // namespace

void TestSoftRadius::inputGradientMatchesFiniteDifferences() {
    Fixture f;
    auto x = f.inputs.clone().requires_grad_(true);
    const auto result = softRadius(*f.model, x, f.labels, f.config, f.noise);
    QCOMPARE(result.correct.sum().item<std::int64_t>(), std::int64_t(4));
    const auto gradient = torch::autograd::grad({result.objective}, {x})[0];
    QVERIFY(gradient.abs().sum().item<double>() > 1e-3);
    // The misclassified point contributes nothing.
    QCOMPARE(gradient[4].abs().sum().item<double>(), 0.0);
    // Central differences in double: truncation error O(h²) ~ 1e-10, rounding ~ 1e-16 / h ~ 1e-10.
    const double h = 1e-5;
    for (std::int64_t i = 0; i < x.size(0); ++i)
        for (std::int64_t j = 0; j < x.size(1); ++j) {
            auto plus = f.inputs.clone(), minus = f.inputs.clone();
            plus[i][j] += h;
            minus[i][j] -= h;
            const double numeric = (f.objective(plus) - f.objective(minus)) / (2 * h);
            const double analytic = gradient[i][j].item<double>();
            QVERIFY2(std::abs(numeric - analytic) < 1e-7 + 1e-6 * std::abs(analytic),
                     qPrintable(
                         QStringLiteral("x[%1][%2]: %3 vs %4").arg(i).arg(j).arg(analytic, 0, 'g', 12).arg(numeric, 0, 'g', 12)));
        }
}

void TestSoftRadius::parameterGradientMatchesFiniteDifferences() {
    Fixture f;
    const auto parameters = f.model->parameters();
    const auto result = softRadius(*f.model, f.inputs, f.labels, f.config, f.noise);
    const auto gradients = torch::autograd::grad({result.objective}, parameters);
    const double h = 1e-5;
    int checked = 0;
    for (std::size_t k = 0; k < parameters.size(); ++k) {
        auto flat = parameters[k].view(-1);
        const auto gradient = gradients[k].reshape(-1);
        for (std::int64_t e = 0; e < flat.numel(); ++e) {
            double plus, minus;
            {
                torch::NoGradGuard noGrad;
                const double original = flat[e].item<double>();
                flat[e] = original + h;
                plus = f.objective(f.inputs);
                flat[e] = original - h;
                minus = f.objective(f.inputs);
                flat[e] = original;
            }
            const double numeric = (plus - minus) / (2 * h);
            const double analytic = gradient[e].item<double>();
            QVERIFY2(std::abs(numeric - analytic) < 1e-7 + 1e-6 * std::abs(analytic),
                     qPrintable(QStringLiteral("parameter %1[%2]: %3 vs %4")
                                    .arg(k)
                                    .arg(e)
                                    .arg(analytic, 0, 'g', 12)
                                    .arg(numeric, 0, 'g', 12)));
            ++checked;
        }
    }
    QCOMPARE(checked, 3 * 5 + 5 + 5 * 3 + 3);
}

void TestSoftRadius::sharpLimitIsHardRadiusOfLinearModel() {
    // With β·‖w‖ = 5000 the softmax is a step function, so the soft probability is the fraction of noisy samples
    // on the label's side, whose expectation is pA = Φ(d/σ); the soft radius σ/2·(Φ⁻¹(pA) − Φ⁻¹(1 − pA)) = σΦ⁻¹(pA)
    // is then the exact radius d. Tolerance: k samples estimate pA with SD s = sqrt(pA(1 − pA)/k), which moves the
    // radius by σ·s/φ(Φ⁻¹(pA)); we allow 4.5 of those plus the clamp's shift a·|1 − 2pA| mapped the same way.
    auto model = linearModel(1.0);
    model->to(torch::kDouble);
    SoftRadiusConfig config;
    config.sigma = 0.5;
    config.samples = 20000;
    config.inverseTemperature = 1000.0;
    const std::vector<double> distances{0.3, 0.6, -0.45};
    std::vector<torch::Tensor> points;
    std::vector<std::int64_t> labels;
    for (double d : distances) {
        points.push_back(pointAtDistance(d));
        labels.push_back(d > 0 ? 1 : 0);
    }
    torch::NoGradGuard noGrad;
    const auto inputs = torch::stack(points);
    const auto noise = drawSoftNoise(inputs, config.samples, config.sigma, makeNoiseGenerator(torch::kCPU, 5));
    const auto result = softRadius(*model, inputs, torch::tensor(labels), config, noise);
    for (std::size_t i = 0; i < distances.size(); ++i) {
        const double d = std::abs(distances[i]);
        const double pA = normalCdf(d / config.sigma);
        const double density = std::exp(-0.5 * (d / config.sigma) * (d / config.sigma)) / std::sqrt(2 * M_PI);
        const double s = std::sqrt(pA * (1 - pA) / double(config.samples));
        const double tolerance = config.sigma * (4.5 * s + config.clampMargin * std::abs(1 - 2 * pA)) / density;
        const double radius = result.radii[std::int64_t(i)].item<double>();
        QVERIFY2(std::abs(radius - d) < tolerance,
                 qPrintable(QStringLiteral("d=%1: soft radius %2, tolerance %3").arg(d).arg(radius).arg(tolerance)));
    }
}

void TestSoftRadius::badSettingsNameTheSetting() {
    auto model = linearModel(1.0);
    const auto x = torch::rand({2, 2});
    const auto y = torch::zeros({2}, torch::kLong);
    SoftRadiusConfig config;
    config.sigma = 0;
    PACD_EXPECT_ERROR(softRadius(*model, x, y, config), "'sigma'");
    config = {};
    config.samples = 0;
    PACD_EXPECT_ERROR(softRadius(*model, x, y, config), "'samples'");
    config = {};
    config.inverseTemperature = -1;
    PACD_EXPECT_ERROR(softRadius(*model, x, y, config), "'inverseTemperature'");
    config = {};
    config.clampMargin = 0.5;
    PACD_EXPECT_ERROR(softRadius(*model, x, y, config), "'clampMargin'");
    PACD_EXPECT_ERROR(softRadius(*model, x, y, SoftRadiusConfig{}, torch::zeros({2, 3, 5})), "noise must be");
    PACD_EXPECT_ERROR(softRadius(*model, x, torch::zeros({3}, torch::kLong), SoftRadiusConfig{}), "3 labels");
}

QTEST_GUILESS_MAIN(TestSoftRadius)
#include "tst_soft_radius.moc"
