#include "test_helpers.h"

#include "support/hash.h"

#include <cstdint>
#include <string>

using namespace pacd;

// The hashes name folders and seed streams on users' disks: these vectors pin them (FNV-1a 64: the reference
// values of Fowler, Noll and Vo; SplitMix64: the outputs of Vigna's splitmix64.c seeded with 0).
class TestHash : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void fnv1aMatchesReferenceVectors();
    void fnv1aIncrementalEqualsWhole();
    void hashTextIsSixteenHexDigits();
    void splitMix64MatchesReference();
    void hex16PadsWithZeros();
};

void TestHash::fnv1aMatchesReferenceVectors() {
    QCOMPARE(Fnv1a64().value(), std::uint64_t{0xcbf29ce484222325ULL});
    QCOMPARE(Fnv1a64().add("a").value(), std::uint64_t{0xaf63dc4c8601ec8cULL});
    QCOMPARE(Fnv1a64().add("foobar").value(), std::uint64_t{0x85944171f73967e8ULL});
}

void TestHash::fnv1aIncrementalEqualsWhole() {
    // poison sets hash their indices, then their pixels: pieces must chain as one stream of bytes.
    const std::int64_t values[] = {3, -1, 1LL << 40};
    Fnv1a64 pieces;
    pieces.add(&values[0], sizeof values[0]).add(&values[1], 2 * sizeof values[0]);
    QCOMPARE(pieces.value(), Fnv1a64().add(values, sizeof values).value());
    QCOMPARE(Fnv1a64().add("foo").add("bar").value(), Fnv1a64().add("foobar").value());
}

void TestHash::hashTextIsSixteenHexDigits() {
    QCOMPARE(hashText(""), std::string("cbf29ce484222325"));
    QCOMPARE(hashText("foobar"), std::string("85944171f73967e8"));
    QCOMPARE(hashText("{\"a\":1}"), std::string("9c3e82dd6fcae8b1"));
    QCOMPARE(Fnv1a64().add("foobar").hex(), hashText("foobar"));
}

void TestHash::splitMix64MatchesReference() {
    QCOMPARE(splitMix64(0, 0), std::uint64_t{0xe220a8397b1dcdafULL});
    QCOMPARE(splitMix64(0, 1), std::uint64_t{0x6e789e6aa1b965f4ULL});
    QCOMPARE(splitMix64(0, 2), std::uint64_t{0x06c45d188009454fULL});
    QCOMPARE(splitMix64(1234567, 2), std::uint64_t{0x883ebce5a3f27c77ULL});
    // The attack's (seed, draw) mix feeds its own combination through the same finaliser.
    QCOMPARE(splitMix64Mix(5 * kSplitMix64Gamma + 7 + 0x632be59bd9b4e019ULL), std::uint64_t{0xd2859dd3965c1b6cULL});
}

void TestHash::hex16PadsWithZeros() {
    QCOMPARE(hex16(0xff), std::string("00000000000000ff"));
    QCOMPARE(hex16(~std::uint64_t{0}), std::string("ffffffffffffffff"));
}

QTEST_GUILESS_MAIN(TestHash)
#include "tst_hash.moc"
