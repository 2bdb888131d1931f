#include "runner_fixtures.h"
#include "test_helpers.h"

#include "data/attack_data.h"
#include "data/catalog.h"
#include "data/poison_set.h"
#include "defense/detection.h"
#include "experiment/runner.h"
#include "plan/presets.h"
#include "results/report.h"
#include "results/results_store.h"
#include "support/cancel.h"

#include <nlohmann/json.hpp>

using namespace pacd;
namespace fs = std::filesystem;
using test::optionsIn;

namespace {

// The tiny MNIST settings of tst_experiment_runner (300 points, one attack epoch, one victim epoch), on top of `json`.
ExperimentSpec tiny(const std::string& json) {
    auto j = nlohmann::json::parse(R"({"schema_version": 1, "name": "tiny", "subset": 300, "attack_epochs": 1,
        "clean_batch": 60, "poison_batch": 10, "val_batch": 10, "k": 2, "T1": 2, "train_epochs": 1, "seeds": 1,
        "points": 5, "n": 100, "n0": 20})");
    j.update(nlohmann::json::parse(json));
    return ExperimentSpec::fromJson(j.dump());
}

// A preset's row with the tiny settings in place of the demo's.
ExperimentSpec tiny(const ExperimentSpec& row) {
    auto spec = row;
    spec.subset = 300;
    spec.attackEpochs = 1;
    spec.cleanBatch = 60;
    spec.poisonBatch = 10;
    spec.validationBatch = 10;
    spec.upperSamples = 2;
    spec.lowerSteps = 2;
    spec.trainEpochs = 1;
    spec.seeds = 1;
    spec.points = 5;
    spec.n = 100;
    spec.n0 = 20;
    return spec;
}

std::vector<PlannedStage> stagesOf(const ExperimentSpec& spec) {
    return resolve(spec).stages;
}

const PlannedStage& stageNamed(const std::vector<PlannedStage>& stages, const std::string& name) {
    for (const auto& stage : stages)
        if (stage.name == name) return stage;
    throw std::runtime_error("no stage " + name);
}

// Target-class points of the tiny run's training part.
std::int64_t targetCount(const AttackSplit& split, std::int64_t target) {
    std::int64_t count = 0;
    for (const auto i : split.train)
        count += split.trainingFile.labels[i].item<std::int64_t>() == target;
    return count;
}

} // namespace

class TestDefender : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void poisonFractionSelectsTheSeededCount();
    void defaultsKeepEveryAddress();
    void specFieldsRoundTripAndAreChecked();
    void filterPlansDetectionThenFilteredVictims();
    void presetsResolve();
    void corollary2PresetRunsAtTinySize();
    void defenderRunDetectsFiltersAndSanitises();
};

void TestDefender::poisonFractionSelectsTheSeededCount() {
    std::vector<std::int64_t> points;
    for (std::int64_t i = 0; i < 10; ++i)
        points.push_back(100 + 3 * i);
    const auto half = seededFraction(points, 0.5, 7);
    QCOMPARE(half.size(), std::size_t{5});
    QVERIFY(std::is_sorted(half.begin(), half.end()));
    for (const auto p : half)
        QVERIFY(std::find(points.begin(), points.end(), p) != points.end());
    QCOMPARE(seededFraction(points, 0.5, 7), half);                   // seeded
    QVERIFY(seededFraction(points, 0.5, 8) != half);                  // another seed, other points (here)
    QCOMPARE(seededFraction(points, 0.25, 7).size(), std::size_t{3}); // round(2.5) = 3
    QCOMPARE(seededFraction(points, 1e-6, 7).size(), std::size_t{1}); // at least one
    QCOMPARE(seededFraction(points, 1.0, 7), points);

    // makePacdData: the unpoisoned target points join the clean (unalterable) points.
    Dataset file;
    file.name = "synthetic/train";
    file.images = torch::rand({40, 1, 2, 2});
    file.labels = torch::arange(40, torch::kLong).remainder(4); // 10 points per class
    file.classNames = {"0", "1", "2", "3"};
    std::vector<std::int64_t> train, validation;
    for (std::int64_t i = 0; i < 40; ++i)
        (i < 32 ? train : validation).push_back(i);
    const auto whole = makePacdData(file, train, validation, 2);
    QCOMPARE(whole.baseIndices.size(), std::size_t{8});
    QCOMPARE(whole.cleanLabels.eq(2).sum().item<std::int64_t>(), std::int64_t{0});
    const auto partial = makePacdData(file, train, validation, 2, 0.5, 3);
    QCOMPARE(partial.baseIndices.size(), std::size_t{4});
    QCOMPARE(partial.cleanLabels.eq(2).sum().item<std::int64_t>(), std::int64_t{4});
    QCOMPARE(partial.cleanImages.size(0), std::int64_t{28});
    QCOMPARE(partial.baseIndices, seededFraction(whole.baseIndices, 0.5, 3));
}

void TestDefender::defaultsKeepEveryAddress() {
    // Written defaults (fraction 1, no sanitiser, no filter, no random baseline) leave the spec's JSON, its hash and every
    // folder as before; the golden plans (tst_plan_golden) pin the same for every preset.
    const auto plain = tiny("{}");
    const auto explicitDefaults =
        tiny(R"({"poison_fraction": 1.0, "sanitizer": "none", "filter": "none", "random_baseline": false, "detect": false})");
    QCOMPARE(explicitDefaults.toJson(), plain.toJson());
    QVERIFY(plain.toJson().find("poison_fraction") == std::string::npos);
    const auto a = stagesOf(plain), b = stagesOf(explicitDefaults);
    QCOMPARE(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        QCOMPARE(a[i].folder, b[i].folder);
    // Partial poisoning: new poison, watermark and poisoned-victim folders; the clean victim is shared.
    const auto partial = stagesOf(tiny(R"({"poison_fraction": 0.5})"));
    QVERIFY(stageNamed(partial, "poison").folder != stageNamed(a, "poison").folder);
    QVERIFY(stageNamed(partial, "watermark").folder != stageNamed(a, "watermark").folder);
    QVERIFY(stageNamed(partial, "train poison seed 0").folder != stageNamed(a, "train poison seed 0").folder);
    QCOMPARE(stageNamed(partial, "train clean seed 0").folder, stageNamed(a, "train clean seed 0").folder);
}

void TestDefender::specFieldsRoundTripAndAreChecked() {
    const auto spec = tiny(R"({"poison_fraction": 0.5, "random_baseline": true, "sanitizer": "jpeg", "sanitizer_param": 30,
        "filter": "deep-knn"})");
    const auto again = ExperimentSpec::fromJson(spec.toJson());
    QCOMPARE(again.toJson(), spec.toJson());
    const auto plan = resolve(spec);
    QCOMPARE(plan.poisonFraction, 0.5);
    QVERIFY(plan.randomBaseline && plan.detect && plan.filter == Detector::DeepKnn);
    QVERIFY(plan.sanitizer.kind == Sanitizer::Jpeg && plan.sanitizer.parameter == 30);
    // The default parameter is filled in and recorded.
    const auto blur = resolve(tiny(R"({"sanitizer": "blur"})"));
    QCOMPARE(blur.sanitizer.parameter, 1.0);
    QVERIFY(blur.spec.toJson().find("\"sanitizer_param\": 1.0") != std::string::npos);
    PACD_EXPECT_ERROR(tiny(R"({"poison_fraction": 0})"), "poison_fraction", "(0, 1]");
    PACD_EXPECT_ERROR(tiny(R"({"poison_fraction": 0.5, "mode": "points"})"), "poison_fraction", "class mode");
    PACD_EXPECT_ERROR(tiny(R"({"sanitizer": "median", "sanitizer_param": 4})"), "sanitizer_param", "odd");
    PACD_EXPECT_ERROR(tiny(R"({"sanitizer": "sharpen"})"), "sanitizer", "bit-depth, jpeg, median, blur");
    PACD_EXPECT_ERROR(tiny(R"({"filter": "strip"})"), "filter", "spectral, activation-clustering, deep-knn");
}

void TestDefender::filterPlansDetectionThenFilteredVictims() {
    const auto stages = stagesOf(tiny(R"({"poison_fraction": 0.5, "random_baseline": true, "filter": "spectral"})"));
    // poison, watermark, random; per data kind: train, detect, filtered train, certify.
    QCOMPARE(stages.size(), std::size_t{3 + 4 * 4});
    QVERIFY(stages[2].kind == StageKind::Random);
    for (const std::string kind : {"clean", "watermark", "random", "poison"}) {
        const auto& train = stageNamed(stages, "train " + kind + " seed 0");
        const auto& detect = stageNamed(stages, "detect " + kind + " seed 0");
        const auto& filtered = stageNamed(stages, "train " + kind + " seed 0 filtered by spectral");
        const auto& certify = stageNamed(stages, "certify " + kind + " seed 0");
        QVERIFY(detect.kind == StageKind::Detect && detect.modelFolder == train.folder);
        QCOMPARE(detect.poisonFolder, train.poisonFolder);
        QCOMPARE(filtered.detectFolder, detect.folder);
        QCOMPARE(certify.trainFolder, filtered.folder);
        QVERIFY(train.detectFolder.empty());
    }
    // The unfiltered victims and their scores are shared with the undefended spec that detects, and with the other
    // filters; a sanitiser makes every victim new, the clean one too.
    const auto detecting = stagesOf(tiny(R"({"poison_fraction": 0.5, "random_baseline": true, "detect": true})"));
    QCOMPARE(stageNamed(detecting, "detect poison seed 0").folder, stageNamed(stages, "detect poison seed 0").folder);
    QCOMPARE(stageNamed(detecting, "certify poison seed 0").trainFolder, stageNamed(stages, "train poison seed 0").folder);
    const auto knn = stagesOf(tiny(R"({"poison_fraction": 0.5, "random_baseline": true, "filter": "deep-knn"})"));
    QVERIFY(stageNamed(knn, "train poison seed 0 filtered by deep-knn").folder !=
            stageNamed(stages, "train poison seed 0 filtered by spectral").folder);
    const auto sanitised = stagesOf(tiny(R"({"sanitizer": "bit-depth"})"));
    const auto plain = stagesOf(tiny("{}"));
    QVERIFY(stageNamed(sanitised, "train clean seed 0").folder != stageNamed(plain, "train clean seed 0").folder);
    QCOMPARE(stageNamed(sanitised, "poison").folder, stageNamed(plain, "poison").folder); // the poisons are the attacker's
}

void TestDefender::presetsResolve() {
    const auto corollary = findPreset("corollary2-mnist").plans("demo");
    QCOMPARE(corollary.size(), std::size_t{2});
    QCOMPARE(corollary[0].poisonFraction * corollary[0].epsilon, 0.1);
    QCOMPARE(corollary[1].poisonFraction * corollary[1].epsilon, 0.1); // α ε̃ = 0.5 × 0.2
    QCOMPARE(corollary[1].poisonFraction, 0.5);
    const auto defender = findPreset("defender-mnist").plans("demo");
    QCOMPARE(defender.size(), std::size_t{9}); // α = 0.5: none + 3 filters; α = 1: none + 4 sanitisers
    // Two attacks: half the class (detectors and filters) and the whole class (sanitisers); each row's victims its own.
    std::set<std::string> poisons;
    for (const auto& plan : defender) {
        poisons.insert(stageNamed(plan.stages, "poison").folder);
        QVERIFY(plan.randomBaseline && plan.watermark);
        QCOMPARE(plan.poisonFraction * plan.epsilon, 0.1); // Corollary 2's equivalent budgets throughout
        QVERIFY(plan.poisonFraction == 1.0 || plan.sanitizer.kind == Sanitizer::None);         // sanitisers meet the whole class
        QVERIFY(plan.poisonFraction < 1.0 || (!plan.detect && plan.filter == Detector::None)); // detectors need clean points
    }
    QCOMPARE(poisons.size(), std::size_t{2});
    // Distinct stages over the preset (shared folders count once): 2 attacks + 2 x 2 baselines; α = 0.5: 4 undefended
    // victims x (train, detect, certify) and 3 filters x 4 x (train, certify); α = 1: 5 rows x 4 victims x (train, certify),
    // less the undefended clean victim's training and certificate, which the two attacks share.
    std::set<std::string> folders;
    double seconds = 0;
    for (const auto& plan : defender)
        for (const auto& stage : plan.stages)
            if (folders.insert(stage.folder).second) seconds += stage.weight;
    QCOMPARE(folders.size(), std::size_t{6 + 12 + 24 + 40 - 2});
    QVERIFY2(seconds / 60 < 30, std::to_string(seconds / 60).c_str()); // the cost model's estimate on 2 free cores
    // The preset's listed estimate counts shared folders once too (it summed every row's stages: 58 minutes).
    QVERIFY(std::abs(findPreset("defender-mnist").expectedMinutes("demo") - seconds / 60) < 1e-9);
}

void TestDefender::corollary2PresetRunsAtTinySize() {
    QVERIFY2(datasetStatus("mnist", test::dataDir()).present, "MNIST is not provisioned: run scripts/bootstrap.sh");
    QTemporaryDir dir;
    const auto split = loadAttackSplit("mnist", 300, 0, test::dataDir());
    const auto targets = targetCount(split, 8);
    for (const auto& row : findPreset("corollary2-mnist").specs("demo")) {
        ExperimentRunner runner(tiny(row), optionsIn(dir));
        CancelToken cancel;
        const auto record = runner.run(cancel);
        QCOMPARE(record.victims.size(), std::size_t{2}); // clean and poisoned
        const auto poison = readPoisonSet(record.artefacts.at("poison"));
        const auto fraction = row.poisonFraction.value_or(1.0);
        const auto expected = fraction < 1 ? std::llround(fraction * static_cast<double>(targets)) : targets;
        QCOMPARE(poison.size(), static_cast<std::int64_t>(expected));
        const auto base = split.trainingFile.images.index_select(0, torch::tensor(poison.indices, torch::kLong));
        QVERIFY((poison.images - base).abs().max().item<double>() <= *row.epsilon + 1e-6);
    }
}

void TestDefender::defenderRunDetectsFiltersAndSanitises() {
    QVERIFY2(datasetStatus("mnist", test::dataDir()).present, "MNIST is not provisioned: run scripts/bootstrap.sh");
    QTemporaryDir dir;
    const auto spec =
        tiny(R"({"poison_fraction": 0.5, "epsilon": 0.2, "random_baseline": true, "sanitizer": "median", "filter": "spectral"})");
    ExperimentRunner runner(spec, optionsIn(dir));
    CancelToken cancel;
    const auto record = runner.run(cancel);
    QCOMPARE(record.victims.size(), std::size_t{4});
    QCOMPARE(record.summaries().size(), std::size_t{4});
    QCOMPARE(QString::fromStdString(record.summaries()[2].data), QStringLiteral("random"));
    const auto split = loadAttackSplit("mnist", 300, 0, test::dataDir());
    const auto targets = targetCount(split, 8);
    const auto poisons = std::llround(0.5 * static_cast<double>(targets));
    QCOMPARE(record.detections.size(), std::size_t{12}); // 4 data kinds x 3 detectors
    for (const auto& d : record.detections) {
        QCOMPARE(d.targetPoints, targets);
        QCOMPARE(d.budget, filterBudget(0.5, targets));
        if (d.data == "clean") {
            QCOMPARE(d.poisons, std::int64_t{0});
            QCOMPARE(d.auc, -1.0);
            QCOMPARE(d.removedPoisons, std::int64_t{0});
        } else {
            QCOMPARE(d.poisons, static_cast<std::int64_t>(poisons));
            QVERIFY(d.auc >= 0 && d.auc <= 1 && d.tprAt5 >= 0 && d.tprAt5 <= 1);
            QVERIFY(d.removedPoisons <= std::min(d.budget, d.poisons));
        }
        QVERIFY(fs::exists(d.scores));
    }
    // The filtered victims trained on the training part minus the budget; the unfiltered ones on all of it.
    for (const auto& stage : runner.stages()) {
        if (stage.kind != StageKind::Train) continue;
        const auto points = nlohmann::json::parse(std::ifstream(stage.dir / "train.json")).at("points").get<std::int64_t>();
        const bool filtered = !stage.detectFolder.empty();
        QCOMPARE(points, static_cast<std::int64_t>(split.train.size()) - (filtered ? filterBudget(0.5, targets) : 0));
    }
    // The random baseline moves every pixel of its points by ±ε (clipped at the edges of [0, 1]).
    const auto noise = readPoisonSet(record.artefacts.at("random"));
    const auto base = split.trainingFile.images.index_select(0, torch::tensor(noise.indices, torch::kLong));
    const auto moved = (noise.images - base).abs();
    QVERIFY(moved.max().item<double>() <= 0.2 + 1e-6);
    QVERIFY(moved.gt(0.2 - 1e-6).to(torch::kFloat).mean().item<double>() > 0.1);
    // The record survives the store and the report shows the detection table.
    QTemporaryDir storeDir;
    ResultsStore store(test::tempPath(storeDir, "results.sqlite"));
    auto stored = record;
    stored.id = store.insert(record);
    const auto back = store.get(stored.id);
    QCOMPARE(back.detections.size(), record.detections.size());
    QCOMPARE(back.detections[5].auc, record.detections[5].auc);
    QCOMPARE(RunRecord::fromJson(record.toJson()).detections.size(), std::size_t{12});
    const auto markdown = renderReport({back}, ReportFormat::Markdown);
    QVERIFY(markdown.find("| ROC AUC |") != std::string::npos);
    QVERIFY(markdown.find("Random ±ε") != std::string::npos);
    QVERIFY(renderReport({back}, ReportFormat::Latex).find("TPR @ 5 \\% FPR") != std::string::npos);
    // Resuming finds every stage done and the same detections.
    const auto again = runner.run(cancel);
    QCOMPARE(again.detections.size(), std::size_t{12});
    QCOMPARE(again.detections[0].auc, record.detections[0].auc);
    for (const auto& t : again.timings)
        QVERIFY2(t.reused, t.stage.c_str());
}

QTEST_GUILESS_MAIN(TestDefender)
#include "tst_defender.moc"
