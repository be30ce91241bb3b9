#include "store/internal/sqlite_records.h"

#include <iterator>
#include <string>
#include <string_view>

#include "store/internal/stored_codes.h"

namespace cradle::store::internal {

// Schema 2, as first written (text values); schema 3 converts it.
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

// Schema 3: the record tables with values stored as numbers (stored_codes.h),
// existing rows converted; a view per table shows them as text.
const char* const kCompactRecordsMigration = R"sql(
CREATE TABLE stored_code (
  list   TEXT NOT NULL,
  number INTEGER NOT NULL,
  code   TEXT NOT NULL,
  PRIMARY KEY (list, number),
  UNIQUE (list, code)
) WITHOUT ROWID;
INSERT INTO stored_code (list, number, code) VALUES
  ('ethnic_group', 1, 'white_british'),
  ('ethnic_group', 2, 'white_irish'),
  ('ethnic_group', 3, 'white_gypsy_traveller'),
  ('ethnic_group', 4, 'white_roma'),
  ('ethnic_group', 5, 'white_other'),
  ('ethnic_group', 6, 'mixed_white_black_caribbean'),
  ('ethnic_group', 7, 'mixed_white_black_african'),
  ('ethnic_group', 8, 'mixed_white_asian'),
  ('ethnic_group', 9, 'mixed_other'),
  ('ethnic_group', 10, 'asian_indian'),
  ('ethnic_group', 11, 'asian_pakistani'),
  ('ethnic_group', 12, 'asian_bangladeshi'),
  ('ethnic_group', 13, 'asian_chinese'),
  ('ethnic_group', 14, 'asian_other'),
  ('ethnic_group', 15, 'black_african'),
  ('ethnic_group', 16, 'black_caribbean'),
  ('ethnic_group', 17, 'black_other'),
  ('ethnic_group', 18, 'other_arab'),
  ('ethnic_group', 19, 'other_any'),
  ('ethnic_group', 20, 'not_stated'),
  ('mother_age_band', 1, '<20'),
  ('mother_age_band', 2, '20-24'),
  ('mother_age_band', 3, '25-29'),
  ('mother_age_band', 4, '30-34'),
  ('mother_age_band', 5, '35-39'),
  ('mother_age_band', 6, '40+'),
  ('mother_age_band', 7, 'unknown'),
  ('bmi_band', 1, '<18.5'),
  ('bmi_band', 2, '18.5-24.9'),
  ('bmi_band', 3, '25-29.9'),
  ('bmi_band', 4, '30-34.9'),
  ('bmi_band', 5, '35-39.9'),
  ('bmi_band', 6, '40+'),
  ('bmi_band', 7, 'unknown'),
  ('flag', 1, 'Y'),
  ('flag', 2, 'N'),
  ('flag', 3, 'U');
CREATE TABLE birth_v3 (
  birth_id            TEXT PRIMARY KEY,
  date_of_birth       INTEGER NOT NULL,  -- days since 1970-01-01
  lsoa21              INTEGER NOT NULL,  -- the six digits after E01
  ethnic_group        INTEGER NOT NULL,  -- stored_code of list ethnic_group
  mother_age_band     INTEGER NOT NULL,  -- mother_age_band
  gestation_weeks     INTEGER NOT NULL,
  birthweight_grams   INTEGER NOT NULL,
  multiplicity        INTEGER NOT NULL,
  ivf                 INTEGER NOT NULL,  -- flag
  overseas_ivf        INTEGER NOT NULL,  -- flag
  smoking_at_booking  INTEGER NOT NULL,  -- flag
  smoking_at_delivery INTEGER NOT NULL,  -- flag
  maternal_bmi_band   INTEGER NOT NULL,  -- bmi_band
  import_id           INTEGER NOT NULL,
  source_row          INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO birth_v3 SELECT
  b.birth_id, CAST(julianday(b.date_of_birth) - 2440587.5 AS INTEGER),
  CAST(substr(b.lsoa21, 4) AS INTEGER), (SELECT number FROM stored_code WHERE list = 'ethnic_group' AND code = b.ethnic_group),
  (SELECT number FROM stored_code WHERE list = 'mother_age_band' AND code = b.mother_age_band), b.gestation_weeks,
  b.birthweight_grams, b.multiplicity, (SELECT number FROM stored_code WHERE list = 'flag' AND code = b.ivf),
  (SELECT number FROM stored_code WHERE list = 'flag' AND code = b.overseas_ivf), (SELECT number FROM stored_code WHERE list = 'flag' AND code = b.smoking_at_booking),
  (SELECT number FROM stored_code WHERE list = 'flag' AND code = b.smoking_at_delivery), (SELECT number FROM stored_code WHERE list = 'bmi_band' AND code = b.maternal_bmi_band),
  b.import_id, b.source_row
FROM birth AS b;
DROP TABLE birth;
ALTER TABLE birth_v3 RENAME TO birth;
CREATE TABLE infant_death_v3 (
  birth_id          TEXT PRIMARY KEY,
  date_of_death     INTEGER NOT NULL,  -- days since 1970-01-01
  age_at_death_days INTEGER NOT NULL,
  category_of_death INTEGER,
  import_id         INTEGER NOT NULL,
  source_row        INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO infant_death_v3 SELECT
  birth_id, CAST(julianday(date_of_death) - 2440587.5 AS INTEGER), age_at_death_days,
  category_of_death, import_id, source_row
FROM infant_death;
DROP TABLE infant_death;
ALTER TABLE infant_death_v3 RENAME TO infant_death;
CREATE TABLE booking_v3 (
  pregnancy_id              TEXT PRIMARY KEY,
  lsoa21                    INTEGER NOT NULL,  -- the six digits after E01
  ethnic_group              INTEGER NOT NULL,  -- stored_code of list ethnic_group
  gestation_at_booking_days INTEGER NOT NULL,
  booking_date              INTEGER NOT NULL,  -- days since 1970-01-01
  provider                  TEXT NOT NULL,
  import_id                 INTEGER NOT NULL,
  source_row                INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO booking_v3 SELECT
  k.pregnancy_id, CAST(substr(k.lsoa21, 4) AS INTEGER), (SELECT number FROM stored_code WHERE list = 'ethnic_group' AND code = k.ethnic_group),
  k.gestation_at_booking_days, CAST(julianday(k.booking_date) - 2440587.5 AS INTEGER),
  k.provider, k.import_id, k.source_row
FROM booking AS k;
DROP TABLE booking;
ALTER TABLE booking_v3 RENAME TO booking;
-- The records as the extracts write them, for reading the store with sqlite3.
CREATE VIEW birth_as_text AS SELECT
  b.birth_id, date(b.date_of_birth * 86400, 'unixepoch') AS date_of_birth,
  printf('E01%06d', b.lsoa21) AS lsoa21, (SELECT code FROM stored_code WHERE list = 'ethnic_group' AND number = b.ethnic_group) AS ethnic_group,
  (SELECT code FROM stored_code WHERE list = 'mother_age_band' AND number = b.mother_age_band) AS mother_age_band, b.gestation_weeks,
  b.birthweight_grams, b.multiplicity, (SELECT code FROM stored_code WHERE list = 'flag' AND number = b.ivf) AS ivf,
  (SELECT code FROM stored_code WHERE list = 'flag' AND number = b.overseas_ivf) AS overseas_ivf, (SELECT code FROM stored_code WHERE list = 'flag' AND number = b.smoking_at_booking) AS smoking_at_booking,
  (SELECT code FROM stored_code WHERE list = 'flag' AND number = b.smoking_at_delivery) AS smoking_at_delivery, (SELECT code FROM stored_code WHERE list = 'bmi_band' AND number = b.maternal_bmi_band) AS maternal_bmi_band,
  b.import_id, b.source_row
FROM birth AS b;
CREATE VIEW infant_death_as_text AS SELECT
  birth_id, date(date_of_death * 86400, 'unixepoch') AS date_of_death, age_at_death_days,
  category_of_death, import_id, source_row
FROM infant_death;
CREATE VIEW booking_as_text AS SELECT
  k.pregnancy_id, printf('E01%06d', k.lsoa21) AS lsoa21, (SELECT code FROM stored_code WHERE list = 'ethnic_group' AND number = k.ethnic_group) AS ethnic_group,
  k.gestation_at_booking_days, date(k.booking_date * 86400, 'unixepoch') AS booking_date,
  k.provider, k.import_id, k.source_row
FROM booking AS k;
)sql";

namespace {

using records::BirthRecord;
using records::BookingRecord;
using records::Date;
using records::DeathRecord;
using records::RecordKind;

Date DateOfDays(int64_t days) { return Date::FromDays(static_cast<int>(days)); }

std::string CodeText(CodeList list, const Statement& stmt, int column) {
  return std::string(CodeOfNumber(list, stmt.ColumnInt64(column)));
}

char FlagOf(const Statement& stmt, int column) {
  std::string_view code = CodeOfNumber(CodeList::kFlag, stmt.ColumnInt64(column));
  return code.empty() ? '?' : code[0];
}

BirthRecord ReadBirth(const Statement& stmt, int first) {
  BirthRecord b;
  b.birth_id = stmt.ColumnText(first);
  b.date_of_birth = DateOfDays(stmt.ColumnInt64(first + 1));
  b.lsoa21 = LsoaOfNumber(stmt.ColumnInt64(first + 2));
  b.ethnic_group = CodeText(CodeList::kEthnicGroup, stmt, first + 3);
  b.mother_age_band = CodeText(CodeList::kMotherAgeBand, stmt, first + 4);
  b.gestation_weeks = static_cast<int>(stmt.ColumnInt64(first + 5));
  b.birthweight_grams = static_cast<int>(stmt.ColumnInt64(first + 6));
  b.multiplicity = static_cast<int>(stmt.ColumnInt64(first + 7));
  b.ivf = FlagOf(stmt, first + 8);
  b.overseas_ivf = FlagOf(stmt, first + 9);
  b.smoking_at_booking = FlagOf(stmt, first + 10);
  b.smoking_at_delivery = FlagOf(stmt, first + 11);
  b.maternal_bmi_band = CodeText(CodeList::kBmiBand, stmt, first + 12);
  return b;
}

DeathRecord ReadDeath(const Statement& stmt, int first) {
  DeathRecord d;
  d.birth_id = stmt.ColumnText(first);
  d.date_of_death = DateOfDays(stmt.ColumnInt64(first + 1));
  d.age_at_death_days = static_cast<int>(stmt.ColumnInt64(first + 2));
  if (!stmt.ColumnIsNull(first + 3)) {
    d.category_of_death = static_cast<int>(stmt.ColumnInt64(first + 3));
  }
  return d;
}

BookingRecord ReadBooking(const Statement& stmt, int first) {
  BookingRecord b;
  b.pregnancy_id = stmt.ColumnText(first);
  b.lsoa21 = LsoaOfNumber(stmt.ColumnInt64(first + 1));
  b.ethnic_group = CodeText(CodeList::kEthnicGroup, stmt, first + 2);
  b.gestation_at_booking_days = static_cast<int>(stmt.ColumnInt64(first + 3));
  b.booking_date = DateOfDays(stmt.ColumnInt64(first + 4));
  b.provider = stmt.ColumnText(first + 5);
  return b;
}

// The stored number of a record's value, or InvalidArgument naming it: a
// record that did not come through the row parser may hold any text.
Result<int64_t> Number(CodeList list, std::string_view value, const std::string& id) {
  if (std::optional<int> number = StoredNumber(list, value)) return *number;
  return Status::InvalidArgument("record " + id + ": '" + std::string(value) +
                                 "' is not in the store's list of " +
                                 std::string(StoredListName(list)) + " codes");
}

Result<int64_t> Lsoa(std::string_view code, const std::string& id) {
  if (std::optional<int> number = StoredLsoa(code)) return *number;
  return Status::InvalidArgument("record " + id + ": '" + std::string(code) +
                                 "' is not a 2021 LSOA code");
}

Result<int64_t> Flag(char flag, const std::string& id) {
  return Number(CodeList::kFlag, std::string_view(&flag, 1), id);
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

// Rows per INSERT statement, largest first. One statement of many rows costs
// SQLite much less per row than as many one-row statements (sqlite3_step, the
// cursor and the program's bookkeeping are paid once): 512 rows a statement
// took a 2M-row births import from 4.0 s to 2.9 s against one row at a time
// (64: 3.5 s). The smaller sizes take what is left of a batch, so a batch of
// 4,090 valid rows is 7 + 7 + 7 + 6 statements, not 506.
constexpr size_t kStatementRows[] = {512, 64, 8, 1};

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
    for (size_t size = 0; size < std::size(kStatementRows); ++size) {
      CRADLE_ASSIGN_OR_RETURN(inserts_[size], db_.Prepare(InsertSql(kStatementRows[size])));
    }
    CRADLE_ASSIGN_OR_RETURN(
        existing_, db_.Prepare("SELECT " + columns + ", import_id, source_row FROM " + table +
                               " WHERE " + Key(kind_) + " = ?1"));
    CRADLE_ASSIGN_OR_RETURN(birth_date_,
                            db_.Prepare("SELECT date_of_birth FROM birth WHERE birth_id = ?1"));
    return Status::Ok();
  }

  Status AddBirths(std::span<const BirthRecord> births, std::span<const int64_t> rows,
                   std::span<InsertResult> results) override {
    auto bind = [this](Statement& stmt, int first, const BirthRecord& b, int64_t row) -> Status {
      CRADLE_ASSIGN_OR_RETURN(int64_t lsoa, Lsoa(b.lsoa21, b.birth_id));
      CRADLE_ASSIGN_OR_RETURN(int64_t ethnic,
                              Number(CodeList::kEthnicGroup, b.ethnic_group, b.birth_id));
      CRADLE_ASSIGN_OR_RETURN(int64_t age,
                              Number(CodeList::kMotherAgeBand, b.mother_age_band, b.birth_id));
      CRADLE_ASSIGN_OR_RETURN(int64_t ivf, Flag(b.ivf, b.birth_id));
      CRADLE_ASSIGN_OR_RETURN(int64_t overseas, Flag(b.overseas_ivf, b.birth_id));
      CRADLE_ASSIGN_OR_RETURN(int64_t smoking_booking, Flag(b.smoking_at_booking, b.birth_id));
      CRADLE_ASSIGN_OR_RETURN(int64_t smoking_delivery, Flag(b.smoking_at_delivery, b.birth_id));
      CRADLE_ASSIGN_OR_RETURN(int64_t bmi,
                              Number(CodeList::kBmiBand, b.maternal_bmi_band, b.birth_id));
      stmt.BindView(first, b.birth_id)
          .Bind(first + 1, static_cast<int64_t>(b.date_of_birth.DaysSinceEpoch()))
          .Bind(first + 2, lsoa)
          .Bind(first + 3, ethnic)
          .Bind(first + 4, age)
          .Bind(first + 5, static_cast<int64_t>(b.gestation_weeks))
          .Bind(first + 6, static_cast<int64_t>(b.birthweight_grams))
          .Bind(first + 7, static_cast<int64_t>(b.multiplicity))
          .Bind(first + 8, ivf)
          .Bind(first + 9, overseas)
          .Bind(first + 10, smoking_booking)
          .Bind(first + 11, smoking_delivery)
          .Bind(first + 12, bmi)
          .Bind(first + 13, import_id_)
          .Bind(first + 14, row);
      return Status::Ok();
    };
    return AddAll(
        births, rows, results, bind,
        [](const BirthRecord& b) -> const std::string& { return b.birth_id; },
        [](const Statement& stmt, const BirthRecord& b) { return ReadBirth(stmt, 0) == b; });
  }

  Status AddDeaths(std::span<const DeathRecord> deaths, std::span<const int64_t> rows,
                   std::span<InsertResult> results) override {
    auto bind = [this](Statement& stmt, int first, const DeathRecord& d, int64_t row) -> Status {
      stmt.BindView(first, d.birth_id)
          .Bind(first + 1, static_cast<int64_t>(d.date_of_death.DaysSinceEpoch()))
          .Bind(first + 2, static_cast<int64_t>(d.age_at_death_days));
      if (d.category_of_death) {
        stmt.Bind(first + 3, static_cast<int64_t>(*d.category_of_death));
      } else {
        stmt.BindNull(first + 3);
      }
      stmt.Bind(first + 4, import_id_).Bind(first + 5, row);
      return Status::Ok();
    };
    return AddAll(
        deaths, rows, results, bind,
        [](const DeathRecord& d) -> const std::string& { return d.birth_id; },
        [](const Statement& stmt, const DeathRecord& d) { return ReadDeath(stmt, 0) == d; });
  }

  Status AddBookings(std::span<const BookingRecord> bookings, std::span<const int64_t> rows,
                     std::span<InsertResult> results) override {
    auto bind = [this](Statement& stmt, int first, const BookingRecord& b, int64_t row) -> Status {
      CRADLE_ASSIGN_OR_RETURN(int64_t lsoa, Lsoa(b.lsoa21, b.pregnancy_id));
      CRADLE_ASSIGN_OR_RETURN(int64_t ethnic,
                              Number(CodeList::kEthnicGroup, b.ethnic_group, b.pregnancy_id));
      stmt.BindView(first, b.pregnancy_id)
          .Bind(first + 1, lsoa)
          .Bind(first + 2, ethnic)
          .Bind(first + 3, static_cast<int64_t>(b.gestation_at_booking_days))
          .Bind(first + 4, static_cast<int64_t>(b.booking_date.DaysSinceEpoch()))
          .BindView(first + 5, b.provider)
          .Bind(first + 6, import_id_)
          .Bind(first + 7, row);
      return Status::Ok();
    };
    return AddAll(
        bookings, rows, results, bind,
        [](const BookingRecord& b) -> const std::string& { return b.pregnancy_id; },
        [](const Statement& stmt, const BookingRecord& b) { return ReadBooking(stmt, 0) == b; });
  }

  Result<std::optional<Date>> BirthDate(const std::string& birth_id) override {
    birth_date_->Bind(1, birth_id);
    auto row = birth_date_->Step();
    std::optional<Date> date;
    if (row.ok() && *row) date = DateOfDays(birth_date_->ColumnInt64(0));
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
    for (std::optional<Statement>& insert : inserts_) insert.reset();
    existing_.reset();
    birth_date_.reset();
    return txn_->Commit();
  }

 private:
  int ColumnCount() const {
    return kind_ == RecordKind::kBirths ? 13 : kind_ == RecordKind::kDeaths ? 4 : 6;
  }

  // INSERT of `rows` rows that skips a row whose key is taken, so a clash
  // costs nothing until it is looked at (Classify). Parameters are plain `?`,
  // numbered in order: SQLite looks numbered names up one by one when it
  // prepares, which for thousands of them is slow.
  std::string InsertSql(size_t rows) const {
    const int params = ColumnCount() + 2;
    std::string sql = std::string("INSERT INTO ") + Table(kind_) + " (" + Columns(kind_) +
                      ", import_id, source_row) VALUES ";
    for (size_t row = 0; row < rows; ++row) {
      sql += row > 0 ? ", (?" : "(?";
      for (int idx = 1; idx < params; ++idx) sql += ", ?";
      sql += ")";
    }
    return sql + " ON CONFLICT DO NOTHING";
  }

  // Inserts records as many at a time as kStatementRows allows; a statement
  // that changed fewer rows than it carried had a key clash, and each of its
  // rows is then looked up to say which.
  template <typename Record, typename Bind, typename KeyOf, typename SameAs>
  Status AddAll(std::span<const Record> records, std::span<const int64_t> rows,
                std::span<InsertResult> results, Bind bind, KeyOf key_of, SameAs same_as) {
    const int params = ColumnCount() + 2;
    size_t start = 0;
    for (size_t size = 0; size < std::size(kStatementRows); ++size) {
      const size_t count = kStatementRows[size];
      Statement& insert = *inserts_[size];
      for (; start + count <= records.size(); start += count) {
        for (size_t slot = 0; slot < count; ++slot) {
          CRADLE_RETURN_IF_ERROR(bind(insert, static_cast<int>(slot) * params + 1,
                                      records[start + slot], rows[start + slot]));
        }
        CRADLE_RETURN_IF_ERROR(insert.RunKeepingBindings());
        if (db_.Changes() == static_cast<int64_t>(count)) {
          for (size_t slot = 0; slot < count; ++slot) results[start + slot] = {};
          continue;
        }
        for (size_t slot = 0; slot < count; ++slot) {
          const Record& record = records[start + slot];
          CRADLE_ASSIGN_OR_RETURN(
              results[start + slot],
              Classify(key_of(record), rows[start + slot],
                       [&](const Statement& stmt) { return same_as(stmt, record); }));
        }
      }
    }
    return Status::Ok();
  }

  // What became of the row of `key` from file row `row`, after an insert that
  // skipped clashing keys: inserted if the stored row is this one; else a
  // duplicate within this import, or an earlier import's row that is the
  // same (unchanged) or not (conflict).
  template <typename SameAs>
  Result<InsertResult> Classify(const std::string& key, int64_t row, SameAs same_as) {
    existing_->BindView(1, key);
    auto found = existing_->Step();
    if (!found.ok() || !*found) {
      existing_->Reset();
      return found.ok() ? Status::Internal("a conflicting row vanished") : found.status();
    }
    const int import_column = ColumnCount();
    InsertResult result;
    result.first_row = existing_->ColumnInt64(import_column + 1);
    if (existing_->ColumnInt64(import_column) == import_id_) {
      result.outcome =
          result.first_row == row ? InsertOutcome::kInserted : InsertOutcome::kDuplicateInImport;
      if (result.outcome == InsertOutcome::kInserted) result.first_row = 0;
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
  std::optional<Statement> inserts_[std::size(kStatementRows)];  // one per kStatementRows size
  std::optional<Statement> existing_, birth_date_;
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
