#pragma once
#include "results/run_record.h"
#include "smoothing/metrics.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace pacd {

/// A victim's result as a JSON object (stage outputs, run records).
nlohmann::ordered_json victimToJson(const VictimResult& victim);
/// Inverse of victimToJson(); throws pacd::Error naming `source` and the field when malformed.
VictimResult victimFromJson(const nlohmann::json& json, const std::string& source);

/// A detector's verdict as a JSON object (detect stages, run records) and back; throws as victimFromJson.
nlohmann::ordered_json detectionToJson(const DetectionResult& detection);
DetectionResult detectionFromJson(const nlohmann::json& json, const std::string& source);

/// Per-point certificates as a JSON array (a certification's partial results, for resume).
nlohmann::ordered_json pointResultsToJson(const std::vector<PointResult>& results);
std::vector<PointResult> pointResultsFromJson(const nlohmann::json& json, const std::string& source);

} // namespace pacd
