// The embedded SQLite backend of Store. Schema versions are numbered by
// PRAGMA user_version; each migration runs once, in order, inside a
// transaction.
#include <cstdlib>
#include <filesystem>

#include "store/internal/sqlite_accounts.h"
#include "store/internal/sqlite_casework.h"
#include "store/internal/sqlite_directory.h"
#include "store/internal/sqlite_plan.h"
#include "store/internal/sqlite_records.h"
#include "store/internal/sqlite_reviews.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace cradle::store {
namespace {

const char* const kMigrations[] = {
    // 1: published aggregate data.
    R"sql(
CREATE TABLE area (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL,
  parent_code TEXT
);
CREATE TABLE dataset (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  basis        TEXT NOT NULL,
  publisher    TEXT NOT NULL,
  source_file  TEXT NOT NULL,
  licence      TEXT NOT NULL,
  attribution  TEXT NOT NULL,
  content_hash TEXT NOT NULL
);
CREATE TABLE aggregate_count (
  dataset_id    TEXT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
  year          INTEGER NOT NULL,
  area_code     TEXT NOT NULL REFERENCES area(code),
  category_type TEXT NOT NULL DEFAULT '',
  category      TEXT NOT NULL DEFAULT '',
  measure       TEXT NOT NULL,
  value         REAL,
  flag          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (dataset_id, area_code, category_type, category, measure, year)
) WITHOUT ROWID;
)sql",
    // 2: record-level data (births, infant deaths, bookings) and the import log.
    internal::kRecordsMigration,
    // 3: accounts, sessions and the audit log.
    internal::kAccountsMigration,
    // 4: the service directory (Open Referral UK).
    internal::kDirectoryMigration,
    // 5: safer-sleep assessments and referrals.
    internal::kCaseworkMigration,
    // 6: the CDOP register of child death reviews.
    internal::kReviewsMigration,
    // 7: the action plan and the CDOP's recommendations, with their progress logs.
    internal::kPlanMigration,
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}

  Status Migrate() {
    auto version_stmt = db_->Prepare("PRAGMA user_version");
    if (!version_stmt.ok()) return version_stmt.status();
    auto row = version_stmt->Step();
    if (!row.ok()) return row.status();
    int64_t version = *row ? version_stmt->ColumnInt64(0) : 0;
    const int64_t kLatest = static_cast<int64_t>(std::size(kMigrations));
    if (version > kLatest) {
      return Status::IoError(db_->path() + " was written by a newer Cradle (schema " +
                             std::to_string(version) + ", this one knows " +
                             std::to_string(kLatest) + ")");
    }
    for (int64_t next = version; next < kLatest; ++next) {
      auto txn = Transaction::Begin(*db_);
      if (!txn.ok()) return txn.status();
      CRADLE_RETURN_IF_ERROR(db_->Exec(kMigrations[next]));
      CRADLE_RETURN_IF_ERROR(db_->Exec("PRAGMA user_version = " + std::to_string(next + 1)));
      CRADLE_RETURN_IF_ERROR((*txn)->Commit());
    }
    return Status::Ok();
  }

  Status ReplaceDataset(const DatasetImport& import) override {
    auto txn = Transaction::Begin(*db_);
    if (!txn.ok()) return txn.status();
    CRADLE_RETURN_IF_ERROR(UpsertAreas(import.areas));
    CRADLE_RETURN_IF_ERROR(UpsertDataset(import.dataset));
    auto clear = db_->Prepare("DELETE FROM aggregate_count WHERE dataset_id = ?1");
    if (!clear.ok()) return clear.status();
    CRADLE_RETURN_IF_ERROR(clear->Bind(1, import.dataset.id).Run());
    CRADLE_RETURN_IF_ERROR(InsertCounts(import));
    return (*txn)->Commit();
  }

  Result<std::optional<Dataset>> FindDataset(std::string_view id) override {
    auto all = Datasets();
    if (!all.ok()) return all.status();
    for (Dataset& dataset : *all) {
      if (dataset.id == id) return std::optional<Dataset>(std::move(dataset));
    }
    return std::optional<Dataset>();
  }

  Result<std::vector<Dataset>> Datasets() override {
    auto stmt = db_->Prepare(
        "SELECT id, title, basis, publisher, source_file, licence, attribution, content_hash "
        "FROM dataset ORDER BY id");
    if (!stmt.ok()) return stmt.status();
    std::vector<Dataset> out;
    CRADLE_RETURN_IF_ERROR(stmt->ForEachRow([&](const Statement& row) {
      out.push_back({row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), row.ColumnText(3),
                     row.ColumnText(4), row.ColumnText(5), row.ColumnText(6), row.ColumnText(7)});
    }));
    return out;
  }

  Result<std::vector<Area>> Areas() override {
    auto stmt = db_->Prepare("SELECT code, name, type, parent_code FROM area ORDER BY code");
    if (!stmt.ok()) return stmt.status();
    std::vector<Area> out;
    CRADLE_RETURN_IF_ERROR(stmt->ForEachRow([&](const Statement& row) {
      Area area{row.ColumnText(0), row.ColumnText(1), row.ColumnText(2), std::nullopt};
      if (!row.ColumnIsNull(3)) area.parent_code = row.ColumnText(3);
      out.push_back(std::move(area));
    }));
    return out;
  }

  Result<std::unique_ptr<RecordImport>> BeginImport(records::RecordKind kind,
                                                    const std::string& file,
                                                    const std::string& fingerprint) override {
    return internal::BeginSqliteImport(*db_, kind, file, fingerprint);
  }

  Result<int64_t> CountRecords(records::RecordKind kind) override {
    return internal::CountSqliteRecords(*db_, kind);
  }

  Status ForEachBirth(const std::function<void(const records::BirthRecord&)>& visit) override {
    return internal::ForEachSqliteBirth(*db_, visit);
  }
  Status ForEachDeath(const std::function<void(const records::DeathRecord&)>& visit) override {
    return internal::ForEachSqliteDeath(*db_, visit);
  }
  Status ForEachBooking(const std::function<void(const records::BookingRecord&)>& visit) override {
    return internal::ForEachSqliteBooking(*db_, visit);
  }

  std::unique_ptr<AccountStore> Accounts() override {
    return internal::NewSqliteAccountStore(*db_);
  }
  std::unique_ptr<AuditStore> Audit() override { return internal::NewSqliteAuditStore(*db_); }

  std::unique_ptr<DirectoryStore> Directory() override {
    return internal::NewSqliteDirectoryStore(*db_);
  }
  std::unique_ptr<CaseworkStore> Casework() override {
    return internal::NewSqliteCaseworkStore(*db_);
  }
  std::unique_ptr<ReviewStore> Reviews() override { return internal::NewSqliteReviewStore(*db_); }
  std::unique_ptr<PlanStore> Plan() override { return internal::NewSqlitePlanStore(*db_); }

  Result<std::vector<AggregateCount>> Counts() override {
    auto stmt = db_->Prepare(
        "SELECT dataset_id, year, area_code, category_type, category, measure, value, flag "
        "FROM aggregate_count ORDER BY dataset_id, area_code, category_type, category, measure, "
        "year");
    if (!stmt.ok()) return stmt.status();
    std::vector<AggregateCount> out;
    CRADLE_RETURN_IF_ERROR(stmt->ForEachRow([&](const Statement& row) {
      AggregateCount count;
      count.dataset_id = row.ColumnText(0);
      count.year = static_cast<int>(row.ColumnInt64(1));
      count.area_code = row.ColumnText(2);
      count.category_type = row.ColumnText(3);
      count.category = row.ColumnText(4);
      count.measure = row.ColumnText(5);
      if (!row.ColumnIsNull(6)) count.value = row.ColumnDouble(6);
      count.flag = row.ColumnText(7);
      out.push_back(std::move(count));
    }));
    return out;
  }

 private:
  Status UpsertAreas(const std::vector<Area>& areas) {
    auto stmt = db_->Prepare(
        "INSERT INTO area (code, name, type, parent_code) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(code) DO UPDATE SET name = excluded.name, type = excluded.type, "
        "parent_code = COALESCE(excluded.parent_code, area.parent_code)");
    if (!stmt.ok()) return stmt.status();
    for (const Area& area : areas) {
      stmt->Bind(1, area.code).Bind(2, area.name).Bind(3, area.type);
      if (area.parent_code) {
        stmt->Bind(4, *area.parent_code);
      } else {
        stmt->BindNull(4);
      }
      CRADLE_RETURN_IF_ERROR(stmt->Run());
    }
    return Status::Ok();
  }

  Status UpsertDataset(const Dataset& d) {
    auto stmt = db_->Prepare(
        "INSERT INTO dataset (id, title, basis, publisher, source_file, licence, attribution, "
        "content_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(id) DO UPDATE SET "
        "title = excluded.title, basis = excluded.basis, publisher = excluded.publisher, "
        "source_file = excluded.source_file, licence = excluded.licence, "
        "attribution = excluded.attribution, content_hash = excluded.content_hash");
    if (!stmt.ok()) return stmt.status();
    return stmt->Bind(1, d.id)
        .Bind(2, d.title)
        .Bind(3, d.basis)
        .Bind(4, d.publisher)
        .Bind(5, d.source_file)
        .Bind(6, d.licence)
        .Bind(7, d.attribution)
        .Bind(8, d.content_hash)
        .Run();
  }

  Status InsertCounts(const DatasetImport& import) {
    auto area_exists = db_->Prepare("SELECT 1 FROM area WHERE code = ?1");
    if (!area_exists.ok()) return area_exists.status();
    auto stmt = db_->Prepare(
        "INSERT INTO aggregate_count (dataset_id, year, area_code, category_type, category, "
        "measure, value, flag) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!stmt.ok()) return stmt.status();
    std::string last_checked_area;
    for (const AggregateCount& count : import.counts) {
      if (count.area_code != last_checked_area) {
        auto found = area_exists->Bind(1, count.area_code).Step();
        area_exists->Reset();
        if (!found.ok()) return found.status();
        if (!*found) {
          return Status::InvalidData("dataset " + import.dataset.id + " has counts for area " +
                                     count.area_code + ", which is not a known area");
        }
        last_checked_area = count.area_code;
      }
      stmt->Bind(1, import.dataset.id)
          .Bind(2, static_cast<int64_t>(count.year))
          .Bind(3, count.area_code)
          .Bind(4, count.category_type)
          .Bind(5, count.category)
          .Bind(6, count.measure)
          .Bind(7, count.value)
          .Bind(8, count.flag);
      Status inserted = stmt->Run();
      if (!inserted.ok()) {
        return Status::InvalidData("dataset " + import.dataset.id + " has two values for " +
                                   count.measure + " in " + count.area_code + ", " +
                                   std::to_string(count.year) +
                                   (count.category.empty() ? "" : ", " + count.category) + " (" +
                                   inserted.message() + ")");
      }
    }
    return Status::Ok();
  }

  std::unique_ptr<Database> db_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  auto db = Database::Open(path);
  if (!db.ok()) return db.status();
  auto store = std::make_unique<SqliteStore>(std::move(*db));
  Status migrated = store->Migrate();
  if (!migrated.ok()) {
    return Status::IoError(path + " is not a usable Cradle store: " + migrated.message());
  }
  return std::unique_ptr<Store>(std::move(store));
}

Result<std::string> DefaultStorePath() {
  std::filesystem::path dir;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    dir = std::filesystem::path(xdg) / "cradle";
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    dir = std::filesystem::path(home) / ".local" / "share" / "cradle";
  } else {
    return Status::InvalidArgument("neither XDG_DATA_HOME nor HOME is set: give --db PATH");
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError("cannot create " + dir.string() + ": " + ec.message());
  return (dir / "cradle.db").string();
}

}  // namespace cradle::store
