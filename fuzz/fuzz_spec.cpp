// Experiment specs (JSON, schema version 1): ExperimentSpec::fromJson, then a round trip through toJson.
#include "fuzz_input.h"

#include "plan/spec.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    pacd::fuzz::expectOnlyPacdErrors([&] {
        const auto spec = pacd::ExperimentSpec::fromJson(text, "fuzz.json");
        // Whatever is accepted must survive its own writer.
        if (pacd::ExperimentSpec::fromJson(spec.toJson(), "round-trip").toJson() != spec.toJson()) std::abort();
    });
    return 0;
}
