#pragma once
// What a defender can do to a training set before trusting it (issue 18, beyond the paper): sanitise every image,
// or score every training point with a detector and drop the most suspicious ones. Torch-free: the plan, the
// spec validator, the CLI and the GUI share these vocabularies and defaults.
#include "support/names.h"

#include <cstdint>

namespace pacd {

/// A transformation of every training image (the defender cannot tell which points are poisoned).
enum class Sanitizer {
    None,
    BitDepth, ///< keep `bits` bits per value: round(x (2^b − 1)) / (2^b − 1) (Xu et al. 2018's feature squeezing)
    Jpeg,     ///< JPEG encode and decode at a quality in [1, 100] (OpenCV; 8 bits per value)
    Median,   ///< median over a k x k window (k odd), edges replicated
    Blur      ///< Gaussian blur of standard deviation s pixels, kernel radius ceil(3 s), edges replicated
};

/// A detector of poisoned training points, on the penultimate-layer features of a model trained on the set.
enum class Detector {
    None,
    Spectral,             ///< Tran et al. 2018: squared projection on the top singular vector of the centred features
    ActivationClustering, ///< Chen et al. 2018: 10-dim PCA, 2-means; the smaller cluster is suspicious
    DeepKnn               ///< Peri et al. 2020: fraction of the k nearest neighbours whose label differs
};

template <> struct NameTable<Sanitizer> {
    static constexpr const char* what = "sanitizer";
    static constexpr std::array<std::pair<Sanitizer, const char*>, 5> entries{{{Sanitizer::None, "none"},
                                                                               {Sanitizer::BitDepth, "bit-depth"},
                                                                               {Sanitizer::Jpeg, "jpeg"},
                                                                               {Sanitizer::Median, "median"},
                                                                               {Sanitizer::Blur, "blur"}}};
};

template <> struct NameTable<Detector> {
    static constexpr const char* what = "detector";
    static constexpr std::array<std::pair<Detector, const char*>, 4> entries{
        {{Detector::None, "none"},
         {Detector::Spectral, "spectral"},
         {Detector::ActivationClustering, "activation-clustering"},
         {Detector::DeepKnn, "deep-knn"}}};
};

/// One sanitiser with its parameter (bits, quality, kernel size or blur s.d., by kind).
struct SanitizerSetting {
    Sanitizer kind = Sanitizer::None;
    double parameter = 0.0;
};

/// The parameter a sanitiser takes when the spec leaves it unset: 1 bit on MNIST-like data and 5 on CIFAR-10 (Xu et
/// al.'s choices), JPEG quality 50, a 3 x 3 median, blur s.d. 1 pixel.
double defaultSanitizerParameter(Sanitizer kind, bool colour);
/// Throws pacd::Error naming `field` unless `parameter` is allowed for `kind` (bits an integer in [1, 8], quality an
/// integer in [1, 100], kernel an odd integer in [1, 15], s.d. in (0, 10]).
void requireSanitizerParameter(Sanitizer kind, double parameter, const char* field);
/// "bit-depth 1", "jpeg 50", "median 3", "blur 1", "none".
std::string sanitizerLabel(const SanitizerSetting& setting);

/// How the detectors score (part of the detect stage's address).
struct DetectorConfig {
    std::int64_t clusteringDims = 10; ///< activation clustering: PCA dimensions before 2-means (Chen et al.: 10)
    std::int64_t neighbours = 50;     ///< deep k-NN's k (Peri et al. tune k near the class size; 50 at 6,000 points)
    std::uint64_t seed = 0;           ///< 2-means initialisation
};

/// Filtering removes this many times the poison count of top-scored target-class points (Tran et al.'s 1.5 ε n).
inline constexpr double kFilterBudget = 1.5;

} // namespace pacd
