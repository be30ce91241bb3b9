// Argon2id hashing, the password policy, roles and session tokens.
#include "accounts/password.h"

#include <gtest/gtest.h>

#include "accounts/password_policy.h"
#include "accounts/role.h"
#include "accounts/token.h"

namespace cradle::accounts {
namespace {

TEST(HashPassword, VerifiesTheRightPasswordOnly) {
  auto hash = HashPassword("correct horse battery", PasswordCost::Minimum());
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse battery"));
}

TEST(HashPassword, SaltsEachHash) {
  auto first = HashPassword("correct horse battery", PasswordCost::Minimum());
  auto second = HashPassword("correct horse battery", PasswordCost::Minimum());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(*first, *second);
}

TEST(NeedsRehash, WhenTheCostChanges) {
  auto hash = HashPassword("correct horse battery", PasswordCost::Minimum());
  ASSERT_TRUE(hash.ok());
  EXPECT_FALSE(NeedsRehash(*hash, PasswordCost::Minimum()));
  EXPECT_TRUE(NeedsRehash(*hash, PasswordCost::Interactive()));
}

TEST(CheckPassword, SaysWhichRuleIsBroken) {
  EXPECT_TRUE(CheckPassword("a long passphrase", "ann").ok());
  EXPECT_EQ(CheckPassword("short", "ann").message(),
            "the password must be at least 12 characters long (it has 5)");
  // Characters, not bytes: twelve two-byte letters are enough.
  EXPECT_TRUE(CheckPassword("éééééééééééb", "ann").ok());
  EXPECT_EQ(CheckPassword("ééééé", "ann").message(),
            "the password must be at least 12 characters long (it has 5)");
  EXPECT_EQ(CheckPassword("xxxxxxxxxxxxxxxx", "ann").message(),
            "the password must not be one character repeated");
  EXPECT_EQ(CheckPassword("my name is ANN.SMITH!", "ann.smith").message(),
            "the password must not contain the username");
  EXPECT_EQ(CheckPassword(std::string(2000, 'a') + "b", "ann").message(),
            "the password must be at most 1024 bytes long");
  EXPECT_EQ(CheckPassword("abcdefghijkl\xff", "ann").message(),
            "the password must be text (valid UTF-8)");
  EXPECT_EQ(CheckPassword("short", "ann").code(), StatusCode::kInvalidArgument);
}

TEST(Role, ParsesAndPrintsEveryName) {
  for (const char* name : {"public", "practitioner", "analyst", "cdop_member", "admin"}) {
    auto role = ParseRole(name);
    ASSERT_TRUE(role.ok()) << name;
    EXPECT_EQ(RoleName(*role), name);
  }
  EXPECT_EQ(*ParseRole("Admin"), Role::kAdmin);
  EXPECT_EQ(ParseRole("root").status().message(),
            "unknown role 'root': expected public, practitioner, analyst, cdop_member or admin");
}

TEST(Token, IsRandom256BitsInHex) {
  auto first = NewToken();
  auto second = NewToken();
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_TRUE(IsWellFormedToken(*first));
  EXPECT_NE(*first, *second);
  EXPECT_EQ(TokenHash(*first).size(), 64u);
  EXPECT_NE(TokenHash(*first), *first);
}

TEST(Token, ComparesExactly) {
  EXPECT_TRUE(TokensEqual("abc123", "abc123"));
  EXPECT_FALSE(TokensEqual("abc123", "abc124"));
  EXPECT_FALSE(TokensEqual("abc123", "abc12"));
  EXPECT_FALSE(TokensEqual("", ""));
  EXPECT_FALSE(IsWellFormedToken("ABC"));
}

}  // namespace
}  // namespace cradle::accounts
