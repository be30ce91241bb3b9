// The chain's format: known SHA-256 vectors, canonical serialisation without
// ambiguity, and sealing that numbers and links entries.
#include "audit/chain.h"

#include <gtest/gtest.h>

#include "audit/crypto.h"

namespace cradle::audit {
namespace {

TEST(Sha256Hex, MatchesFips180Vectors) {
  ASSERT_TRUE(InitCrypto().ok());
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

store::AuditRow Row(std::string user, std::string detail) {
  store::AuditRow row;
  row.sequence = 1;
  row.at = 1'790'000'000;
  row.user = std::move(user);
  row.role = "admin";
  row.action = "create";
  row.object_type = "user";
  row.object_id = "ann";
  row.detail = std::move(detail);
  row.source = "cli";
  return row;
}

TEST(CanonicalForm, MovingTextBetweenFieldsChangesIt) {
  // Without length prefixes "ab"+"c" and "a"+"bc" would serialise alike.
  EXPECT_NE(CanonicalForm(Row("ab", "c")), CanonicalForm(Row("a", "bc")));
  EXPECT_NE(CanonicalForm(Row("a\nb", "")), CanonicalForm(Row("a", "b")));
}

TEST(CanonicalForm, IncludesTheSequenceAndTimeButNotTheHashes) {
  store::AuditRow row = Row("ann", "x");
  store::AuditRow other = row;
  other.sequence = 2;
  EXPECT_NE(CanonicalForm(row), CanonicalForm(other));
  other = row;
  other.at += 1;
  EXPECT_NE(CanonicalForm(row), CanonicalForm(other));
  other = row;
  other.hash = "ff";
  other.previous_hash = "ee";
  EXPECT_EQ(CanonicalForm(row), CanonicalForm(other));
}

TEST(Seal, NumbersAndChainsEntries) {
  Event event{Actor::System("cli"), kCreate, "user", "ann", "role admin"};
  store::AuditRow first = Seal(event, 100, "log-a")({0, ""});
  EXPECT_EQ(first.sequence, 1);
  EXPECT_EQ(first.previous_hash, GenesisHash("log-a"));
  EXPECT_EQ(first.hash, EntryHash(first));
  EXPECT_EQ(first.user, "system");
  EXPECT_EQ(first.source, "cli");
  store::AuditRow second = Seal(event, 101, "log-a")({first.sequence, first.hash});
  EXPECT_EQ(second.sequence, 2);
  EXPECT_EQ(second.previous_hash, first.hash);
  EXPECT_NE(second.hash, first.hash);
}

TEST(GenesisHash, DiffersBetweenLogs) {
  EXPECT_NE(GenesisHash("log-a"), GenesisHash("log-b"));
  EXPECT_EQ(GenesisHash("log-a").size(), 64u);
}

}  // namespace
}  // namespace cradle::audit
