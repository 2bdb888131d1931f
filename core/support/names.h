#pragma once
// One table per vocabulary: an enum's spelling in specs, on the command line and in the GUI lives in a single
// NameTable<E> specialisation beside the enum, and every front end asks nameOf / parseName / namesOf for it.
// Adding a defense, solver or data set is then one new row.
#include "support/error.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pacd {

/// Specialise for an enum E with
///     static constexpr const char* what = "defense";            // named in errors
///     static constexpr std::array<std::pair<E, const char*>, N> entries{{...}};  // the spellings, canonical first
/// Several rows may map to one value (aliases); nameOf gives the first.
template <typename E> struct NameTable;

/// The canonical spelling of `value`.
template <typename E> std::string nameOf(E value) {
    for (const auto& [entry, name] : NameTable<E>::entries)
        if (entry == value) return name;
    fail("no name for ", NameTable<E>::what, " #", static_cast<int>(value));
}

/// The canonical spellings, one per value, in the table's order (aliases left out).
template <typename E> std::vector<std::string> namesOf() {
    std::vector<std::string> out;
    for (const auto& [entry, name] : NameTable<E>::entries)
        if (nameOf(entry) == name) out.emplace_back(name);
    return out;
}

/// The canonical spellings joined by ", " (for messages and help texts).
template <typename E> std::string joinedNames() {
    std::string out;
    for (const auto& name : namesOf<E>())
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

/// Whether `text` is a spelling (canonical or alias) of some value.
template <typename E> bool isName(std::string_view text) {
    for (const auto& entry : NameTable<E>::entries)
        if (text == entry.second) return true;
    return false;
}

/// The value spelt `text`; throws pacd::Error "unknown <what> 'text' (one of a, b, c)".
template <typename E> E parseName(std::string_view text) {
    for (const auto& [entry, name] : NameTable<E>::entries)
        if (text == name) return entry;
    fail("unknown ", NameTable<E>::what, " '", std::string(text), "' (one of ", joinedNames<E>(), ")");
}

} // namespace pacd
