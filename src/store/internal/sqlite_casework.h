// The SQLite side of casework (safer-sleep assessments and referrals), for
// sqlite_store.cc only: schema migration 5 and the CaseworkStore over one
// connection.
#pragma once

#include <memory>

#include "store/casework_store.h"
#include "store/sqlite.h"

namespace cradle::store::internal {

extern const char* const kCaseworkMigration;

// A CaseworkStore over `db`. REQUIRES: `db` outlives it.
std::unique_ptr<CaseworkStore> NewSqliteCaseworkStore(Database& db);

}  // namespace cradle::store::internal
