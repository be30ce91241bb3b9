// The audit log of one store: appends entries (each numbered, dated by the
// clock and chained), keeps the head file beside the pseudonym key up to
// date, and verifies the chain. Every entry point (CLI, web) records through
// a Log; account writes that must land with their entry in one transaction
// take a seal from SealNow() and call RecordHead() once committed.
// A Log is used from one thread at a time, like its Store.
//
//   CRADLE_ASSIGN_OR_RETURN(auto log, audit::Log::Open(store, key_dir, clock));
//   CRADLE_RETURN_IF_ERROR(log->Record({actor, audit::kRead, "births", "", "2022"}));
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/clock.h"
#include "audit/event.h"
#include "audit/verify.h"
#include "base/result.h"
#include "store/store.h"

namespace cradle::audit {

class Log {
 public:
  // The log of `store`, its head recorded in `head_directory`. Keeps
  // references to `store` and `clock`, which must outlive it.
  static Result<std::unique_ptr<Log>> Open(store::Store& store, std::string head_directory,
                                           const Clock& clock);

  // Appends `event`, dated now, in one transaction, then records the head.
  Result<store::AuditRow> Record(const Event& event);

  // A seal for `event` dated now, for an audited write made elsewhere.
  store::AuditSeal SealNow(const Event& event) const;

  // Records the log's current head in the head file.
  Status RecordHead();

  // The head recorded in the head file, if there is one.
  Result<std::optional<store::AuditHead>> RecordedHead() const;

  // Verifies the whole chain, and that it reaches `expected_head` if given.
  Result<ChainReport> Verify(const std::optional<store::AuditHead>& expected_head);

  // The last `count` entries, oldest first.
  Result<std::vector<store::AuditRow>> Last(int64_t count);

  const std::string& log_id() const { return log_id_; }
  const std::string& head_path() const { return head_path_; }
  const Clock& clock() const { return clock_; }

 private:
  Log(std::unique_ptr<store::AuditStore> entries, std::string log_id, std::string head_path,
      const Clock& clock)
      : entries_(std::move(entries)),
        log_id_(std::move(log_id)),
        head_path_(std::move(head_path)),
        clock_(clock) {}

  std::unique_ptr<store::AuditStore> entries_;
  std::string log_id_;
  std::string head_path_;
  const Clock& clock_;
};

}  // namespace cradle::audit
