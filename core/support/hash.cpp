#include "support/hash.h"

#include <cstdio>

namespace pacd {

std::string hex16(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

std::string Fnv1a64::hex() const {
    return hex16(m_hash);
}

std::string hashText(std::string_view text) {
    return Fnv1a64().add(text).hex();
}

} // namespace pacd
