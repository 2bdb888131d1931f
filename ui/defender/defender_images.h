#pragma once
// The training images the Defender tab shows, in plain types: defender_images.cpp is the folder's one file that
// includes torch (the data set and poison set loaders, core's sanitisers), and it includes no Qt header.
#include "defense/defense_config.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pacd::ui {

/// An image as CHW floats (in [0, 1] for image data sets).
struct PlainImage {
    std::vector<float> pixels;
    int channels = 0, height = 0, width = 0;
};

/// A poison beside its clean base.
struct PoisonPair {
    std::int64_t position = -1; ///< the base's training-file position
    PlainImage clean, poisoned;
};

/// One data set's training file, loaded once, from which the training sets of a run's victims are rebuilt.
class TrainingImages {
  public:
    /// Loads `dataset`'s training file under `dataDir` ("" = the default data directory). Throws pacd::Error naming
    /// the file when it cannot.
    TrainingImages(const std::string& dataset, const std::string& dataDir);
    ~TrainingImages();
    TrainingImages(const TrainingImages&) = delete;
    TrainingImages& operator=(const TrainingImages&) = delete;

    /// The images at `positions` of a victim's training set: the training file's, with the poison set's images in
    /// place of their bases (`manifest` "" = clean data), sanitised as the victim saw them. Throws pacd::Error naming
    /// the manifest or a position outside the file.
    std::vector<PlainImage> at(const std::string& manifest, const std::vector<std::int64_t>& positions,
                               const SanitizerSetting& sanitizer) const;
    /// The first `maxPairs` poisons of a poison set with their clean bases (unsanitised).
    std::vector<PoisonPair> poisonPairs(const std::string& manifest, int maxPairs) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

/// One image through core's sanitiser (pacd::sanitize): the same function the sanitised victims' training sets go
/// through. Throws pacd::Error as it does (a parameter out of range, JPEG in a build without OpenCV).
PlainImage sanitizeImage(const PlainImage& image, const SanitizerSetting& setting);

} // namespace pacd::ui
