// The SQLite side of the service directory, for sqlite_store.cc and the
// directory's own files only: the schema migration, the DirectoryStore over a
// Database, and the readers the writes share.
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/directory_store.h"
#include "store/sqlite.h"

namespace cradle::store::internal {

extern const char* const kDirectoryMigration;

// A DirectoryStore over `db`. REQUIRES: `db` outlives it.
std::unique_ptr<DirectoryStore> NewSqliteDirectoryStore(Database& db);

// Services fully nested: every one, or only `id`'s. Ordered by name, id.
Result<std::vector<Service>> ReadSqliteServices(Database& db, std::optional<std::string_view> id);
Result<std::vector<Organization>> ReadSqliteOrganizations(Database& db);
Result<std::vector<Taxonomy>> ReadSqliteTaxonomies(Database& db);
Result<std::vector<TaxonomyTerm>> ReadSqliteTaxonomyTerms(Database& db);

}  // namespace cradle::store::internal
