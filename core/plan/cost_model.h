#pragma once
// How long a run's stages should take, before any of them ran: the figures behind `pacd-cli presets` and the
// weights of a plan's stages for a run's overall ETA (a front end then replaces them with what it measures).
#include "plan/experiment_plan.h"

namespace pacd {

/// Estimated seconds of one stage of each kind, on a 2-core CPU (demo) or one H100 (paper).
/// From per-stage rates measured at demo scale on MNIST (attack ~18 s per epoch of 582 poisons with the
/// first-order hypergradient, a GA victim ~2.5 s per epoch of 6,000 images (22 s for 8 epochs in pacd-studio's demo
/// run, 1.5 s by the training bench's 3,921 images/s), CERTIFY ~7,000 samples/s), scaled by data
/// size, model and defense cost and device speed. An estimate, not a promise. Reads the plan's settings, not its
/// stages (resolve() weighs the stages with it).
StageSeconds estimateStageSeconds(const ExperimentPlan& plan);

/// Rough wall time of a whole plan in minutes: the sum of its stages' weights.
inline double estimateMinutes(const ExperimentPlan& plan) {
    return plan.estimatedSeconds() / 60.0;
}

} // namespace pacd
