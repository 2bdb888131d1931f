#include "results/victim_json.h"

#include "support/error.h"

namespace pacd {

nlohmann::ordered_json victimToJson(const VictimResult& v) {
    return {{"data", v.data},
            {"seed", v.seed},
            {"point", v.point},
            {"acr", v.acr},
            {"aca", v.aca},
            {"mean_pa", v.meanPA},
            {"fraction_at_cap", v.fractionAtCap},
            {"base_accuracy", v.baseAccuracy},
            {"pgd_distortion", v.pgdDistortion},
            {"train_seconds", v.trainSeconds},
            {"certify_seconds", v.certifySeconds},
            {"radii", v.radii},
            {"certified_accuracy", v.certifiedAccuracy},
            {"point_radii", v.pointRadii},
            {"checkpoint", v.checkpoint},
            {"certificates", v.certificates},
            {"precision", v.precision}};
}

nlohmann::ordered_json detectionToJson(const DetectionResult& d) {
    return {{"data", d.data},
            {"detector", d.detector},
            {"seed", d.seed},
            {"target_points", d.targetPoints},
            {"poisons", d.poisons},
            {"auc", d.auc},
            {"tpr_at_5_fpr", d.tprAt5},
            {"budget", d.budget},
            {"removed_poisons", d.removedPoisons},
            {"silhouette", d.silhouette},
            {"scores", d.scores}};
}

DetectionResult detectionFromJson(const nlohmann::json& j, const std::string& source) {
    DetectionResult d;
    try {
        d.data = j.at("data").get<std::string>();
        d.detector = j.at("detector").get<std::string>();
        d.seed = j.at("seed").get<std::int64_t>();
        d.targetPoints = j.value("target_points", std::int64_t{0});
        d.poisons = j.value("poisons", std::int64_t{0});
        d.auc = j.value("auc", -1.0);
        d.tprAt5 = j.value("tpr_at_5_fpr", -1.0);
        d.budget = j.value("budget", std::int64_t{0});
        d.removedPoisons = j.value("removed_poisons", std::int64_t{0});
        d.silhouette = j.value("silhouette", -1.0);
        d.scores = j.value("scores", std::string());
    } catch (const nlohmann::json::exception& e) {
        fail(source, ": not a valid detection result (", e.what(), ")");
    }
    return d;
}

VictimResult victimFromJson(const nlohmann::json& j, const std::string& source) {
    VictimResult v;
    try {
        v.data = j.at("data").get<std::string>();
        v.seed = j.at("seed").get<std::int64_t>();
        v.point = j.value("point", std::int64_t{-1});
        v.acr = j.at("acr").get<double>();
        v.aca = j.at("aca").get<double>();
        v.meanPA = j.value("mean_pa", 0.0);
        v.fractionAtCap = j.value("fraction_at_cap", 0.0);
        v.baseAccuracy = j.value("base_accuracy", 0.0);
        v.pgdDistortion = j.value("pgd_distortion", -1.0);
        v.precision = j.value("precision", std::string("fp32"));
        v.trainSeconds = j.value("train_seconds", 0.0);
        v.certifySeconds = j.value("certify_seconds", 0.0);
        v.radii = j.value("radii", std::vector<double>{});
        v.certifiedAccuracy = j.value("certified_accuracy", std::vector<double>{});
        v.pointRadii = j.value("point_radii", std::vector<double>{});
        v.checkpoint = j.value("checkpoint", std::string{});
        v.certificates = j.value("certificates", std::string{});
    } catch (const nlohmann::json::exception& e) {
        fail(source, ": not a victim result (", e.what(), ")");
    }
    return v;
}

nlohmann::ordered_json pointResultsToJson(const std::vector<PointResult>& results) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& r : results)
        out.push_back({{"index", r.index},
                       {"label", r.label},
                       {"predicted", r.predicted},
                       {"radius", r.radius},
                       {"correct", r.correct},
                       {"pa", r.pAEstimate},
                       {"seconds", r.seconds}});
    return out;
}

std::vector<PointResult> pointResultsFromJson(const nlohmann::json& j, const std::string& source) {
    std::vector<PointResult> out;
    try {
        for (const auto& item : j) {
            PointResult r;
            r.index = item.at("index").get<std::int64_t>();
            r.label = item.at("label").get<std::int64_t>();
            r.predicted = item.at("predicted").get<std::int64_t>();
            r.radius = item.at("radius").get<double>();
            r.correct = item.at("correct").get<bool>();
            r.pAEstimate = item.at("pa").get<double>();
            r.seconds = item.at("seconds").get<double>();
            out.push_back(r);
        }
    } catch (const nlohmann::json::exception& e) {
        fail(source, ": not a list of certificates (", e.what(), ")");
    }
    return out;
}

} // namespace pacd
