// Pseudonyms: the same NHS number gives the same pseudonym under one key and
// another under another key; the key file is made private and checked.
#include "accounts/pseudonym.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace cradle::accounts {
namespace {

std::filesystem::path TempDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("cradle_pseudonym_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  return dir;
}

TEST(Pseudonymiser, IsStableUnderOneKeyAndDiffersUnderAnother) {
  Pseudonymiser::Key key_a{};
  Pseudonymiser::Key key_b{};
  key_b[0] = 1;
  Pseudonymiser a(key_a), b(key_b);
  auto first = a.Pseudonym("943 476 5919");
  auto again = a.Pseudonym("9434765919");
  auto other_key = b.Pseudonym("9434765919");
  auto other_person = a.Pseudonym("4010232137");
  ASSERT_TRUE(first.ok() && again.ok() && other_key.ok() && other_person.ok());
  EXPECT_EQ(*first, *again);
  EXPECT_NE(*first, *other_key);
  EXPECT_NE(*first, *other_person);
  EXPECT_EQ(first->size(), 64u);
  EXPECT_EQ(first->find("9434765919"), std::string::npos);
}

TEST(Pseudonymiser, MatchesHmacSha256) {
  // With the all-zero 32-byte key, computed independently by
  //   printf 9434765919 | openssl dgst -sha256 -mac HMAC -macopt hexkey:<64 zeros>
  Pseudonymiser zero(Pseudonymiser::Key{});
  auto pseudonym = zero.Pseudonym("9434765919");
  ASSERT_TRUE(pseudonym.ok());
  EXPECT_EQ(*pseudonym, "0da70b88db8c9e1007ca17a39e5d29332810c69181b32d9eba5b13f7c15ecf98");
}

TEST(Pseudonymiser, RefusesAnInvalidNhsNumber) {
  Pseudonymiser zero(Pseudonymiser::Key{});
  auto pseudonym = zero.Pseudonym("9434765918");
  ASSERT_FALSE(pseudonym.ok());
  EXPECT_EQ(pseudonym.status().message(), "the NHS number's check digit is wrong (Modulus 11)");
}

TEST(Pseudonymiser, CreatesAPrivateKeyFileOnceAndRereadsIt) {
  auto dir = TempDir("create");
  auto path = (dir / "cradle" / "pseudonym.key").string();
  auto first = Pseudonymiser::FromKeyFile(path);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  auto second = Pseudonymiser::FromKeyFile(path);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first->Pseudonym("9434765919"), *second->Pseudonym("9434765919"));
  // Another key file, another key.
  auto other = Pseudonymiser::FromKeyFile((dir / "other.key").string());
  ASSERT_TRUE(other.ok());
  EXPECT_NE(*first->Pseudonym("9434765919"), *other->Pseudonym("9434765919"));
  std::filesystem::remove_all(dir);
}

TEST(Pseudonymiser, RefusesAKeyOthersMayReadOrOfTheWrongForm) {
  auto dir = TempDir("bad");
  std::filesystem::create_directories(dir);
  auto path = (dir / "pseudonym.key").string();
  std::ofstream(path) << std::string(64, 'a') << "\n";
  ::chmod(path.c_str(), 0644);
  auto readable = Pseudonymiser::FromKeyFile(path);
  ASSERT_FALSE(readable.ok());
  EXPECT_EQ(readable.status().message(),
            "the pseudonym key " + path + " may be read by others: make it private (chmod 600)");
  std::ofstream(path) << "not hex\n";
  ::chmod(path.c_str(), 0600);
  auto malformed = Pseudonymiser::FromKeyFile(path);
  ASSERT_FALSE(malformed.ok());
  EXPECT_EQ(malformed.status().code(), StatusCode::kInvalidData);
  EXPECT_EQ(malformed.status().message(),
            "the pseudonym key " + path + " is not 64 hex digits (32 bytes)");
  std::filesystem::remove_all(dir);
}

TEST(DefaultPseudonymKeyPath, FollowsTheEnvironment) {
  ::setenv("CRADLE_PSEUDONYM_KEY", "/srv/keys/cradle.key", 1);
  EXPECT_EQ(*DefaultPseudonymKeyPath(), "/srv/keys/cradle.key");
  ::unsetenv("CRADLE_PSEUDONYM_KEY");
  ::setenv("XDG_CONFIG_HOME", "/home/x/.cfg", 1);
  EXPECT_EQ(*DefaultPseudonymKeyPath(), "/home/x/.cfg/cradle/pseudonym.key");
  ::unsetenv("XDG_CONFIG_HOME");
  ::setenv("HOME", "/home/y", 1);
  EXPECT_EQ(*DefaultPseudonymKeyPath(), "/home/y/.config/cradle/pseudonym.key");
}

}  // namespace
}  // namespace cradle::accounts
