// The SQLite side of accounts and the audit log, for sqlite_store.cc only:
// schema migration 3 and the two stores over one connection.
#pragma once

#include <memory>

#include "base/result.h"
#include "store/account_store.h"
#include "store/audit_store.h"
#include "store/sqlite.h"

namespace cradle::store::internal {

extern const char* const kAccountsMigration;

std::unique_ptr<AccountStore> NewSqliteAccountStore(Database& db);
std::unique_ptr<AuditStore> NewSqliteAuditStore(Database& db);

// Appends `seal(head)` inside the caller's open transaction.
Result<AuditRow> AppendAuditRow(Database& db, const AuditSeal& seal);

}  // namespace cradle::store::internal
