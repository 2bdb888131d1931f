#pragma once
// How long a run's stages should take, before any of them ran: the figures behind `pacd-cli presets` and the
// weights of a run's stages for its overall ETA (a front end then replaces them with what it measures).
#include "experiment/spec.h"

namespace pacd {

/// Estimated seconds of one stage of each kind for a spec, on a 2-core CPU (demo) or one H100 (paper).
/// From per-stage rates measured at demo scale on MNIST (attack ~18 s per epoch of 582 poisons with the
/// first-order hypergradient, a GA victim ~2.5 s per epoch of 6,000 images (22 s for 8 epochs in pacd-studio's demo
/// run, 1.5 s by the training bench's 3,921 images/s), CERTIFY ~7,000 samples/s), scaled by data
/// size, model and defense cost and device speed. An estimate, not a promise.
struct StageSeconds {
    double attack = 0;        ///< one poison stage (Alg. 1): the class, or one target point in points mode
    double watermark = 0;     ///< one watermark baseline (a blend, no training)
    double trainVictim = 0;   ///< one victim retrained from scratch
    double certifyVictim = 0; ///< one victim certified on the target class (on one point in points mode)
};

StageSeconds estimateStageSeconds(const ExperimentSpec& spec);

/// Rough wall time of a whole spec in minutes: its stages (as the runner plans them) at estimateStageSeconds.
double estimateMinutes(const ExperimentSpec& spec);

} // namespace pacd
