// Checks an audit log against its hash chain and reports the first entry that
// is wrong, by sequence number:
//   altered    its fields no longer give its hash (edited in the file);
//   rewritten  it gives its own hash, but the next entry recorded another
//              (edited and re-hashed);
//   missing    the sequence jumps (entries deleted from the middle);
//   reordered  it sits at another place than the one it was written at;
//   truncated  the log ends before the head recorded elsewhere (entries
//              deleted from the end: invisible to the chain alone);
//   head       the entry at the recorded head has another hash (the whole
//              chain recomputed after an edit).
// Entries added after the recorded head are not a problem: the head is
// recorded after each write and may lag a crash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/audit_store.h"

namespace cradle::audit {

enum class ProblemKind { kAltered, kRewritten, kMissing, kReordered, kTruncated, kHeadMismatch };

struct ChainProblem {
  ProblemKind kind;
  int64_t sequence = 0;  // the first bad (or first missing) entry
  std::string message;   // a sentence naming it
};

struct ChainReport {
  int64_t entries = 0;
  store::AuditHead head;      // the last entry as stored
  bool head_checked = false;  // an expected head was given
  std::optional<ChainProblem> problem;
  bool intact() const { return !problem.has_value(); }
};

// Verifies `rows` (in sequence order, as AuditStore gives them) of log
// `log_id`; with `expected_head`, also that the log reaches it unchanged.
ChainReport VerifyChain(const std::vector<store::AuditRow>& rows, const std::string& log_id,
                        const std::optional<store::AuditHead>& expected_head);

std::string ProblemKindName(ProblemKind kind);

}  // namespace cradle::audit
