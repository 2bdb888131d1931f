#pragma once
#include "plan/experiment_plan.h"
#include "plan/spec.h"

#include <string>
#include <vector>

namespace pacd {

/// A named set of experiment specs that reproduces one result of the paper (a table, a figure, an appendix
/// experiment). Runs one after another (a sweep) or as a Slurm array, one spec per task.
struct Preset {
    std::string name;                                 ///< "table2-mnist", "fig3", ...
    std::string reproduces;                           ///< "Table 2 (MNIST): GA victims, σ ∈ {0.25, 0.5}"
    std::string description;                          ///< what it varies and what to look for
    std::vector<ExperimentSpec> (*build)() = nullptr; ///< the specs before the scale's defaults
    /// Settings of one row that differ from the scale's defaults at `scale` (nullptr: none), e.g. Table 1's longer
    /// demo attack. Applied before resolve() fills the unset fields.
    void (*atScale)(ExperimentSpec& spec, Scale scale) = nullptr;

    /// The specs at `scale` ("demo" | "paper"), each named after its row and checked by resolve(); fields the
    /// preset does not set stay unset (the runner's resolve() fills them).
    std::vector<ExperimentSpec> specs(const std::string& scale) const;
    /// The specs at `scale`, resolved.
    std::vector<ExperimentPlan> plans(const std::string& scale) const;
    /// Expected wall time in minutes of all specs at `scale`: demo measured on a 2-core CPU (MNIST; CIFAR-10 and
    /// paper scale extrapolated from per-stage rates, see plan/cost_model.h), each stage folder counted once, as the
    /// runner computes artefacts that specs share (poisons, clean victims) once.
    double expectedMinutes(const std::string& scale) const;
};

/// Every preset, in the paper's order.
const std::vector<Preset>& presets();
/// The preset called `name`; throws pacd::Error listing the names otherwise.
const Preset& findPreset(const std::string& name);

} // namespace pacd
