// The SQLite side of record-level data, for sqlite_store.cc only: the schema
// migration, the import transaction and the readers.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "base/result.h"
#include "records/record_types.h"
#include "store/record_import.h"
#include "store/sqlite.h"

namespace cradle::store::internal {

extern const char* const kRecordsMigration;

Result<std::unique_ptr<RecordImport>> BeginSqliteImport(Database& db, records::RecordKind kind,
                                                        const std::string& file,
                                                        const std::string& fingerprint);

Result<int64_t> CountSqliteRecords(Database& db, records::RecordKind kind);
Status ForEachSqliteBirth(Database& db,
                          const std::function<void(const records::BirthRecord&)>& visit);
Status ForEachSqliteDeath(Database& db,
                          const std::function<void(const records::DeathRecord&)>& visit);
Status ForEachSqliteBooking(Database& db,
                            const std::function<void(const records::BookingRecord&)>& visit);

}  // namespace cradle::store::internal
