#include "audit/log.h"

#include "audit/chain.h"
#include "audit/crypto.h"
#include "audit/head_file.h"

namespace cradle::audit {

Result<std::unique_ptr<Log>> Log::Open(store::Store& store, std::string head_directory,
                                       const Clock& clock) {
  CRADLE_RETURN_IF_ERROR(InitCrypto());
  std::unique_ptr<store::AuditStore> entries = store.Audit();
  CRADLE_ASSIGN_OR_RETURN(std::string log_id, entries->LogId());
  std::string head_path = HeadFilePath(head_directory, log_id);
  return std::unique_ptr<Log>(
      new Log(std::move(entries), std::move(log_id), std::move(head_path), clock));
}

Result<store::AuditRow> Log::Record(const Event& event) {
  auto row = entries_->Append(SealNow(event));
  if (!row.ok()) return row.status();
  CRADLE_RETURN_IF_ERROR(audit::RecordHead(head_path_, {row->sequence, row->hash}));
  return row;
}

store::AuditSeal Log::SealNow(const Event& event) const {
  return Seal(event, clock_.Now(), log_id_);
}

Status Log::RecordHead() {
  CRADLE_ASSIGN_OR_RETURN(store::AuditHead head, entries_->Head());
  if (head.sequence == 0) return Status::Ok();
  return audit::RecordHead(head_path_, head);
}

Result<std::optional<store::AuditHead>> Log::RecordedHead() const {
  return ReadHeadFile(head_path_);
}

Result<ChainReport> Log::Verify(const std::optional<store::AuditHead>& expected_head) {
  std::vector<store::AuditRow> rows;
  CRADLE_RETURN_IF_ERROR(
      entries_->ForEach([&rows](const store::AuditRow& row) { rows.push_back(row); }));
  return VerifyChain(rows, log_id_, expected_head);
}

Result<std::vector<store::AuditRow>> Log::Last(int64_t count) { return entries_->Last(count); }

}  // namespace cradle::audit
