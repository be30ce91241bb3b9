// The SQLite side of the action plan and recommendations, for sqlite_store.cc
// only: schema migration 7 and the PlanStore over one connection.
#pragma once

#include <memory>

#include "store/plan_store.h"
#include "store/sqlite.h"

namespace cradle::store::internal {

extern const char* const kPlanMigration;

// A PlanStore over `db`. REQUIRES: `db` outlives it.
std::unique_ptr<PlanStore> NewSqlitePlanStore(Database& db);

}  // namespace cradle::store::internal
