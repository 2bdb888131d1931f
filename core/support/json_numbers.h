#pragma once
// Whole numbers read from JSON that outside parties write (specs, manifests, checkpoint info). nlohmann's
// get<integer>() on a float value is a plain cast: a value outside the integer's range ("target_class": 1e80) is
// undefined behaviour, which UBSan-instrumented fuzzing finds. These refuse it with a pacd::Error instead.
#include "support/error.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

namespace pacd {

/// `value` as an integer of type T; throws pacd::Error naming `what` when it is not a whole number in T's range.
template <typename T, typename Json> T wholeNumber(const Json& value, const std::string& what) {
    static_assert(std::is_integral_v<T>, "wholeNumber reads integers");
    if (value.is_number_integer()) {
        if constexpr (std::is_unsigned_v<T>)
            require(value.is_number_unsigned() || value.template get<std::int64_t>() >= 0, what, ": ", value.dump(),
                    " is negative");
        return value.template get<T>();
    }
    require(value.is_number_float(), what, ": expected a whole number, got ", value.type_name());
    const double number = value.template get<double>();
    require(std::isfinite(number) && number == std::floor(number) &&
                number >= static_cast<double>(std::numeric_limits<T>::min()) &&
                number <= static_cast<double>(std::numeric_limits<T>::max()),
            what, ": ", value.dump(), " is not a whole number in range");
    return static_cast<T>(number);
}

/// An array of whole numbers (see wholeNumber()).
template <typename T, typename Json> std::vector<T> wholeNumbers(const Json& value, const std::string& what) {
    require(value.is_array(), what, ": expected an array, got ", value.type_name());
    std::vector<T> out;
    out.reserve(value.size());
    for (const auto& item : value)
        out.push_back(wholeNumber<T>(item, what));
    return out;
}

} // namespace pacd
