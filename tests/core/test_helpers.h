#pragma once
// Shared by the core suites. torch first: Qt's keywords are off (QT_NO_KEYWORDS) but order still matters for PCH.
#include <torch/torch.h>

#include <QtTest/QtTest>

#include "support/error.h"
#include "support/paths.h"

#include <filesystem>
#include <fstream>
#include <string>

namespace pacd::test {

/// The message of the pacd::Error that `call` throws, or "" if it throws nothing (other exceptions propagate).
template <typename Callable> std::string errorOf(Callable&& call) {
    try {
        call();
    } catch (const pacd::Error& e) {
        return e.what();
    }
    return {};
}

/// Asserts that `call` throws a pacd::Error whose message contains every fragment.
#define PACD_EXPECT_ERROR(call, ...)                                                                                             \
    do {                                                                                                                         \
        const std::string pacdMessage = pacd::test::errorOf([&] { call; });                                                      \
        QVERIFY2(!pacdMessage.empty(), "expected a pacd::Error from: " #call);                                                   \
        for (const std::string& fragment : std::initializer_list<std::string>{__VA_ARGS__})                                      \
            QVERIFY2(pacdMessage.find(fragment) != std::string::npos,                                                            \
                     ("message '" + pacdMessage + "' lacks '" + fragment + "'").c_str());                                        \
    } while (0)

/// The data directory the bootstrap script provisions (PACD_DATA_DIR or the XDG default).
inline std::filesystem::path dataDir() {
    return pacd::resolveDataDir();
}

inline std::filesystem::path tempPath(const QTemporaryDir& dir, const std::string& name) {
    return std::filesystem::path(dir.path().toStdString()) / name;
}

} // namespace pacd::test
