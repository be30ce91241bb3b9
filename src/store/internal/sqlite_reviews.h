// The SQLite side of the CDOP register, for sqlite_store.cc only: schema
// migration 6 and the ReviewStore over one connection.
#pragma once

#include <memory>

#include "store/review_store.h"
#include "store/sqlite.h"

namespace cradle::store::internal {

extern const char* const kReviewsMigration;

// A ReviewStore over `db`. REQUIRES: `db` outlives it.
std::unique_ptr<ReviewStore> NewSqliteReviewStore(Database& db);

}  // namespace cradle::store::internal
