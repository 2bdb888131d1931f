#pragma once
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

namespace pacd {

/// The one exception type the engine throws for bad input or settings; what() names the file or setting.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

namespace detail {
template <typename... Parts> std::string concat(Parts&&... parts) {
    std::ostringstream out;
    (out << ... << std::forward<Parts>(parts));
    return out.str();
}
} // namespace detail

/// Throws pacd::Error with the streamed parts as its message: fail("cannot open ", path).
template <typename... Parts> [[noreturn]] void fail(Parts&&... parts) {
    throw Error(detail::concat(std::forward<Parts>(parts)...));
}

/// Throws pacd::Error unless the condition holds.
template <typename... Parts> void require(bool condition, Parts&&... parts) {
    if (!condition) fail(std::forward<Parts>(parts)...);
}

} // namespace pacd
