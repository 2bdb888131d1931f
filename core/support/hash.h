#pragma once
#include <cstdint>
#include <string>

namespace pacd {

/// FNV-1a 64 of a text as 16 hex digits (artefact folder names, spec hashes).
std::string hashText(const std::string& text);

} // namespace pacd
