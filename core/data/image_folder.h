#pragma once
#include "data/dataset.h"

#include <filesystem>

namespace pacd {

/// True when the engine was built with OpenCV, which reads PNG/JPEG for class-folder data sets.
bool imageFolderSupported();

/// Loads root/<class>/<image>.{png,jpg,jpeg,bmp}: classes are the sub-folders in name order; every image must
/// have the first image's size; grayscale or colour follows the first image. Throws pacd::Error naming the
/// folder or file: missing root, no class folders, an empty class folder, an unreadable image, a size mismatch.
Dataset loadImageFolder(const std::filesystem::path& root);

/// Writes a data set as root/<class name>/<index>.png (uint8, rounded); replaces nothing already there.
void writeImageFolder(const std::filesystem::path& root, const Dataset& dataset);

} // namespace pacd
