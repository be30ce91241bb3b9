#include "audit/verify.h"

#include <unordered_map>

#include "audit/chain.h"

namespace cradle::audit {
namespace {

std::string Num(int64_t value) { return std::to_string(value); }

// The place each entry was written at, found by following the previous-hash
// links from the genesis hash (stored sequence numbers may have been moved).
std::unordered_map<const store::AuditRow*, int64_t> WrittenPlaces(
    const std::vector<store::AuditRow>& rows, const std::string& genesis) {
  std::unordered_map<std::string, const store::AuditRow*> by_previous;
  for (const store::AuditRow& row : rows) by_previous.emplace(row.previous_hash, &row);
  std::unordered_map<const store::AuditRow*, int64_t> places;
  std::string link = genesis;
  for (int64_t place = 1; place <= static_cast<int64_t>(rows.size()); ++place) {
    auto next = by_previous.find(link);
    if (next == by_previous.end() || places.count(next->second)) break;
    places[next->second] = place;
    link = next->second->hash;
  }
  return places;
}

std::optional<ChainProblem> CheckLinks(const std::vector<store::AuditRow>& rows,
                                       const std::string& genesis) {
  int64_t expected = 1;
  std::string previous_hash = genesis;
  std::optional<std::unordered_map<const store::AuditRow*, int64_t>> places;
  for (const store::AuditRow& row : rows) {
    if (row.sequence > expected) {
      std::string what = row.sequence - expected == 1 ? "entry " + Num(expected) + " is missing"
                                                      : "entries " + Num(expected) + " to " +
                                                            Num(row.sequence - 1) + " are missing";
      return ChainProblem{
          ProblemKind::kMissing, expected,
          what + ": the sequence jumps from " + Num(expected - 1) + " to " + Num(row.sequence)};
    }
    if (row.sequence < expected) {
      return ChainProblem{
          ProblemKind::kReordered, row.sequence,
          "entry " + Num(row.sequence) + " appears again after entry " + Num(expected - 1)};
    }
    if (EntryHash(row) != row.hash) {
      if (!places) places = WrittenPlaces(rows, genesis);
      auto place = places->find(&row);
      if (place != places->end() && place->second != row.sequence) {
        store::AuditRow as_written = row;
        as_written.sequence = place->second;
        if (EntryHash(as_written) == row.hash) {
          return ChainProblem{ProblemKind::kReordered, row.sequence,
                              "entry " + Num(row.sequence) +
                                  " is out of order: it was written as "
                                  "entry " +
                                  Num(place->second)};
        }
      }
      return ChainProblem{
          ProblemKind::kAltered, row.sequence,
          "entry " + Num(row.sequence) + " was altered: its contents no longer match its hash"};
    }
    if (row.previous_hash != previous_hash) {
      if (expected == 1) {
        return ChainProblem{ProblemKind::kRewritten, 1,
                            "entry 1 does not start this log's chain: it was rewritten or "
                            "the log's id was changed"};
      }
      return ChainProblem{ProblemKind::kRewritten, expected - 1,
                          "entry " + Num(expected - 1) + " was rewritten: entry " + Num(expected) +
                              " recorded another hash for it"};
    }
    previous_hash = row.hash;
    ++expected;
  }
  return std::nullopt;
}

}  // namespace

ChainReport VerifyChain(const std::vector<store::AuditRow>& rows, const std::string& log_id,
                        const std::optional<store::AuditHead>& expected_head) {
  ChainReport report;
  report.entries = static_cast<int64_t>(rows.size());
  if (!rows.empty()) report.head = {rows.back().sequence, rows.back().hash};
  report.problem = CheckLinks(rows, GenesisHash(log_id));
  if (!expected_head || expected_head->sequence <= 0) return report;
  report.head_checked = true;
  if (report.problem) return report;
  const int64_t last = report.head.sequence;
  if (last < expected_head->sequence) {
    report.problem =
        ChainProblem{ProblemKind::kTruncated, last + 1,
                     "the log was truncated: it ends at entry " + Num(last) + " but entry " +
                         Num(expected_head->sequence) + " was recorded as its head" +
                         (last + 1 == expected_head->sequence
                              ? " (entry " + Num(last + 1) + " was deleted)"
                              : " (entries " + Num(last + 1) + " to " +
                                    Num(expected_head->sequence) + " were deleted)")};
    return report;
  }
  // The chain is intact and numbered 1..last, so entry n sits at index n-1.
  const store::AuditRow& at_head = rows[static_cast<size_t>(expected_head->sequence - 1)];
  if (at_head.hash != expected_head->hash) {
    report.problem = ChainProblem{ProblemKind::kHeadMismatch, expected_head->sequence,
                                  "entry " + Num(expected_head->sequence) +
                                      " differs from the recorded head: the chain was "
                                      "recomputed after an edit at or before it"};
  }
  return report;
}

std::string ProblemKindName(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::kAltered:
      return "altered";
    case ProblemKind::kRewritten:
      return "rewritten";
    case ProblemKind::kMissing:
      return "missing";
    case ProblemKind::kReordered:
      return "reordered";
    case ProblemKind::kTruncated:
      return "truncated";
    case ProblemKind::kHeadMismatch:
      return "head mismatch";
  }
  return "unknown";
}

}  // namespace cradle::audit
