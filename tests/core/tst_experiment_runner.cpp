#include "runner_fixtures.h"
#include "test_helpers.h"

#include "data/attack_data.h"
#include "data/catalog.h"
#include "data/poison_set.h"
#include "experiment/experiment_data.h"
#include "experiment/runner.h"
#include "models/precision_scope.h"
#include "plan/cost_model.h"
#include "plan/presets.h"
#include "support/cancel.h"

#include <atomic>

using namespace pacd;
namespace fs = std::filesystem;
using test::optionsIn;

namespace {

// The toy (App. D.2) through the whole pipeline: small enough to run several times in a test.
ExperimentSpec toySpec() {
    auto spec = ExperimentSpec::fromJson(R"({"schema_version": 1, "name": "toy", "dataset": "toy-gaussians", "target": 0,
        "sigma": 0.25, "seeds": 1, "n": 500, "watermark": false})");
    return spec;
}

// A few hundred MNIST points, one seed: every stage of the image pipeline in seconds.
ExperimentSpec mnistSpec() {
    return ExperimentSpec::fromJson(R"({"schema_version": 1, "name": "tiny mnist", "subset": 300, "attack_epochs": 1,
        "clean_batch": 60, "poison_batch": 10, "val_batch": 10, "k": 2, "T1": 2, "train_epochs": 1, "seeds": 1,
        "points": 5, "n": 100, "n0": 20})");
}

const VictimResult& victim(const RunRecord& record, const std::string& data) {
    for (const auto& v : record.victims)
        if (v.data == data) return v;
    throw std::runtime_error("no victim trained on " + data);
}

// Runs to the end, restarting after every cancellation; returns the final record and how many runs it took.
std::pair<RunRecord, int> runWithInterruptions(ExperimentRunner& runner,
                                               const std::function<bool(const ProgressEvent&, int)>& stopWhen) {
    int attempts = 0;
    while (true) {
        ++attempts;
        CancelToken cancel;
        int events = 0;
        RunObserver observer;
        observer.progress = [&](const ProgressEvent& event) {
            if (stopWhen(event, events++)) cancel.cancel();
        };
        try {
            return {runner.run(cancel, observer), attempts};
        } catch (const Cancelled&) {
            if (attempts > 20) throw;
        }
    }
}

} // namespace

class TestExperimentRunner : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void planListsEveryStage();
    void toyRunLowersTheRadiusAndResumesFromArtefacts();
    void interruptedRunReachesTheSameNumbers();
    void tinyMnistRunProducesAVictimPerDataKind();
    void pointsModePoisonsTheNearestPoints();
    void presetsBuildValidSpecs();
    void costEstimateCountsThePlannedStages();
};

void TestExperimentRunner::planListsEveryStage() {
    QTemporaryDir dir;
    auto spec = mnistSpec();
    spec.seeds = 2;
    const ExperimentRunner runner(spec, optionsIn(dir));
    const auto plan = runner.stages();
    // poison + watermark, then per seed 3 × (train + certify).
    QCOMPARE(plan.size(), std::size_t(2 + 2 * 6));
    QVERIFY(plan[0].kind == StageKind::Poison);
    QVERIFY(plan[1].kind == StageKind::Watermark);
    QVERIFY(plan[2].kind == StageKind::Train && plan[2].data == DataKind::Clean);
    QVERIFY(plan.back().kind == StageKind::Certify && plan.back().data == DataKind::Poison);
    for (std::size_t i = 0; i < plan.size(); ++i)
        QCOMPARE(plan[i].index, std::int64_t(i));
    QCOMPARE(QString::fromStdString(plan[2].name), QStringLiteral("train clean seed 0"));
    QCOMPARE(QString::fromStdString(plan.back().name), QStringLiteral("certify poison seed 1"));
    for (const auto& stage : plan)
        QVERIFY(!stage.done);
    // Different seeds, different victims; the same spec, the same folders.
    QVERIFY(plan[2].output != plan[8].output);
    QCOMPARE(ExperimentRunner(spec, optionsIn(dir)).stages()[2].output, plan[2].output);
}

void TestExperimentRunner::toyRunLowersTheRadiusAndResumesFromArtefacts() {
    QTemporaryDir dir;
    ExperimentRunner runner(toySpec(), optionsIn(dir));
    CancelToken cancel;
    std::vector<std::string> started;
    RunObserver observer;
    observer.stageStarted = [&](const StagePlan& stage, std::int64_t) { started.push_back(stage.name); };
    // Every event of a stage carries the stage: its index, kind and data kind.
    std::vector<ProgressEvent> events;
    observer.progress = [&](const ProgressEvent& event) { events.push_back(event); };
    const auto record = runner.run(cancel, observer);
    QCOMPARE(QString::fromStdString(record.status), QStringLiteral("finished"));
    QCOMPARE(record.victims.size(), std::size_t(2));
    QCOMPARE(started.size(), std::size_t(5)); // poison, train clean, certify clean, train poison, certify poison
    const auto stages = runner.stages();
    QVERIFY(!events.empty());
    std::set<std::int64_t> seen;
    for (const auto& event : events) {
        if (event.stage == "experiment" && event.message == "finished") continue;
        QVERIFY2(event.stageIndex >= 0 && event.stageIndex < 5, event.stage.c_str());
        const auto& stage = stages[static_cast<std::size_t>(event.stageIndex)];
        QVERIFY(event.stageKind == stage.kind);
        QVERIFY(event.dataKind == stage.data);
        seen.insert(event.stageIndex);
        if (event.stage == "train-epoch") QVERIFY(event.stageKind == StageKind::Train && event.dataKind != DataKind::None);
    }
    QCOMPARE(seen.size(), std::size_t(5));
    const auto& clean = victim(record, "clean");
    const auto& poisoned = victim(record, "poison");
    // App. D.2: the clean class −1 radius is about 0.42 (0.4243 at the population mean; ACR over noisy test points
    // is lower); poisoning moves the boundary toward class −1 and the ACR falls.
    QVERIFY2(clean.acr > 0.25 && clean.acr < 0.5, std::to_string(clean.acr).c_str());
    QVERIFY2(poisoned.acr < clean.acr - 0.02, (std::to_string(poisoned.acr) + " vs " + std::to_string(clean.acr)).c_str());
    qInfo("toy ACR clean %.4f poisoned %.4f (ACA %.3f / %.3f)", clean.acr, poisoned.acr, clean.aca, poisoned.aca);
    QCOMPARE(clean.pointRadii.size(), std::size_t(200));
    QVERIFY(fs::exists(fs::path(record.workDir) / "result.json"));
    QVERIFY(fs::exists(clean.certificates));

    // Again: every stage's output exists, nothing is recomputed, the numbers are the stored ones.
    const auto again = runner.run(cancel);
    for (const auto& timing : again.timings)
        QVERIFY2(timing.reused, timing.stage.c_str());
    QCOMPARE(victim(again, "poison").acr, poisoned.acr);
    QCOMPARE(victim(again, "clean").aca, clean.aca);
}

void TestExperimentRunner::interruptedRunReachesTheSameNumbers() {
    QTemporaryDir straightDir, interruptedDir;
    auto spec = toySpec();
    spec.watermark = true;
    ExperimentRunner straight(spec, optionsIn(straightDir));
    CancelToken never;
    const auto expected = straight.run(never);

    // Stop in the middle of the attack, between stages, in the middle of a victim's epoch and during certification.
    auto everyStep = optionsIn(interruptedDir);
    everyStep.trainProgressSeconds = 0; // a training event per step, so that a mid-epoch stop is certain to happen
    ExperimentRunner interrupted(spec, everyStep);
    std::set<std::string> stopped;
    const auto [record, attempts] = runWithInterruptions(interrupted, [&](const ProgressEvent& event, int) {
        const auto once = [&](const std::string& key) { return stopped.insert(key).second; };
        if (event.stage == "poison" && event.step >= 7) return once("attack step 7");
        if (event.stage == "experiment" && event.step == 3) return once("before stage 3");
        // The toy's 900 points in batches of 200: 5 steps per epoch, so step 13 is in the middle of the third epoch.
        if (event.stage == "train" && event.step == 13) return once("mid-epoch train step");
        if (event.stage == "certify" && event.step >= 30) return once("certify point 30");
        return false;
    });
    for (const auto& key : stopped)
        qInfo("stopped at %s", key.c_str());
    QCOMPARE(stopped.size(), std::size_t(4));
    QCOMPARE(attempts, 5);
    QCOMPARE(record.victims.size(), expected.victims.size());
    for (std::size_t i = 0; i < expected.victims.size(); ++i) {
        QCOMPARE(QString::fromStdString(record.victims[i].data), QString::fromStdString(expected.victims[i].data));
        QCOMPARE(record.victims[i].acr, expected.victims[i].acr);
        QCOMPARE(record.victims[i].aca, expected.victims[i].aca);
        QCOMPARE(record.victims[i].pointRadii, expected.victims[i].pointRadii);
    }
    const auto poisonOf = [](const RunRecord& r) { return readPoisonSet(r.artefacts.at("poison")).contentHash(); };
    QCOMPARE(poisonOf(record), poisonOf(expected));
}

void TestExperimentRunner::tinyMnistRunProducesAVictimPerDataKind() {
    QVERIFY2(datasetStatus("mnist", test::dataDir()).present, "MNIST is not provisioned: run scripts/bootstrap.sh");
    QTemporaryDir dir;
    ExperimentRunner runner(mnistSpec(), optionsIn(dir));
    CancelToken cancel;
    std::int64_t poisonRows = 0;
    RunObserver observer;
    observer.poisonBatch = [&](const torch::Tensor& rows, const torch::Tensor& images, const torch::Tensor& base) {
        QCOMPARE(images.sizes(), base.sizes());
        QVERIFY((images - base).abs().max().item<double>() <= 0.1 + 1e-6); // within ε
        poisonRows += rows.size(0);
    };
    const auto record = runner.run(cancel, observer);
    QCOMPARE(record.victims.size(), std::size_t(3));
    const auto summaries = record.summaries();
    QCOMPARE(summaries.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(summaries[1].data), QStringLiteral("watermark"));
    const auto poison = readPoisonSet(record.artefacts.at("poison"));
    QCOMPARE(poisonRows, poison.size()); // one epoch: every poison row reported once
    QCOMPARE(poison.targetClass, std::int64_t(8));
    for (const auto& v : record.victims) {
        QCOMPARE(v.pointRadii.size(), std::size_t(5));
        QVERIFY(v.acr >= 0 && v.aca >= 0 && v.aca <= 1);
        QVERIFY(v.baseAccuracy >= 0 && v.baseAccuracy <= 1);
        QVERIFY(fs::exists(v.checkpoint));
    }
}

void TestExperimentRunner::pointsModePoisonsTheNearestPoints() {
    QVERIFY2(datasetStatus("mnist", test::dataDir()).present, "MNIST is not provisioned: run scripts/bootstrap.sh");
    QTemporaryDir dir;
    auto spec = mnistSpec();
    spec.mode = "points";
    spec.targetPoints = 1;
    spec.poisonCount = 12;
    spec.watermark = false;
    ExperimentRunner runner(spec, optionsIn(dir));
    CancelToken cancel;
    const auto record = runner.run(cancel);
    QCOMPARE(record.victims.size(), std::size_t(2));
    const auto point = record.victims[0].point;
    QVERIFY(point >= 0);
    const auto test = loadDatasetFile("mnist", "test", test::dataDir());
    QCOMPARE(test.labels[point].item<std::int64_t>(), std::int64_t(8));
    const auto poison = readPoisonSet(record.artefacts.begin()->second);
    QCOMPARE(poison.size(), std::int64_t(12));
    // The poisons' bases are the 12 digit-8 points of the training subset nearest to the target point.
    const auto split = loadAttackSplit("mnist", 300, 0, test::dataDir());
    const auto target = test.images[point].flatten();
    std::vector<std::pair<double, std::int64_t>> eights;
    for (const auto i : split.train)
        if (split.trainingFile.labels[i].item<std::int64_t>() == 8)
            eights.emplace_back((split.trainingFile.images[i].flatten() - target).norm().item<double>(), i);
    std::sort(eights.begin(), eights.end());
    QVERIFY(eights.size() > 12);
    std::vector<std::int64_t> nearest;
    for (std::size_t r = 0; r < 12; ++r)
        nearest.push_back(eights[r].second);
    std::sort(nearest.begin(), nearest.end());
    QCOMPARE(poison.indices, nearest);
    QCOMPARE(runner.stages().size(), std::size_t(1 + 4)); // poison, then train + certify for clean and poison
    // The export finds the poison set by its folder's kind, whatever the stage is called ("poison point 7").
    const auto poisons = artefactsOfKind(record, StageKind::Poison);
    QCOMPARE(poisons.size(), std::size_t(1));
    QCOMPARE(fs::path(poisons[0]).filename().string(), std::string("poison.json"));
    QVERIFY(artefactsOfKind(record, StageKind::Watermark).empty());
    QVERIFY(kindOfFolder(fs::path(poisons[0]).parent_path().filename().string()) == StageKind::Poison);
    QVERIFY(kindOfFolder("poison-xyz") == StageKind::None);
    QCOMPARE(record.victims[0].pointRadii.size(), std::size_t(1));
}

// `pacd-cli presets` and a run's ETA must price the same stages: the estimate counts the stages the runner
// plans (in points mode: a poison, a watermark and two victims per point, one clean victim per seed), each at
// the weight the plan gives it.
void TestExperimentRunner::costEstimateCountsThePlannedStages() {
    QTemporaryDir dir;
    auto classSpec = mnistSpec();
    classSpec.seeds = 3;
    auto pointsSpec = mnistSpec();
    pointsSpec.mode = "points";
    pointsSpec.targetPoints = 3;
    pointsSpec.poisonCount = 12;
    pointsSpec.seeds = 2;
    for (const auto& spec : {classSpec, pointsSpec}) {
        // The runner's stages (points mode: with the data's real points) against the estimate made without data.
        // The runner resolves `auto` precision for its device: bf16 where this CPU has native bf16 units.
        const auto stages = ExperimentRunner(spec, optionsIn(dir)).stages();
        PlanOptions here;
        here.nativeBf16 = hasNativeBf16(torch::kCPU);
        const auto estimate = resolve(spec, here);
        double seconds = 0;
        for (const auto& stage : stages)
            seconds += stage.weight;
        QVERIFY(seconds > 0);
        QCOMPARE(stages.size(), estimate.stages.size());
        QVERIFY2(std::abs(seconds / 60.0 - estimateMinutes(estimate)) < 1e-9 * seconds,
                 (spec.mode + ": plan " + std::to_string(seconds / 60.0) + " min, estimate " +
                  std::to_string(estimateMinutes(estimate)))
                     .c_str());
        const auto each = estimateStageSeconds(estimate);
        QCOMPARE(stages.front().weight, each.attack);
        QCOMPARE(stages.back().weight, each.certifyVictim);
    }
    // MACER retraining costs more than Gaussian augmentation (22x, Table 1's demo victims).
    auto macer = classSpec;
    macer.retrainDefense = "macer";
    QVERIFY(estimateStageSeconds(resolve(macer)).trainVictim > 10 * estimateStageSeconds(resolve(classSpec)).trainVictim);
    // Eq. 4's cross-entropy needs one forward pass per validation point, the soft ACR k noisy ones: 0.6x an epoch
    // (measured: 7.2 s against 12.0 s, demo, bf16).
    auto crossEntropy = classSpec;
    crossEntropy.objective = "cross-entropy";
    QCOMPARE(estimateStageSeconds(resolve(crossEntropy)).attack, 0.6 * estimateStageSeconds(resolve(classSpec)).attack);
    // bf16 is faster where the units are native and an order of magnitude slower where it is emulated (bench).
    auto bf16 = classSpec;
    bf16.precision = "bf16";
    PlanOptions native;
    native.nativeBf16 = true;
    const auto fp32Seconds = estimateStageSeconds(resolve(classSpec));
    QVERIFY(estimateStageSeconds(resolve(bf16, native)).certifyVictim < fp32Seconds.certifyVictim);
    QVERIFY(estimateStageSeconds(resolve(bf16)).certifyVictim > 10 * fp32Seconds.certifyVictim);
    QVERIFY(estimateStageSeconds(resolve(bf16)).attack > 10 * fp32Seconds.attack);
}

void TestExperimentRunner::presetsBuildValidSpecs() {
    std::set<std::string> names;
    for (const auto& preset : presets()) {
        QVERIFY2(names.insert(preset.name).second, preset.name.c_str());
        for (const std::string scale : {"demo", "paper"}) {
            const auto specs = preset.specs(scale);
            QVERIFY2(!specs.empty(), preset.name.c_str());
            std::set<std::string> rows;
            for (const auto& spec : specs) {
                QVERIFY2(rows.insert(spec.name).second, (preset.name + ": duplicate row " + spec.name).c_str());
                QCOMPARE(QString::fromStdString(spec.scale), QString::fromStdString(scale));
            }
            QVERIFY(preset.expectedMinutes(scale) > 0);
        }
    }
    // Spot checks against the paper.
    const auto table2 = findPreset("table2-mnist").plans("paper");
    QCOMPARE(table2.size(), std::size_t(3));
    QCOMPARE(table2[1].spec.sigma, 0.5);
    QCOMPARE(table2[0].certify.n, std::int64_t(100000));
    QCOMPARE(table2[0].seeds, std::int64_t(5));
    QCOMPARE(table2[0].victims.size(), std::size_t(5));
    QVERIFY(table2[0].solver == LinearSolver::Adam); // ApproxGrad at paper scale
    const auto fig4 = findPreset("fig4-mnist").specs("paper");
    QCOMPARE(fig4.size(), std::size_t(9));
    QCOMPARE(QString::fromStdString(fig4[1].poisonDefense + ">" + fig4[1].retrainDefense), QStringLiteral("ga>macer"));
    const auto d6 = findPreset("appD6").plans("paper").front();
    QCOMPARE(d6.epsilon, 0.06);
    QCOMPARE(d6.attack.epsilon, 0.06);
    QCOMPARE(d6.poisonCount, std::int64_t(500));
    QCOMPARE(d6.target, std::int64_t(2));
    QVERIFY(d6.mode == PoisonMode::Points && d6.unitsArePlaceholders);
    const auto table7 = findPreset("table7").plans("paper");
    QCOMPARE(table7.size(), std::size_t(8));
    QCOMPARE(table7[7].victims[0].weightDecay, 0.1);
    QCOMPARE(table7[0].seeds, std::int64_t(3));
    QCOMPARE(findPreset("table7").plans("demo")[0].seeds, std::int64_t(2)); // demo caps the seeds
    PACD_EXPECT_ERROR(findPreset("table9"), "unknown preset 'table9'", "table2-mnist");
}

QTEST_GUILESS_MAIN(TestExperimentRunner)
#include "tst_experiment_runner.moc"
