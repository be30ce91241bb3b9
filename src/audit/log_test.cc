// The audit log over a real SQLite store: entries are appended and chained,
// the head file follows them, the triggers refuse UPDATE and DELETE, and
// tampering done with the triggers dropped is still found.
#include "audit/log.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "audit/head_file.h"
#include "audit/logged_store_test.h"

namespace cradle::audit {
namespace {

class LogTest : public LoggedStoreTest {
 protected:
  LogTest() : LoggedStoreTest("cradle_audit_", "config") {}

  void Write(int count) {
    for (int idx = 0; idx < count; ++idx) {
      auto row = log_->Record({Actor::Public("192.0.2.1"), kRead, "births", "", "2022"});
      ASSERT_TRUE(row.ok()) << row.status().ToString();
      clock_.Advance(1);
    }
  }

  // Runs `sql` on the database file directly, as someone with the file would.
  int Sql(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open((dir_ / "cradle.db").c_str(), &db);
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc;
  }
};

TEST_F(LogTest, RecordsChainedEntriesAndTheHead) {
  Write(3);
  auto last = log_->Last(2);
  ASSERT_TRUE(last.ok());
  ASSERT_EQ(last->size(), 2u);
  EXPECT_EQ((*last)[0].sequence, 2);
  EXPECT_EQ((*last)[1].sequence, 3);
  EXPECT_EQ((*last)[1].at, 1'790'000'002);
  EXPECT_EQ((*last)[1].previous_hash, (*last)[0].hash);
  auto head = log_->RecordedHead();
  ASSERT_TRUE(head.ok());
  ASSERT_TRUE(head->has_value());
  EXPECT_EQ((*head)->sequence, 3);
  EXPECT_EQ((*head)->hash, (*last)[1].hash);
  struct stat info {};
  ASSERT_EQ(::stat(log_->head_path().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  auto report = log_->Verify(*head);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->intact());
  EXPECT_EQ(report->entries, 3);
}

TEST_F(LogTest, TriggersRefuseUpdateAndDelete) {
  Write(2);
  EXPECT_EQ(Sql("UPDATE audit_entry SET detail = 'x' WHERE sequence = 1"), SQLITE_CONSTRAINT);
  EXPECT_EQ(Sql("DELETE FROM audit_entry WHERE sequence = 2"), SQLITE_CONSTRAINT);
  EXPECT_EQ(Sql("UPDATE audit_log SET id = 'other'"), SQLITE_CONSTRAINT);
  auto report = log_->Verify(std::nullopt);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->intact());
}

TEST_F(LogTest, FindsEditsMadeWithTheTriggersDropped) {
  Write(4);
  ASSERT_EQ(Sql("DROP TRIGGER audit_entry_no_update; "
                "UPDATE audit_entry SET detail = '2023' WHERE sequence = 2"),
            SQLITE_OK);
  auto report = log_->Verify(std::nullopt);
  ASSERT_TRUE(report.ok());
  ASSERT_FALSE(report->intact());
  EXPECT_EQ(report->problem->sequence, 2);
  EXPECT_EQ(report->problem->kind, ProblemKind::kAltered);
}

TEST_F(LogTest, FindsTheLastEntryDeletedThroughTheHeadFile) {
  Write(4);
  ASSERT_EQ(Sql("DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE sequence = 4"),
            SQLITE_OK);
  auto head = log_->RecordedHead();
  ASSERT_TRUE(head.ok() && head->has_value());
  auto report = log_->Verify(*head);
  ASSERT_TRUE(report.ok());
  ASSERT_FALSE(report->intact());
  EXPECT_EQ(report->problem->kind, ProblemKind::kTruncated);
  EXPECT_EQ(report->problem->sequence, 4);
}

TEST(HeadFile, OnlyMovesForward) {
  auto path = std::filesystem::temp_directory_path() /
              ("cradle_head_" + std::to_string(::getpid())) / "audit-head-x";
  std::filesystem::remove_all(path.parent_path());
  std::string hash_a(64, 'a'), hash_b(64, 'b');
  ASSERT_TRUE(RecordHead(path.string(), {5, hash_a}).ok());
  ASSERT_TRUE(RecordHead(path.string(), {3, hash_b}).ok());
  auto head = ReadHeadFile(path.string());
  ASSERT_TRUE(head.ok() && head->has_value());
  EXPECT_EQ((*head)->sequence, 5);
  EXPECT_EQ((*head)->hash, hash_a);
  std::filesystem::remove_all(path.parent_path());
}

TEST(HeadFile, ParsesAnExpectedHead) {
  auto head = ParseHead("12:" + std::string(64, 'c'));
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->sequence, 12);
  auto bad = ParseHead("12:xyz");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(),
            "'12:xyz' is not a head: expected the sequence number, ':' and 64 lowercase hex "
            "digits");
}

}  // namespace
}  // namespace cradle::audit
