#include "test_helpers.h"

#include "experiment/spec.h"

using namespace pacd;

class TestExperimentSpec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scaleDefaults_data();
    void scaleDefaults();
    void roundTripsExactly();
    void sigmaOverridesAreExplicit();
    void errorsNameTheField_data();
    void errorsNameTheField();
};

void TestExperimentSpec::scaleDefaults_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<double>("epsilon");
    QTest::addColumn<qint64>("k");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<qint64>("seeds");
    QTest::addColumn<QString>("arch");
    // The paper: MNIST ε = 0.1, k = 20; CIFAR-10 ε = 0.03, k = 5, ResNet-20; n = 100,000, 5 seeds (App. E.3).
    QTest::newRow("mnist paper") << R"({"schema_version": 1, "scale": "paper"})" << 0.1 << qint64(20) << qint64(100000) << qint64(5) << "mnist-cnn";
    QTest::newRow("cifar paper") << R"({"schema_version": 1, "scale": "paper", "dataset": "cifar10"})" << 0.03 << qint64(5) << qint64(100000)
                                 << qint64(5) << "resnet20";
    QTest::newRow("mnist demo") << R"({"schema_version": 1})" << 0.1 << qint64(8) << qint64(1000) << qint64(2) << "mnist-cnn";
}

void TestExperimentSpec::scaleDefaults() {
    QFETCH(QString, json);
    QFETCH(double, epsilon);
    QFETCH(qint64, k);
    QFETCH(qint64, n);
    QFETCH(qint64, seeds);
    QFETCH(QString, arch);
    const auto spec = ExperimentSpec::fromJson(json.toStdString());
    QCOMPARE(spec.epsilon, epsilon);
    QCOMPARE(spec.upperSamples, k);
    QCOMPARE(spec.n, n);
    QCOMPARE(spec.seeds, seeds);
    QCOMPARE(QString::fromStdString(spec.poisonArch), arch);
    QCOMPARE(spec.retrainArch, spec.poisonArch);
    QCOMPARE(spec.n0, qint64(100));
    QCOMPARE(spec.alpha, 0.001);
}

void TestExperimentSpec::roundTripsExactly() {
    auto spec = ExperimentSpec::fromJson(R"({"schema_version": 1, "name": "transfer", "poison_defense": "macer",
        "retrain_defense": "smoothadv", "sigma": 0.5, "certify_sigma": 0.75, "target": 3, "seed": 42, "T1": 1})");
    const auto again = ExperimentSpec::fromJson(spec.toJson());
    QCOMPARE(again.toJson(), spec.toJson());
    QCOMPARE(again.poisonDefense, std::string("macer"));
    QCOMPARE(again.retrainDefense, std::string("smoothadv"));
    QCOMPARE(again.lowerSteps, qint64(1));
    QCOMPARE(again.seed, quint64(42));
    QCOMPARE(*again.certifySigma, 0.75);
}

void TestExperimentSpec::sigmaOverridesAreExplicit() {
    const auto same = ExperimentSpec::fromJson(R"({"schema_version": 1, "sigma": 0.5})");
    QCOMPARE(same.sigmaForAttack(), 0.5);
    QCOMPARE(same.sigmaForRetraining(), 0.5);
    QCOMPARE(same.sigmaForCertification(), 0.5);
    const auto mixed = ExperimentSpec::fromJson(R"({"schema_version": 1, "sigma": 0.5, "retrain_sigma": 0.75})");
    QCOMPARE(mixed.sigmaForAttack(), 0.5);
    QCOMPARE(mixed.sigmaForRetraining(), 0.75);
    QCOMPARE(mixed.sigmaForCertification(), 0.5);
}

void TestExperimentSpec::errorsNameTheField_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("not json") << "{oops" << "not valid JSON";
    QTest::newRow("no version") << R"({"dataset": "mnist"})" << "'schema_version' is missing";
    QTest::newRow("future version") << R"({"schema_version": 2})" << "'schema_version': 2 is not supported";
    QTest::newRow("typo") << R"({"schema_version": 1, "epsilonn": 0.1})" << "unknown spec field 'epsilonn'";
    QTest::newRow("dataset") << R"({"schema_version": 1, "dataset": "svhn"})" << "'dataset': 'svhn' is not one of mnist, fashion-mnist, cifar10";
    QTest::newRow("defense") << R"({"schema_version": 1, "poison_defense": "gauss"})" << "'poison_defense': 'gauss' is not one of ga, macer";
    QTest::newRow("type") << R"({"schema_version": 1, "sigma": "0.25"})" << "'sigma' has the wrong type (string)";
    QTest::newRow("epsilon") << R"({"schema_version": 1, "epsilon": 2})" << "'epsilon': 2 is outside [0, 1]";
    QTest::newRow("alpha") << R"({"schema_version": 1, "alpha": 1})" << "'alpha': 1 is outside (0, 1)";
    QTest::newRow("arch") << R"({"schema_version": 1, "dataset": "cifar10", "poison_arch": "mnist-cnn"})" << "CIFAR-10 needs a ResNet";
    QTest::newRow("scale") << R"({"schema_version": 1, "scale": "huge"})" << "'scale': 'huge' is not one of demo, paper";
    QTest::newRow("override") << R"({"schema_version": 1, "certify_sigma": -1})" << "'certify_sigma': -1 is outside (0, 4]";
    // fuzz_spec regression: a float far outside int64 for an integer field was undefined behaviour (UBSan).
    QTest::newRow("huge integer") << R"({"schema_version": 1, "points": 777777777777777777777777777777777777777777777500})"
                                  << "'points': 7.777777777777778e+47 is not a whole number in range";
    QTest::newRow("fractional integer") << R"({"schema_version": 1, "seeds": 2.5})" << "'seeds': 2.5 is not a whole number in range";
    QTest::newRow("mode") << R"({"schema_version": 1, "mode": "pixels"})" << "'mode': 'pixels' is not one of class, points";
    QTest::newRow("toy arch") << R"({"schema_version": 1, "dataset": "toy-gaussians", "poison_arch": "mnist-cnn"})" << "the toy needs logistic";
}

void TestExperimentSpec::errorsNameTheField() {
    QFETCH(QString, json);
    QFETCH(QString, fragment);
    PACD_EXPECT_ERROR(ExperimentSpec::fromJson(json.toStdString(), "table2.json"), "table2.json", fragment.toStdString());
}

QTEST_GUILESS_MAIN(TestExperimentSpec)
#include "tst_experiment_spec.moc"
