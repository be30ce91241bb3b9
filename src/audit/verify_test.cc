// Tampering with a chain of entries, one way at a time: each is reported
// with its kind and the sequence number of the first bad entry.
#include "audit/verify.h"

#include <gtest/gtest.h>

#include "audit/chain.h"

namespace cradle::audit {
namespace {

const char kLog[] = "0123456789abcdef0123456789abcdef";

std::vector<store::AuditRow> Chain(int count) {
  std::vector<store::AuditRow> rows;
  store::AuditHead head;
  for (int idx = 1; idx <= count; ++idx) {
    Event event{Actor::System("cli"), kCreate, "user", "user" + std::to_string(idx), "detail"};
    rows.push_back(Seal(event, 1000 + idx, kLog)(head));
    head = {rows.back().sequence, rows.back().hash};
  }
  return rows;
}

store::AuditHead HeadOf(const std::vector<store::AuditRow>& rows) {
  return {rows.back().sequence, rows.back().hash};
}

TEST(VerifyChain, AnIntactChainPasses) {
  auto rows = Chain(5);
  ChainReport report = VerifyChain(rows, kLog, HeadOf(rows));
  EXPECT_TRUE(report.intact()) << report.problem->message;
  EXPECT_EQ(report.entries, 5);
  EXPECT_EQ(report.head.sequence, 5);
  EXPECT_TRUE(report.head_checked);
}

TEST(VerifyChain, AnEmptyLogPasses) { EXPECT_TRUE(VerifyChain({}, kLog, std::nullopt).intact()); }

TEST(VerifyChain, NamesAnAlteredEntry) {
  auto rows = Chain(5);
  rows[2].detail = "changed";
  ChainReport report = VerifyChain(rows, kLog, std::nullopt);
  ASSERT_FALSE(report.intact());
  EXPECT_EQ(report.problem->kind, ProblemKind::kAltered);
  EXPECT_EQ(report.problem->sequence, 3);
  EXPECT_EQ(report.problem->message, "entry 3 was altered: its contents no longer match its hash");
}

TEST(VerifyChain, NamesAnEntryAlteredAndRehashed) {
  auto rows = Chain(5);
  rows[2].detail = "changed";
  rows[2].hash = EntryHash(rows[2]);
  ChainReport report = VerifyChain(rows, kLog, std::nullopt);
  ASSERT_FALSE(report.intact());
  EXPECT_EQ(report.problem->kind, ProblemKind::kRewritten);
  EXPECT_EQ(report.problem->sequence, 3);
  EXPECT_EQ(report.problem->message, "entry 3 was rewritten: entry 4 recorded another hash for it");
}

TEST(VerifyChain, NamesAMissingEntry) {
  auto rows = Chain(5);
  rows.erase(rows.begin() + 1);
  ChainReport report = VerifyChain(rows, kLog, std::nullopt);
  ASSERT_FALSE(report.intact());
  EXPECT_EQ(report.problem->kind, ProblemKind::kMissing);
  EXPECT_EQ(report.problem->sequence, 2);
  EXPECT_EQ(report.problem->message, "entry 2 is missing: the sequence jumps from 1 to 3");
}

TEST(VerifyChain, NamesSeveralMissingEntries) {
  auto rows = Chain(6);
  rows.erase(rows.begin() + 1, rows.begin() + 4);
  ChainReport report = VerifyChain(rows, kLog, std::nullopt);
  ASSERT_FALSE(report.intact());
  EXPECT_EQ(report.problem->message, "entries 2 to 4 are missing: the sequence jumps from 1 to 5");
}

TEST(VerifyChain, NamesReorderedEntries) {
  auto rows = Chain(5);
  // Swap the sequence numbers of entries 2 and 3, as an UPDATE would.
  std::swap(rows[1].sequence, rows[2].sequence);
  std::swap(rows[1], rows[2]);
  ChainReport report = VerifyChain(rows, kLog, std::nullopt);
  ASSERT_FALSE(report.intact());
  EXPECT_EQ(report.problem->kind, ProblemKind::kReordered);
  EXPECT_EQ(report.problem->sequence, 2);
  EXPECT_EQ(report.problem->message, "entry 2 is out of order: it was written as entry 3");
}

TEST(VerifyChain, NamesTruncationAgainstTheRecordedHead) {
  auto rows = Chain(5);
  store::AuditHead head = HeadOf(rows);
  rows.pop_back();
  EXPECT_TRUE(VerifyChain(rows, kLog, std::nullopt).intact());
  ChainReport report = VerifyChain(rows, kLog, head);
  ASSERT_FALSE(report.intact());
  EXPECT_EQ(report.problem->kind, ProblemKind::kTruncated);
  EXPECT_EQ(report.problem->sequence, 5);
  EXPECT_EQ(report.problem->message,
            "the log was truncated: it ends at entry 4 but entry 5 was recorded as its head "
            "(entry 5 was deleted)");
}

TEST(VerifyChain, NamesAWhollyRecomputedChainAgainstTheRecordedHead) {
  auto rows = Chain(4);
  store::AuditHead head = HeadOf(rows);
  rows[1].detail = "changed";
  for (size_t idx = 1; idx < rows.size(); ++idx) {
    rows[idx].previous_hash = rows[idx - 1].hash;
    rows[idx].hash = EntryHash(rows[idx]);
  }
  EXPECT_TRUE(VerifyChain(rows, kLog, std::nullopt).intact());
  ChainReport report = VerifyChain(rows, kLog, head);
  ASSERT_FALSE(report.intact());
  EXPECT_EQ(report.problem->kind, ProblemKind::kHeadMismatch);
  EXPECT_EQ(report.problem->sequence, 4);
}

TEST(VerifyChain, EntriesAfterTheRecordedHeadAreFine) {
  auto rows = Chain(5);
  store::AuditHead head{rows[2].sequence, rows[2].hash};
  EXPECT_TRUE(VerifyChain(rows, kLog, head).intact());
}

TEST(VerifyChain, AChainFromAnotherLogDoesNotStartThisOne) {
  auto rows = Chain(2);
  ChainReport report = VerifyChain(rows, "another-log", std::nullopt);
  ASSERT_FALSE(report.intact());
  EXPECT_EQ(report.problem->kind, ProblemKind::kRewritten);
  EXPECT_EQ(report.problem->sequence, 1);
}

}  // namespace
}  // namespace cradle::audit
