// `cradle user` and `cradle audit` as a user runs them, on a fresh SQLite
// store, with the pseudonym key and audit head in a temporary folder; and the
// audit-tamper test: entries altered, deleted from the middle and deleted
// from the end with raw SQL (the triggers dropped) are each reported.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/cli_testing.h"

namespace {

using cradle::cli::testing::CommandRun;
using cradle::cli::testing::Contains;
using cradle::cli::testing::Shell;

class UserCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("cradle_cli_users_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "cradle.db").string();
    // The key and the audit head live here, not in the user's home.
    ::setenv("CRADLE_PSEUDONYM_KEY", (dir_ / "config" / "pseudonym.key").c_str(), 1);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Runs `cradle ARGS --db <store>` with `input` on standard input.
  CommandRun Cradle(const std::string& args, const std::string& input = "") {
    std::string feed = "printf '%s\\n' '" + input + "' | ";
    return Shell(feed + CRADLE_BINARY + " " + args + " --db " + db_);
  }

  CommandRun AddUser(const std::string& username, const std::string& role = "practitioner") {
    return Cradle("user add --username " + username + " --name 'Ann Smith' --role " + role +
                      " --organisation 'Baby Basics'",
                  "a long passphrase");
  }

  // Runs `sql` on the store's file directly, as someone with the file could.
  int Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(db_.c_str(), &db);
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc;
  }

  // Four audited changes: entries 1 to 4.
  void WriteFourEntries() {
    ASSERT_EQ(AddUser("ann").exit_code, 0);
    ASSERT_EQ(AddUser("bob", "analyst").exit_code, 0);
    ASSERT_EQ(Cradle("user disable bob").exit_code, 0);
    ASSERT_EQ(AddUser("cat", "admin").exit_code, 0);
  }

  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(UserCommandTest, AddsListsDisablesAndResetsUsers) {
  CommandRun added = AddUser("ann");
  EXPECT_EQ(added.exit_code, 0) << added.out;
  EXPECT_TRUE(Contains(added.out, "Added ann (Ann Smith), practitioner at Baby Basics."))
      << added.out;
  CommandRun listed = Cradle("user list");
  EXPECT_EQ(listed.exit_code, 0) << listed.out;
  EXPECT_TRUE(Contains(listed.out, "Username")) << listed.out;
  EXPECT_TRUE(Contains(listed.out, "Ann Smith")) << listed.out;
  EXPECT_TRUE(Contains(listed.out, "practitioner")) << listed.out;
  EXPECT_TRUE(Contains(listed.out, "active")) << listed.out;
  EXPECT_FALSE(Contains(listed.out, "argon2")) << listed.out;

  CommandRun disabled = Cradle("user disable ann");
  EXPECT_EQ(disabled.exit_code, 0) << disabled.out;
  EXPECT_TRUE(Contains(Cradle("user list").out, "disabled"));

  auto password_file = dir_ / "new_password";
  std::ofstream(password_file) << "another long phrase\n";
  CommandRun reset = Cradle("user reset ann --password-file " + password_file.string());
  EXPECT_EQ(reset.exit_code, 0) << reset.out;
  EXPECT_TRUE(Contains(reset.out, "Gave ann a new password; their sessions have ended."));
}

TEST_F(UserCommandTest, RefusesBadInputWithItsReason) {
  CommandRun short_password =
      Cradle("user add --username ann --name Ann --role admin --organisation Council", "short");
  EXPECT_EQ(short_password.exit_code, 64);
  EXPECT_TRUE(Contains(short_password.out,
                       "cradle user: the password must be at least 12 characters long (it has 5)"))
      << short_password.out;
  CommandRun role = AddUser("ann", "nurse");
  EXPECT_EQ(role.exit_code, 64);
  EXPECT_TRUE(Contains(role.out, "unknown role 'nurse'")) << role.out;
  ASSERT_EQ(AddUser("ann").exit_code, 0);
  CommandRun taken = AddUser("ann");
  EXPECT_EQ(taken.exit_code, 64);
  EXPECT_TRUE(Contains(taken.out, "a user named ann already exists")) << taken.out;
  CommandRun unknown = Cradle("user disable zed");
  EXPECT_EQ(unknown.exit_code, 66);
  EXPECT_TRUE(Contains(unknown.out, "no user is named 'zed'")) << unknown.out;
}

TEST_F(UserCommandTest, AuditVerifyAndShow) {
  CommandRun empty = Cradle("audit verify");
  EXPECT_EQ(empty.exit_code, 0) << empty.out;
  EXPECT_TRUE(Contains(empty.out, "0 entries, chain intact, head (empty)")) << empty.out;
  WriteFourEntries();
  CommandRun verified = Cradle("audit verify");
  EXPECT_EQ(verified.exit_code, 0) << verified.out;
  EXPECT_TRUE(Contains(verified.out, "4 entries, chain intact, head ")) << verified.out;
  EXPECT_TRUE(Contains(verified.out, "It reaches the recorded head, entry 4.")) << verified.out;
  CommandRun shown = Cradle("audit show --last 2");
  EXPECT_EQ(shown.exit_code, 0) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "disabled; sessions ended")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "role admin, organisation Baby Basics")) << shown.out;
  EXPECT_FALSE(Contains(shown.out, "role practitioner")) << shown.out;
  EXPECT_FALSE(Contains(shown.out, "a long passphrase")) << shown.out;
}

TEST_F(UserCommandTest, TriggersRefuseEditsOfTheLog) {
  WriteFourEntries();
  EXPECT_EQ(Sql("UPDATE audit_entry SET detail = 'nothing' WHERE sequence = 2"), SQLITE_CONSTRAINT);
  EXPECT_EQ(Sql("DELETE FROM audit_entry WHERE sequence = 4"), SQLITE_CONSTRAINT);
  EXPECT_EQ(Cradle("audit verify").exit_code, 0);
}

TEST_F(UserCommandTest, TamperAlteredEntryIsNamed) {
  WriteFourEntries();
  ASSERT_EQ(Sql("DROP TRIGGER audit_entry_no_update; "
                "UPDATE audit_entry SET detail = 'role admin, organisation Council' "
                "WHERE sequence = 2"),
            SQLITE_OK);
  CommandRun verified = Cradle("audit verify");
  EXPECT_EQ(verified.exit_code, 65) << verified.out;
  EXPECT_TRUE(Contains(verified.out,
                       "cradle audit: the audit log fails verification at entry 2: entry 2 was "
                       "altered: its contents no longer match its hash"))
      << verified.out;
}

TEST_F(UserCommandTest, TamperDeletedMiddleEntryIsNamed) {
  WriteFourEntries();
  ASSERT_EQ(Sql("DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE sequence = 3"),
            SQLITE_OK);
  CommandRun verified = Cradle("audit verify");
  EXPECT_EQ(verified.exit_code, 65) << verified.out;
  EXPECT_TRUE(Contains(verified.out,
                       "fails verification at entry 3: entry 3 is missing: the sequence jumps "
                       "from 2 to 4"))
      << verified.out;
}

TEST_F(UserCommandTest, TamperDeletedLastEntryIsReportedAsTruncation) {
  WriteFourEntries();
  ASSERT_EQ(Sql("DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE sequence = 4"),
            SQLITE_OK);
  CommandRun verified = Cradle("audit verify");
  EXPECT_EQ(verified.exit_code, 65) << verified.out;
  EXPECT_TRUE(Contains(verified.out,
                       "fails verification at entry 4: the log was truncated: it ends at entry 3 "
                       "but entry 4 was recorded as its head (entry 4 was deleted)"))
      << verified.out;
  // Given the head explicitly, the same.
  CommandRun expected = Shell(std::string(CRADLE_BINARY) + " audit verify --db " + db_ +
                              " --expect-head 9:" + std::string(64, '0'));
  EXPECT_EQ(expected.exit_code, 65) << expected.out;
  EXPECT_TRUE(Contains(expected.out, "entries 4 to 9 were deleted")) << expected.out;
}

}  // namespace
