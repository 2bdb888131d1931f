#pragma once
// A stored poison set as the inspector's rows: the poisoned images from the set's folder beside their clean bases
// from the training file (a finished run shown again, not only the attack's last live preview).
#include "engine/run_types.h"

namespace pacd::ui {

/// The first `maxRows` poisons of the set whose manifest is `manifest`, with their clean bases from the data set in
/// `dataDir` ("" = the resolved data directory), and the set's size. Throws pacd::Error naming the file when either cannot be
/// read.
PoisonPreview poisonSetPreview(const QString& manifest, const QString& dataDir, int maxRows);

} // namespace pacd::ui
