// The one interface Cradle persists through. The embedded SQLite backend is the
// default (OpenSqliteStore); a PostgreSQL backend for multi-user deployments
// will implement the same interface. Every write is one transaction: all of an
// import lands or none of it. A Store, and any RecordImport it begins, is used
// from one thread at a time.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/account_store.h"
#include "store/audit_store.h"
#include "store/casework_store.h"
#include "store/directory_store.h"
#include "store/model.h"
#include "store/plan_store.h"
#include "store/record_import.h"
#include "store/review_store.h"

namespace cradle::store {

class Store {
 public:
  virtual ~Store() = default;

  // Replaces every count of `import.dataset.id` with `import.counts` and
  // upserts its areas, in one transaction. InvalidData (and no change at all)
  // if a count names an area that neither the import nor the store has, or two
  // counts share a key.
  virtual Status ReplaceDataset(const DatasetImport& import) = 0;

  virtual Result<std::optional<Dataset>> FindDataset(std::string_view id) = 0;
  virtual Result<std::vector<Dataset>> Datasets() = 0;
  virtual Result<std::vector<Area>> Areas() = 0;
  // Every aggregate count, ordered by dataset, area, category, measure, year.
  virtual Result<std::vector<AggregateCount>> Counts() = 0;

  // Starts importing one file of record-level data (one transaction).
  // `fingerprint` identifies the file's content, for the import log.
  virtual Result<std::unique_ptr<RecordImport>> BeginImport(records::RecordKind kind,
                                                            const std::string& file,
                                                            const std::string& fingerprint) = 0;

  // How many records of a kind are stored.
  virtual Result<int64_t> CountRecords(records::RecordKind kind) = 0;

  // Reads every stored record of a kind, in id order, passing each to `visit`.
  virtual Status ForEachBirth(const std::function<void(const records::BirthRecord&)>& visit) = 0;
  virtual Status ForEachDeath(const std::function<void(const records::DeathRecord&)>& visit) = 0;
  virtual Status ForEachBooking(
      const std::function<void(const records::BookingRecord&)>& visit) = 0;

  // Users, sessions and login attempts (account_store.h), and the audit log
  // (audit_store.h); each valid while this Store lives.
  virtual std::unique_ptr<AccountStore> Accounts() = 0;
  virtual std::unique_ptr<AuditStore> Audit() = 0;
  // The service directory (directory_store.h), valid while this Store lives.
  virtual std::unique_ptr<DirectoryStore> Directory() = 0;
  // Safer-sleep assessments and referrals (casework_store.h), valid while this Store lives.
  virtual std::unique_ptr<CaseworkStore> Casework() = 0;
  // The CDOP register of child death reviews (review_store.h), valid while this Store lives.
  virtual std::unique_ptr<ReviewStore> Reviews() = 0;
  // The action plan and the CDOP's recommendations (plan_store.h), valid while this Store lives.
  virtual std::unique_ptr<PlanStore> Plan() = 0;
};

// Opens or creates the SQLite store at `path` and brings its schema up to date.
// IoError if the file cannot be opened or is not a Cradle store.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

// Where the store lives when no --db is given: $XDG_DATA_HOME/cradle/cradle.db,
// else $HOME/.local/share/cradle/cradle.db. The folder is created if absent.
Result<std::string> DefaultStorePath();

}  // namespace cradle::store
