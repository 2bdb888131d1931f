#pragma once
// CERTIFY's settings, torch-free so that plans and front ends can hold them without LibTorch's headers.
#include "support/precision.h"

#include <cstdint>

namespace pacd {

/// Settings of Cohen et al.'s CERTIFY and PREDICT; the defaults are the paper's (App. E.3) except sigma.
struct CertifyConfig {
    double sigma = 0.0;        ///< smoothing noise level; must be set (> 0)
    std::int64_t n0 = 100;     ///< samples that select the top class (CERTIFY only)
    std::int64_t n = 100000;   ///< samples that estimate pA (CERTIFY) or vote (PREDICT)
    double alpha = 0.001;      ///< failure probability of the certificate / level of PREDICT's test
    std::int64_t batch = 1000; ///< noisy samples per forward pass
    std::uint64_t seed = 0;    ///< seed of the noise generator
    /// The base classifier's arithmetic: the certificate holds for the smoothed classifier of the model evaluated
    /// in this precision (votes, bounds and radii are exact integers and doubles in every precision). Auto is
    /// resolved against the model's device.
    Precision precision = Precision::Fp32;
    /// Noisy samples per forward pass; 0 = `batch`. The noise is drawn in blocks of `batch` rows whatever this is,
    /// so it only changes speed (smoothing/forward_batch.h probes the fastest per device).
    std::int64_t forwardBatch = 0;

    /// Throws pacd::Error naming the first bad setting.
    void validate() const;
};

} // namespace pacd
