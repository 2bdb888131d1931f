#pragma once
#include "experiment/spec.h"

#include <string>
#include <vector>

namespace pacd {

/// A named set of experiment specs that reproduces one result of the paper (a table, a figure, an appendix
/// experiment). Runs one after another (a sweep) or as a Slurm array, one spec per task.
struct Preset {
    std::string name;        ///< "table2-mnist", "fig3", ...
    std::string reproduces;  ///< "Table 2 (MNIST): GA victims, σ ∈ {0.25, 0.5}"
    std::string description; ///< what it varies and what to look for
    double demoMinutes = 0;  ///< expected wall time at demo scale on a 2-core CPU
    double paperHours = 0;   ///< expected wall time at paper scale on one H100
    /// The specs at `scale` ("demo" | "paper"), defaults applied and validated, each with a row label as name.
    std::vector<ExperimentSpec> specs(const std::string& scale) const;
    std::vector<ExperimentSpec> (*build)(const std::string& scale) = nullptr;
};

/// Every preset, in the paper's order.
const std::vector<Preset>& presets();
/// The preset called `name`; throws pacd::Error listing the names otherwise.
const Preset& findPreset(const std::string& name);

} // namespace pacd
