#include "defense/defense_config.h"

#include "support/error.h"

#include <cmath>
#include <sstream>

namespace pacd {

double defaultSanitizerParameter(Sanitizer kind, bool colour) {
    switch (kind) {
    case Sanitizer::None:
        return 0.0;
    case Sanitizer::BitDepth:
        return colour ? 5.0 : 1.0;
    case Sanitizer::Jpeg:
        return 50.0;
    case Sanitizer::Median:
        return 3.0;
    case Sanitizer::Blur:
        return 1.0;
    }
    return 0.0;
}

void requireSanitizerParameter(Sanitizer kind, double p, const char* field) {
    const bool whole = std::isfinite(p) && p == std::round(p);
    switch (kind) {
    case Sanitizer::None:
        return;
    case Sanitizer::BitDepth:
        require(whole && p >= 1 && p <= 8, "spec field '", field, "': bit depth ", p, " is not an integer in [1, 8]");
        return;
    case Sanitizer::Jpeg:
        require(whole && p >= 1 && p <= 100, "spec field '", field, "': JPEG quality ", p, " is not an integer in [1, 100]");
        return;
    case Sanitizer::Median:
        require(whole && p >= 1 && p <= 15 && static_cast<long>(p) % 2 == 1, "spec field '", field, "': median kernel ", p,
                " is not an odd integer in [1, 15]");
        return;
    case Sanitizer::Blur:
        require(std::isfinite(p) && p > 0 && p <= 10, "spec field '", field, "': blur s.d. ", p, " is outside (0, 10]");
        return;
    }
}

std::string sanitizerLabel(const SanitizerSetting& setting) {
    if (setting.kind == Sanitizer::None) return nameOf(setting.kind);
    std::ostringstream out;
    out << nameOf(setting.kind) << " " << setting.parameter;
    return out.str();
}

} // namespace pacd
