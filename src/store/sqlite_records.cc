#include "store/internal/sqlite_records.h"

namespace cradle::store::internal {

const char* const kRecordsMigration = R"sql(
CREATE TABLE record_import (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,
  file          TEXT NOT NULL,
  fingerprint   TEXT NOT NULL,
  rows_read     INTEGER NOT NULL DEFAULT 0,
  inserted      INTEGER NOT NULL DEFAULT 0,
  unchanged     INTEGER NOT NULL DEFAULT 0,
  rejected      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE birth (
  birth_id            TEXT PRIMARY KEY,
  date_of_birth       TEXT NOT NULL,
  lsoa21              TEXT NOT NULL,
  ethnic_group        TEXT NOT NULL,
  mother_age_band     TEXT NOT NULL,
  gestation_weeks     INTEGER NOT NULL,
  birthweight_grams   INTEGER NOT NULL,
  multiplicity        INTEGER NOT NULL,
  ivf                 TEXT NOT NULL,
  overseas_ivf        TEXT NOT NULL,
  smoking_at_booking  TEXT NOT NULL,
  smoking_at_delivery TEXT NOT NULL,
  maternal_bmi_band   TEXT NOT NULL,
  import_id           INTEGER NOT NULL,
  source_row          INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE infant_death (
  birth_id          TEXT PRIMARY KEY,
  date_of_death     TEXT NOT NULL,
  age_at_death_days INTEGER NOT NULL,
  category_of_death INTEGER,
  import_id         INTEGER NOT NULL,
  source_row        INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE booking (
  pregnancy_id              TEXT PRIMARY KEY,
  lsoa21                    TEXT NOT NULL,
  ethnic_group              TEXT NOT NULL,
  gestation_at_booking_days INTEGER NOT NULL,
  booking_date              TEXT NOT NULL,
  provider                  TEXT NOT NULL,
  import_id                 INTEGER NOT NULL,
  source_row                INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

namespace {

using records::BirthRecord;
using records::BookingRecord;
using records::Date;
using records::DeathRecord;
using records::RecordKind;

std::string FlagText(char flag) { return std::string(1, flag); }

BirthRecord ReadBirth(const Statement& stmt, int first) {
  BirthRecord b;
  b.birth_id = stmt.ColumnText(first);
  b.date_of_birth = *Date::Parse(stmt.ColumnText(first + 1));
  b.lsoa21 = stmt.ColumnText(first + 2);
  b.ethnic_group = stmt.ColumnText(first + 3);
  b.mother_age_band = stmt.ColumnText(first + 4);
  b.gestation_weeks = static_cast<int>(stmt.ColumnInt64(first + 5));
  b.birthweight_grams = static_cast<int>(stmt.ColumnInt64(first + 6));
  b.multiplicity = static_cast<int>(stmt.ColumnInt64(first + 7));
  b.ivf = stmt.ColumnText(first + 8)[0];
  b.overseas_ivf = stmt.ColumnText(first + 9)[0];
  b.smoking_at_booking = stmt.ColumnText(first + 10)[0];
  b.smoking_at_delivery = stmt.ColumnText(first + 11)[0];
  b.maternal_bmi_band = stmt.ColumnText(first + 12);
  return b;
}

DeathRecord ReadDeath(const Statement& stmt, int first) {
  DeathRecord d;
  d.birth_id = stmt.ColumnText(first);
  d.date_of_death = *Date::Parse(stmt.ColumnText(first + 1));
  d.age_at_death_days = static_cast<int>(stmt.ColumnInt64(first + 2));
  if (!stmt.ColumnIsNull(first + 3)) {
    d.category_of_death = static_cast<int>(stmt.ColumnInt64(first + 3));
  }
  return d;
}

BookingRecord ReadBooking(const Statement& stmt, int first) {
  BookingRecord b;
  b.pregnancy_id = stmt.ColumnText(first);
  b.lsoa21 = stmt.ColumnText(first + 1);
  b.ethnic_group = stmt.ColumnText(first + 2);
  b.gestation_at_booking_days = static_cast<int>(stmt.ColumnInt64(first + 3));
  b.booking_date = *Date::Parse(stmt.ColumnText(first + 4));
  b.provider = stmt.ColumnText(first + 5);
  return b;
}

constexpr const char* kBirthColumns =
    "birth_id, date_of_birth, lsoa21, ethnic_group, mother_age_band, gestation_weeks, "
    "birthweight_grams, multiplicity, ivf, overseas_ivf, smoking_at_booking, "
    "smoking_at_delivery, maternal_bmi_band";
constexpr const char* kDeathColumns =
    "birth_id, date_of_death, age_at_death_days, category_of_death";
constexpr const char* kBookingColumns =
    "pregnancy_id, lsoa21, ethnic_group, gestation_at_booking_days, booking_date, provider";

const char* Table(RecordKind kind) {
  switch (kind) {
    case RecordKind::kBirths:
      return "birth";
    case RecordKind::kDeaths:
      return "infant_death";
    case RecordKind::kBookings:
      return "booking";
  }
  return "birth";
}
const char* Columns(RecordKind kind) {
  switch (kind) {
    case RecordKind::kBirths:
      return kBirthColumns;
    case RecordKind::kDeaths:
      return kDeathColumns;
    case RecordKind::kBookings:
      return kBookingColumns;
  }
  return kBirthColumns;
}
const char* Key(RecordKind kind) {
  return kind == RecordKind::kBookings ? "pregnancy_id" : "birth_id";
}

class SqliteRecordImport final : public RecordImport {
 public:
  SqliteRecordImport(Database& db, RecordKind kind) : db_(db), kind_(kind) {}

  Status Start(const std::string& file, const std::string& fingerprint) {
    CRADLE_ASSIGN_OR_RETURN(txn_, Transaction::Begin(db_));
    CRADLE_ASSIGN_OR_RETURN(auto log, db_.Prepare("INSERT INTO record_import (kind, file, "
                                                  "fingerprint) VALUES (?1, ?2, ?3)"));
    CRADLE_RETURN_IF_ERROR(
        log.Bind(1, records::RecordKindName(kind_)).Bind(2, file).Bind(3, fingerprint).Run());
    CRADLE_ASSIGN_OR_RETURN(auto id, db_.Prepare("SELECT last_insert_rowid()"));
    CRADLE_ASSIGN_OR_RETURN(bool row, id.Step());
    if (!row) return Status::Internal("no import id");
    import_id_ = id.ColumnInt64(0);
    std::string table = Table(kind_);
    std::string columns = Columns(kind_);
    int count = kind_ == RecordKind::kBirths ? 13 : kind_ == RecordKind::kDeaths ? 4 : 6;
    std::string params;
    for (int idx = 1; idx <= count + 2; ++idx)
      params += (idx > 1 ? ", ?" : "?") + std::to_string(idx);
    CRADLE_ASSIGN_OR_RETURN(insert_, db_.Prepare("INSERT INTO " + table + " (" + columns +
                                                 ", import_id, source_row) VALUES (" + params +
                                                 ") ON CONFLICT DO NOTHING"));
    CRADLE_ASSIGN_OR_RETURN(
        existing_, db_.Prepare("SELECT " + columns + ", import_id, source_row FROM " + table +
                               " WHERE " + Key(kind_) + " = ?1"));
    CRADLE_ASSIGN_OR_RETURN(birth_date_,
                            db_.Prepare("SELECT date_of_birth FROM birth WHERE birth_id = ?1"));
    return Status::Ok();
  }

  Result<InsertResult> AddBirth(const BirthRecord& b, int64_t row) override {
    insert_->Bind(1, b.birth_id)
        .Bind(2, b.date_of_birth.ToString())
        .Bind(3, b.lsoa21)
        .Bind(4, b.ethnic_group)
        .Bind(5, b.mother_age_band)
        .Bind(6, static_cast<int64_t>(b.gestation_weeks))
        .Bind(7, static_cast<int64_t>(b.birthweight_grams))
        .Bind(8, static_cast<int64_t>(b.multiplicity))
        .Bind(9, FlagText(b.ivf))
        .Bind(10, FlagText(b.overseas_ivf))
        .Bind(11, FlagText(b.smoking_at_booking))
        .Bind(12, FlagText(b.smoking_at_delivery))
        .Bind(13, b.maternal_bmi_band)
        .Bind(14, import_id_)
        .Bind(15, row);
    return Finish(
        b.birth_id, [&](const Statement& stmt) { return ReadBirth(stmt, 0) == b; }, 13);
  }

  Result<InsertResult> AddDeath(const DeathRecord& d, int64_t row) override {
    insert_->Bind(1, d.birth_id)
        .Bind(2, d.date_of_death.ToString())
        .Bind(3, static_cast<int64_t>(d.age_at_death_days));
    if (d.category_of_death) {
      insert_->Bind(4, static_cast<int64_t>(*d.category_of_death));
    } else {
      insert_->BindNull(4);
    }
    insert_->Bind(5, import_id_).Bind(6, row);
    return Finish(
        d.birth_id, [&](const Statement& stmt) { return ReadDeath(stmt, 0) == d; }, 4);
  }

  Result<InsertResult> AddBooking(const BookingRecord& b, int64_t row) override {
    insert_->Bind(1, b.pregnancy_id)
        .Bind(2, b.lsoa21)
        .Bind(3, b.ethnic_group)
        .Bind(4, static_cast<int64_t>(b.gestation_at_booking_days))
        .Bind(5, b.booking_date.ToString())
        .Bind(6, b.provider)
        .Bind(7, import_id_)
        .Bind(8, row);
    return Finish(
        b.pregnancy_id, [&](const Statement& stmt) { return ReadBooking(stmt, 0) == b; }, 6);
  }

  Result<std::optional<Date>> BirthDate(const std::string& birth_id) override {
    birth_date_->Bind(1, birth_id);
    auto row = birth_date_->Step();
    std::optional<Date> date;
    if (row.ok() && *row) date = Date::Parse(birth_date_->ColumnText(0));
    birth_date_->Reset();
    if (!row.ok()) return row.status();
    return date;
  }

  Status Commit(const ImportCounts& counts) override {
    CRADLE_ASSIGN_OR_RETURN(auto log,
                            db_.Prepare("UPDATE record_import SET rows_read = ?1, inserted = ?2, "
                                        "unchanged = ?3, rejected = ?4 WHERE id = ?5"));
    CRADLE_RETURN_IF_ERROR(log.Bind(1, counts.rows_read)
                               .Bind(2, counts.inserted)
                               .Bind(3, counts.unchanged)
                               .Bind(4, counts.rejected)
                               .Bind(5, import_id_)
                               .Run());
    // Statements must be finalised before the transaction ends cleanly.
    insert_.reset();
    existing_.reset();
    birth_date_.reset();
    return txn_->Commit();
  }

 private:
  // After the insert was bound: runs it and, when the key was already taken,
  // tells a duplicate within this import from an unchanged or conflicting
  // earlier record.
  template <typename SameAs>
  Result<InsertResult> Finish(const std::string& key, SameAs same_as, int import_column) {
    Status inserted = insert_->Run();
    if (!inserted.ok()) return inserted;
    if (db_.Changes() == 1) return InsertResult{InsertOutcome::kInserted, 0};
    existing_->Bind(1, key);
    auto found = existing_->Step();
    if (!found.ok() || !*found) {
      existing_->Reset();
      return found.ok() ? Status::Internal("a conflicting row vanished") : found.status();
    }
    InsertResult result;
    result.first_row = existing_->ColumnInt64(import_column + 1);
    if (existing_->ColumnInt64(import_column) == import_id_) {
      result.outcome = InsertOutcome::kDuplicateInImport;
    } else {
      result.outcome = same_as(*existing_) ? InsertOutcome::kUnchanged : InsertOutcome::kConflict;
    }
    existing_->Reset();
    return result;
  }

  Database& db_;
  RecordKind kind_;
  int64_t import_id_ = 0;
  std::unique_ptr<Transaction> txn_;
  std::optional<Statement> insert_, existing_, birth_date_;
};

template <typename Record, typename Reader>
Status ForEach(Database& db, RecordKind kind, Reader read,
               const std::function<void(const Record&)>& visit) {
  CRADLE_ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + Columns(kind) + " FROM " +
                                                Table(kind) + " ORDER BY " + Key(kind)));
  while (true) {
    CRADLE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return Status::Ok();
    visit(read(stmt, 0));
  }
}

}  // namespace

Result<std::unique_ptr<RecordImport>> BeginSqliteImport(Database& db, RecordKind kind,
                                                        const std::string& file,
                                                        const std::string& fingerprint) {
  auto import = std::make_unique<SqliteRecordImport>(db, kind);
  CRADLE_RETURN_IF_ERROR(import->Start(file, fingerprint));
  return std::unique_ptr<RecordImport>(std::move(import));
}

Result<int64_t> CountSqliteRecords(Database& db, RecordKind kind) {
  CRADLE_ASSIGN_OR_RETURN(auto stmt,
                          db.Prepare(std::string("SELECT count(*) FROM ") + Table(kind)));
  CRADLE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.ColumnInt64(0) : 0;
}

Status ForEachSqliteBirth(Database& db, const std::function<void(const BirthRecord&)>& visit) {
  return ForEach<BirthRecord>(db, RecordKind::kBirths, ReadBirth, visit);
}
Status ForEachSqliteDeath(Database& db, const std::function<void(const DeathRecord&)>& visit) {
  return ForEach<DeathRecord>(db, RecordKind::kDeaths, ReadDeath, visit);
}
Status ForEachSqliteBooking(Database& db, const std::function<void(const BookingRecord&)>& visit) {
  return ForEach<BookingRecord>(db, RecordKind::kBookings, ReadBooking, visit);
}

}  // namespace cradle::store::internal
