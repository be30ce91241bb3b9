#include "audit/chain.h"

#include "audit/crypto.h"

namespace cradle::audit {
namespace {

void Field(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += '\n';
}

}  // namespace

std::string GenesisHash(std::string_view log_id) {
  return Sha256Hex(std::string("cradle-audit-v1 genesis\n") + std::string(log_id));
}

std::string CanonicalForm(const store::AuditRow& row) {
  std::string out = "cradle-audit-v1\n";
  Field(out, std::to_string(row.sequence));
  Field(out, std::to_string(row.at));
  Field(out, row.user);
  Field(out, row.role);
  Field(out, row.organisation);
  Field(out, row.action);
  Field(out, row.object_type);
  Field(out, row.object_id);
  Field(out, row.detail);
  Field(out, row.source);
  return out;
}

std::string EntryHash(const store::AuditRow& row) {
  return Sha256Hex(row.previous_hash + "\n" + CanonicalForm(row));
}

store::AuditSeal Seal(Event event, int64_t at, std::string log_id) {
  return
      [event = std::move(event), at, log_id = std::move(log_id)](const store::AuditHead& previous) {
        store::AuditRow row;
        row.sequence = previous.sequence + 1;
        row.at = at;
        row.user = event.actor.user;
        row.role = event.actor.role;
        row.organisation = event.actor.organisation;
        row.action = event.action;
        row.object_type = event.object_type;
        row.object_id = event.object_id;
        row.detail = event.detail;
        row.source = event.actor.source;
        row.previous_hash = previous.sequence == 0 ? GenesisHash(log_id) : previous.hash;
        row.hash = EntryHash(row);
        return row;
      };
}

}  // namespace cradle::audit
