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
    std::vector<ExperimentSpec> (*build)() = nullptr; ///< the specs before the scale's defaults

    /// The specs at `scale` ("demo" | "paper"), defaults applied and validated, each named after its row.
    std::vector<ExperimentSpec> specs(const std::string& scale) const;
    /// Expected wall time in minutes of all specs at `scale`: demo measured on a 2-core CPU (MNIST; CIFAR-10 and
    /// paper scale extrapolated from per-stage rates, see estimateMinutes()), summed over the specs: artefacts
    /// that specs share (poisons, clean victims) count each time, so this is an upper bound.
    double expectedMinutes(const std::string& scale) const;
};

/// Rough wall time of one spec on a 2-core CPU (demo) or one H100 (paper), from per-stage rates measured at
/// demo scale on MNIST (attack ~18 s per epoch of 582 poisons, victim ~5 s per epoch of 6,000 images, CERTIFY
/// ~7,000 samples/s) and scaled by data size, model cost and device speed. An estimate, not a promise.
double estimateMinutes(const ExperimentSpec& spec);

/// Every preset, in the paper's order.
const std::vector<Preset>& presets();
/// The preset called `name`; throws pacd::Error listing the names otherwise.
const Preset& findPreset(const std::string& name);

} // namespace pacd
