#include "test_helpers.h"

#include "plan/cost_model.h"

#include "plan/experiment_plan.h"
#include "plan/presets.h"

#include <nlohmann/json.hpp>

#include <set>

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
    void unsetFieldsStayUnset();
    void resolvedFieldsAreTyped();
    void nameTablesAreOneVocabulary();
    void hessianProductIsTypedAndAddressed();
    void objectiveAndPoisonStepsComeFromTheSpec();
};

void TestExperimentSpec::scaleDefaults_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<double>("epsilon");
    QTest::addColumn<qint64>("k");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<qint64>("seeds");
    QTest::addColumn<QString>("arch");
    // The paper: MNIST ε = 0.1, k = 20; CIFAR-10 ε = 0.03, k = 5, ResNet-20; n = 100,000, 5 seeds (App. E.3).
    QTest::newRow("mnist paper") << R"({"schema_version": 1, "scale": "paper"})" << 0.1 << qint64(20) << qint64(100000)
                                 << qint64(5) << "mnist-cnn";
    QTest::newRow("cifar paper") << R"({"schema_version": 1, "scale": "paper", "dataset": "cifar10"})" << 0.03 << qint64(5)
                                 << qint64(100000) << qint64(5) << "resnet20";
    QTest::newRow("mnist demo") << R"({"schema_version": 1})" << 0.1 << qint64(8) << qint64(1000) << qint64(2) << "mnist-cnn";
}

void TestExperimentSpec::scaleDefaults() {
    QFETCH(QString, json);
    QFETCH(double, epsilon);
    QFETCH(qint64, k);
    QFETCH(qint64, n);
    QFETCH(qint64, seeds);
    QFETCH(QString, arch);
    const auto spec = resolve(ExperimentSpec::fromJson(json.toStdString())).spec;
    QCOMPARE(*spec.epsilon, epsilon);
    QCOMPARE(*spec.upperSamples, k);
    QCOMPARE(*spec.n, n);
    QCOMPARE(*spec.seeds, seeds);
    QCOMPARE(QString::fromStdString(*spec.poisonArch), arch);
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
    QCOMPARE(*again.lowerSteps, qint64(1));
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
    QTest::newRow("not json") << "{oops"
                              << "not valid JSON";
    QTest::newRow("no version") << R"({"dataset": "mnist"})"
                                << "'schema_version' is missing";
    QTest::newRow("future version") << R"({"schema_version": 2})"
                                    << "'schema_version': 2 is not supported";
    QTest::newRow("typo") << R"({"schema_version": 1, "epsilonn": 0.1})"
                          << "unknown spec field 'epsilonn'";
    QTest::newRow("dataset") << R"({"schema_version": 1, "dataset": "svhn"})"
                             << "'dataset': 'svhn' is not one of mnist, fashion-mnist, cifar10";
    QTest::newRow("defense") << R"({"schema_version": 1, "poison_defense": "gauss"})"
                             << "'poison_defense': 'gauss' is not one of standard, ga, macer, smoothadv";
    QTest::newRow("type") << R"({"schema_version": 1, "sigma": "0.25"})"
                          << "'sigma' has the wrong type (string)";
    QTest::newRow("epsilon") << R"({"schema_version": 1, "epsilon": 2})"
                             << "'epsilon': 2 is outside [0, 1]";
    QTest::newRow("alpha") << R"({"schema_version": 1, "alpha": 1})"
                           << "'alpha': 1 is outside (0, 1)";
    QTest::newRow("arch") << R"({"schema_version": 1, "dataset": "cifar10", "poison_arch": "mnist-cnn"})"
                          << "CIFAR-10 needs a ResNet";
    QTest::newRow("scale") << R"({"schema_version": 1, "scale": "huge"})"
                           << "'scale': 'huge' is not one of demo, paper";
    QTest::newRow("override") << R"({"schema_version": 1, "certify_sigma": -1})"
                              << "'certify_sigma': -1 is outside (0, 4]";
    // fuzz_spec regression: a float far outside int64 for an integer field was undefined behaviour (UBSan).
    QTest::newRow("huge integer") << R"({"schema_version": 1, "points": 777777777777777777777777777777777777777777777500})"
                                  << "'points': 7.777777777777778e+47 is not a whole number in range";
    QTest::newRow("fractional integer") << R"({"schema_version": 1, "seeds": 2.5})"
                                        << "'seeds': 2.5 is not a whole number in range";
    QTest::newRow("mode") << R"({"schema_version": 1, "mode": "pixels"})"
                          << "'mode': 'pixels' is not one of class, points";
    QTest::newRow("toy arch") << R"({"schema_version": 1, "dataset": "toy-gaussians", "poison_arch": "mnist-cnn"})"
                              << "the toy needs logistic";
}

void TestExperimentSpec::errorsNameTheField() {
    QFETCH(QString, json);
    QFETCH(QString, fragment);
    PACD_EXPECT_ERROR(ExperimentSpec::fromJson(json.toStdString(), "table2.json"), "table2.json", fragment.toStdString());
}

// A spec says only what it sets: unset fields are null in JSON and get the scale's default only when resolved;
// -1 and "" (what the first release wrote for "default") read as unset, so its files still load.
void TestExperimentSpec::unsetFieldsStayUnset() {
    const auto spec = ExperimentSpec::fromJson(R"({"schema_version": 1, "epsilon": -1, "poison_arch": "", "n": 250})");
    QVERIFY(!spec.epsilon);
    QVERIFY(!spec.poisonArch);
    QVERIFY(!spec.seeds);
    QCOMPARE(*spec.n, qint64(250));
    const auto json = nlohmann::json::parse(spec.toJson());
    QVERIFY(json["epsilon"].is_null());
    QVERIFY(json["poison_arch"].is_null());
    QCOMPARE(json["n"].get<int>(), 250);
    QCOMPARE(ExperimentSpec::fromJson(spec.toJson()).toJson(), spec.toJson());
    // Resolving fills every field; a resolved spec resolves to itself.
    const auto plan = resolve(spec);
    QCOMPARE(*plan.spec.epsilon, 0.1);
    QCOMPARE(*plan.spec.n, qint64(250));
    QCOMPARE(resolve(plan.spec).spec.toJson(), plan.spec.toJson());
    QCOMPARE(resolve(plan.spec).specHash, plan.specHash);
    const auto filled = nlohmann::json::parse(plan.spec.toJson());
    for (const auto& item : filled.items())
        if (item.key() != "attack_sigma" && item.key() != "retrain_sigma" && item.key() != "certify_sigma")
            QVERIFY2(!item.value().is_null(), item.key().c_str());
}

void TestExperimentSpec::resolvedFieldsAreTyped() {
    const auto plan =
        resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "dataset": "cifar10", "poison_defense": "smoothadv",
        "retrain_defense": "macer", "scale": "paper", "mode": "points", "seeds": 3})"));
    QVERIFY(plan.dataset == DatasetId::Cifar10);
    QVERIFY(plan.scale == Scale::Paper);
    QVERIFY(plan.mode == PoisonMode::Points);
    QVERIFY(plan.poisonDefense == TrainMethod::SmoothAdv && plan.retrainDefense == TrainMethod::Macer);
    QVERIFY(plan.poisonArch == Arch::ResNet20 && plan.retrainArch == Arch::ResNet20);
    QVERIFY(plan.solver == LinearSolver::Adam);
    // App. D.6 ε = 0.06; SmoothAdv's lower level: T1 = 1, R = 20; CIFAR-10: k = 5, batches 180 + 20 (App. E.3).
    QCOMPARE(plan.attack.epsilon, 0.06);
    QCOMPARE(plan.attack.approx.lowerSteps, std::int64_t(1));
    QCOMPARE(plan.attack.reinitEvery, std::int64_t(20));
    QCOMPARE(plan.attack.upperSamples, std::int64_t(5));
    QCOMPARE(plan.attack.cleanBatch + plan.attack.poisonBatch, std::int64_t(200));
    // One victim per seed, MACER's CIFAR-10 λ at σ = 0.25 (App. E.3: 12).
    QCOMPARE(plan.victims.size(), std::size_t(3));
    QCOMPARE(plan.victim(2).seed, std::uint64_t(2));
    QCOMPARE(plan.victims[0].macer.lambda, 12.0);
    QVERIFY(plan.victims[0].method == TrainMethod::Macer);
    PACD_EXPECT_ERROR(plan.victim(3), "no victim with seed 3");
    // Points mode without data: placeholder units, one per target point.
    QVERIFY(plan.unitsArePlaceholders);
    QCOMPARE(plan.units.size(), std::size_t(5));
    PlanOptions withPoints;
    withPoints.points = std::vector<std::int64_t>{11, 42};
    const auto real = resolve(plan.spec, withPoints);
    QVERIFY(!real.unitsArePlaceholders);
    QCOMPARE(real.stages.front().point, std::int64_t(11));
    QCOMPARE(QString::fromStdString(real.stages.front().name), QStringLiteral("poison point 11"));
    // Reading a spec checks it without planning its stages: the largest allowed grid (1,000 seeds × 10,000 points,
    // tens of millions of stages) still reads at once.
    const auto huge =
        ExperimentSpec::fromJson(R"({"schema_version": 1, "mode": "points", "seeds": 1000, "target_points": 10000})");
    PlanOptions checkOnly;
    checkOnly.planStages = false;
    const auto settings = resolve(huge, checkOnly);
    QVERIFY(settings.stages.empty());
    QCOMPARE(settings.victims.size(), std::size_t(1000));
    PlanOptions badBatch;
    badBatch.certifyBatch = 0;
    PACD_EXPECT_ERROR(resolve(plan.spec, badBatch), "certify batch");
}

// One table per vocabulary: names, parsing, aliases and the error that lists the choices all come from it.
void TestExperimentSpec::nameTablesAreOneVocabulary() {
    QCOMPARE(namesOf<TrainMethod>(), (std::vector<std::string>{"standard", "ga", "macer", "smoothadv"}));
    QCOMPARE(namesOf<LinearSolver>(), (std::vector<std::string>{"approxgrad", "cg", "first-order"}));
    QCOMPARE(namesOf<Arch>().size(), std::size_t(5));
    QVERIFY(parseName<LinearSolver>("adam") == LinearSolver::Adam); // alias
    QCOMPARE(nameOf(LinearSolver::Adam), std::string("approxgrad"));
    for (const auto& name : namesOf<DatasetId>())
        QCOMPARE(nameOf(parseName<DatasetId>(name)), name);
    PACD_EXPECT_ERROR(parseName<Arch>("vgg16"), "unknown architecture 'vgg16'",
                      "mnist-cnn, resnet20, resnet56, resnet110, logistic");
    QVERIFY(archFits(Arch::ResNet110, DatasetId::Cifar10));
    QVERIFY(!archFits(Arch::MnistCnn, DatasetId::ToyGaussians));
}

void TestExperimentSpec::hessianProductIsTypedAndAddressed() {
    const auto autograd = resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "scale": "paper"})"));
    QVERIFY(autograd.hessianProduct == HessianProduct::Autograd);
    QCOMPARE(QString::fromStdString(*autograd.spec.hvp), QStringLiteral("autograd"));
    // The default is left out of the spec's JSON: specs written before the setting keep their hash and folders.
    QVERIFY(autograd.spec.toJson().find("\"hvp\"") == std::string::npos);
    const auto fd = resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "scale": "paper", "hvp": "fd"})"));
    QVERIFY(fd.hessianProduct == HessianProduct::FiniteDifference);
    QVERIFY(fd.attack.approx.hessianProduct == HessianProduct::FiniteDifference);
    QVERIFY(fd.specHash != autograd.specHash);
    // Other poisons: the poison stage and every stage trained on its output move; clean victims stay.
    auto folderOf = [](const ExperimentPlan& plan, const std::string& name) {
        for (const auto& stage : plan.stages)
            if (stage.name == name) return stage.folder;
        return std::string();
    };
    QVERIFY(!folderOf(fd, "poison").empty());
    QVERIFY(folderOf(fd, "poison") != folderOf(autograd, "poison"));
    QCOMPARE(folderOf(fd, "train clean seed 0"), folderOf(autograd, "train clean seed 0"));
    PACD_EXPECT_ERROR(resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "hvp": "newton"})")), "'hvp'");
}

void TestExperimentSpec::objectiveAndPoisonStepsComeFromTheSpec() {
    // PACD's soft ACR unless the lower level is standard training (Table 1, App. D.1 Eq. 4); either can be asked for.
    const auto pacd = resolve(ExperimentSpec::fromJson(R"({"schema_version": 1})"));
    QVERIFY(pacd.objective == AttackObjective::SoftAcr && pacd.attack.objective == AttackObjective::SoftAcr);
    QVERIFY(pacd.spec.toJson().find("\"objective\"") == std::string::npos);   // PACD specs keep their hash
    QVERIFY(pacd.attack.toJson().find("\"objective\"") == std::string::npos); // and PACD poisons their folder
    const auto standard = resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "poison_defense": "standard"})"));
    QVERIFY(standard.attack.objective == AttackObjective::CrossEntropy);
    QVERIFY(standard.attack.toJson().find("\"objective\":\"cross-entropy\"") != std::string::npos);
    const auto softStandard =
        resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "poison_defense": "standard", "objective": "soft-acr"})"));
    QVERIFY(softStandard.attack.objective == AttackObjective::SoftAcr);
    QVERIFY(softStandard.stages.front().folder != standard.stages.front().folder); // other poisons, other folder
    const auto ce = resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "objective": "ce"})"));
    QVERIFY(ce.attack.objective == AttackObjective::CrossEntropy && ce.attack.defense == TrainMethod::GaussianAugmentation);
    // Every Table-1 row poisons with Eq. 4 against standard training, all four victims on one poison set. At demo
    // scale on MNIST the attack runs 40 epochs and the victims train 24 (the pattern needs both; presets.cpp);
    // paper scale and CIFAR-10's demo keep the defaults.
    std::set<std::string> table1Poisons;
    for (const auto& spec : findPreset("table1-mnist").specs("demo")) {
        const auto plan = resolve(spec);
        QVERIFY(plan.attack.objective == AttackObjective::CrossEntropy && plan.attack.defense == TrainMethod::Standard);
        QCOMPARE(plan.attack.epochs, std::int64_t(40));
        QCOMPARE(*plan.spec.trainEpochs, std::int64_t(24));
        table1Poisons.insert(plan.stages.front().folder);
    }
    QCOMPARE(table1Poisons.size(), std::size_t(1));
    const auto table1Paper = resolve(findPreset("table1-mnist").specs("paper").front());
    QCOMPARE(table1Paper.attack.epochs, std::int64_t(50));
    QCOMPARE(*table1Paper.spec.trainEpochs, std::int64_t(100));
    QCOMPARE(*resolve(findPreset("table1-cifar10").specs("demo").front()).spec.trainEpochs, std::int64_t(8));
    QCOMPARE(*findPreset("appD6-mnist").specs("paper").front().poisonCount, std::int64_t(600));
    QVERIFY(!findPreset("appD6-mnist").specs("demo").front().poisonCount); // the demo's default
    // Table 5 (§4.6): PGD on 200 MNIST and 100 CIFAR-10 target-class test points at paper scale.
    QCOMPARE(resolve(findPreset("table5-mnist").specs("paper").front()).pgdPoints, std::int64_t(200));
    QCOMPARE(resolve(findPreset("table5-cifar10").specs("paper").front()).pgdPoints, std::int64_t(100));
    // β and the poisons' step reach ApproxGrad; the defaults are Alg. 2's β = 1e-3 and the authors' Adam at 0.1.
    QCOMPARE(pacd.attack.approx.linearLearningRate, 1e-3);
    QVERIFY(pacd.attack.approx.poisonStep == PoisonStep::Adam);
    QCOMPARE(pacd.attack.approx.poisonLearningRate, 0.1);
    const auto tuned =
        resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "beta": 0.01, "poison_step": "sign", "poison_lr": 0.05})"));
    QCOMPARE(tuned.attack.approx.linearLearningRate, 0.01);
    QVERIFY(tuned.attack.approx.poisonStep == PoisonStep::Sign);
    QCOMPARE(tuned.attack.approx.poisonLearningRate, 0.05);
    QVERIFY(tuned.specHash != pacd.specHash);
    const auto back = ExperimentSpec::fromJson(tuned.spec.toJson());
    QCOMPARE(*back.beta, 0.01);
    QCOMPARE(*back.poisonStep, std::string("sign"));
    PACD_EXPECT_ERROR(resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "objective": "accuracy"})")), "'objective'",
                      "soft-acr, cross-entropy");
    PACD_EXPECT_ERROR(resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "beta": 20})")), "'beta'");
    // ρ reaches ApproxGrad and the poisons' address; the default 1e-3 stays out of the spec's JSON (old hashes hold).
    QCOMPARE(pacd.attack.approx.damping, 1e-3);
    QVERIFY(pacd.spec.toJson().find("\"rho\"") == std::string::npos);
    const auto damped = resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "hessian": "cg", "rho": 1.5})"));
    QCOMPARE(damped.attack.approx.damping, 1.5);
    QCOMPARE(*ExperimentSpec::fromJson(damped.spec.toJson()).rho, 1.5);
    QVERIFY(damped.attack.toJson().find("\"rho\":1.5") != std::string::npos);
    PACD_EXPECT_ERROR(resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "rho": 5000})")), "'rho'");
    PACD_EXPECT_ERROR(resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "poison_step": "newton"})")), "'poison_step'");
    // An attack epoch: over the clean data in points mode (App. D.6, the authors' count), over the poisons in class
    // mode; class-mode poisons keep their folder. The cost model prices the longer epoch: 500 CIFAR-10 poisons in
    // batches of 20 are 25 steps a pass, 45,000 - 500 clean points in batches of 180 are 248.
    QVERIFY(pacd.attack.epochOver == AttackEpoch::Poisons);
    QVERIFY(pacd.attack.toJson().find("epoch_over") == std::string::npos);
    auto pointsSpec = findPreset("appD6").specs("paper").back();
    QCOMPARE(pointsSpec.dataset, std::string("cifar10"));
    const auto points = resolve(pointsSpec);
    QVERIFY(points.attack.epochOver == AttackEpoch::CleanData);
    pointsSpec.attackEpoch = "poisons";
    const auto perPass = resolve(pointsSpec);
    QVERIFY(perPass.attack.epochOver == AttackEpoch::Poisons);
    QVERIFY(perPass.stages.front().folder != points.stages.front().folder);
    const double ratio = estimateStageSeconds(points).attack / estimateStageSeconds(perPass).attack;
    QVERIFY2(std::abs(ratio - 248.0 / 25.0) < 1e-9, qPrintable(QString::number(ratio)));
    PACD_EXPECT_ERROR(resolve(ExperimentSpec::fromJson(R"({"schema_version": 1, "attack_epoch": "images"})")), "'attack_epoch'",
                      "poisons, clean-data");
}

QTEST_GUILESS_MAIN(TestExperimentSpec)
#include "tst_experiment_spec.moc"
