// The hash chain of the audit log. Each entry's hash is the SHA-256 of the
// hash before it and a canonical serialisation of the entry (every field,
// the sequence number included, each written as its byte length, a colon and
// its bytes, so no two entries serialise alike). The first entry chains from
// a genesis hash derived from the log's id, so entries cannot be moved
// between logs unnoticed. docs/security.md says what the chain detects.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "audit/event.h"
#include "store/audit_store.h"

namespace cradle::audit {

// The hash the first entry of log `log_id` chains from.
std::string GenesisHash(std::string_view log_id);

// The bytes that are hashed for `row` (all fields but the two hashes).
std::string CanonicalForm(const store::AuditRow& row);

// SHA-256 of row.previous_hash and CanonicalForm(row), in hex.
std::string EntryHash(const store::AuditRow& row);

// A seal (store/audit_store.h) that numbers `event` after the head, dates it
// `at` and chains it: what AuditStore::Append and every audited account
// write take.
store::AuditSeal Seal(Event event, int64_t at, std::string log_id);

}  // namespace cradle::audit
