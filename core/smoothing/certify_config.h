#pragma once
// CERTIFY's settings, torch-free so that plans and front ends can hold them without LibTorch's headers.
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

    /// Throws pacd::Error naming the first bad setting.
    void validate() const;
};

} // namespace pacd
