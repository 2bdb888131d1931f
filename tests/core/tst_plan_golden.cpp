// Pins what every preset resolves to, so that a refactor of how specs become plans cannot change a number or an
// artefact's address: for each preset at both scales, the spec's JSON and hash, the attack / victim / certify /
// PGD settings and every stage with its content-addressed folder must equal the values committed in
// golden/experiment_plans.json (written by the code before the refactor). A spec written before the change then
// resumes its artefacts after it.
//
// To rewrite the file on purpose (a deliberate change of defaults): PACD_WRITE_GOLDEN=1 tst_plan_golden.
#include "test_helpers.h"

#include "plan/cost_model.h"
#include "plan/presets.h"
#include "support/atomic_file.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>

using namespace pacd;
using nlohmann::ordered_json;

namespace {

const std::filesystem::path kGolden = std::filesystem::path(PACD_TEST_SOURCE_DIR) / "golden" / "experiment_plans.json";

// Points mode takes its units from the data's evaluation points; these stand in for them (any ids do: a unit's
// folders depend on its id, not on the image).
std::vector<std::int64_t> unitsOf(const ExperimentSpec& resolvedSpec) {
    std::vector<std::int64_t> units;
    for (std::int64_t i = 0; i < *resolvedSpec.targetPoints; ++i)
        units.push_back(100 + 7 * i);
    return units;
}

ordered_json pgdJson(const PgdDistortionConfig& c) {
    return {{"sigma", c.sigma},
            {"samples", c.samples},
            {"steps", c.steps},
            {"iterations", c.iterations},
            {"min_epsilon", c.minEpsilon},
            {"max_epsilon", c.maxEpsilon},
            {"step_scale", c.stepScale},
            {"eval_samples", c.evalSamples},
            {"clip", c.clipToUnitBox},
            {"batch", c.batch},
            {"seed", c.seed}};
}

ordered_json certifyJson(const CertifyConfig& c) {
    return {{"sigma", c.sigma}, {"n0", c.n0}, {"n", c.n}, {"alpha", c.alpha}, {"batch", c.batch}};
}

// Everything a spec resolves to.
ordered_json resolved(const ExperimentSpec& spec) {
    PlanOptions options;
    options.certifyBatch = 1000;
    const auto unresolved = resolve(spec, options);
    if (unresolved.mode == PoisonMode::Points) options.points = unitsOf(unresolved.spec);
    const auto plan = resolve(spec, options);
    ordered_json out;
    out["spec"] = ordered_json::parse(plan.spec.toJson());
    out["spec_hash"] = plan.specHash;
    out["attack"] = ordered_json::parse(plan.attack.toJson());
    auto victims = ordered_json::array();
    for (const auto& victim : plan.victims)
        victims.push_back(ordered_json::parse(victim.toJson()));
    out["victims"] = victims;
    out["certify"] = certifyJson(plan.certify);
    out["pgd"] = pgdJson(plan.pgd);
    auto stageList = ordered_json::array();
    for (const auto& stage : plan.stages)
        stageList.push_back({{"name", stage.name},
                             {"kind", nameOf(stage.kind)},
                             {"data", nameOf(stage.data)},
                             {"seed", stage.seed},
                             {"point", stage.point},
                             {"weight", stage.weight},
                             {"folder", stage.folder},
                             {"output", stage.doneFile}});
    out["stages"] = stageList;
    out["minutes"] = estimateMinutes(plan);
    return out;
}

ordered_json everyPreset() {
    auto all = ordered_json::array();
    for (const auto& preset : presets())
        for (const std::string scale : {"demo", "paper"})
            for (const auto& spec : preset.specs(scale)) {
                auto entry = resolved(spec);
                entry["preset"] = preset.name;
                entry["scale"] = scale;
                all.push_back(entry);
            }
    return all;
}

// Equal JSON, with floating-point numbers compared to 1e-12 relative (weights and minutes are sums of products).
void compareJson(const ordered_json& expected, const ordered_json& actual, const std::string& where) {
    if (expected.is_number_float() || actual.is_number_float()) {
        QVERIFY2(expected.is_number() && actual.is_number(), (where + ": number expected").c_str());
        const double e = expected.get<double>(), a = actual.get<double>();
        QVERIFY2(std::abs(e - a) <= 1e-12 * std::max(1.0, std::abs(e)),
                 (where + ": " + expected.dump() + " expected, got " + actual.dump()).c_str());
        return;
    }
    if (expected.is_object()) {
        QVERIFY2(actual.is_object(), (where + ": object expected, got " + actual.dump()).c_str());
        QCOMPARE(actual.size(), expected.size());
        for (const auto& item : expected.items()) {
            QVERIFY2(actual.contains(item.key()), (where + ": '" + item.key() + "' missing").c_str());
            compareJson(item.value(), actual[item.key()], where + "." + item.key());
            if (QTest::currentTestFailed()) return;
        }
        return;
    }
    if (expected.is_array()) {
        QVERIFY2(actual.is_array() && actual.size() == expected.size(),
                 (where + ": " + std::to_string(expected.size()) + " items expected, got " + actual.dump()).c_str());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            compareJson(expected[i], actual[i], where + "[" + std::to_string(i) + "]");
            if (QTest::currentTestFailed()) return;
        }
        return;
    }
    QVERIFY2(expected == actual, (where + ": " + expected.dump() + " expected, got " + actual.dump()).c_str());
}

} // namespace

class TestPlanGolden : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void everyPresetResolvesAsBefore();
};

void TestPlanGolden::everyPresetResolvesAsBefore() {
    const auto actual = everyPreset();
    if (std::getenv("PACD_WRITE_GOLDEN")) {
        writeTextAtomically(kGolden, actual.dump(1) + "\n");
        qInfo("wrote %s (%zu specs)", kGolden.string().c_str(), actual.size());
    }
    QVERIFY2(std::filesystem::exists(kGolden), kGolden.string().c_str());
    const auto expected = ordered_json::parse(readFile(kGolden));
    QVERIFY(expected.size() > 100); // every preset at both scales
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto where = expected[i]["preset"].get<std::string>() + "/" + expected[i]["scale"].get<std::string>() + "/" +
                           expected[i]["spec"]["name"].get<std::string>();
        compareJson(expected[i], actual[i], where);
        if (QTest::currentTestFailed()) return;
    }
}

QTEST_GUILESS_MAIN(TestPlanGolden)
#include "tst_plan_golden.moc"
