#include "store/internal/sqlite_records.h"

#include <array>
#include <iterator>
#include <string>
#include <string_view>

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

// Rows per INSERT statement, largest first. One statement of many rows costs
// SQLite much less per row than as many one-row statements (sqlite3_step, the
// cursor and the program's bookkeeping are paid once): 512 rows a statement
// took a 2M-row births import from 4.0 s to 2.9 s against one row at a time
// (64: 3.5 s). The smaller sizes take what is left of a batch, so a batch of
// 4,090 valid rows is 7 + 7 + 7 + 6 statements, not 506.
constexpr size_t kStatementRows[] = {512, 64, 8, 1};
constexpr size_t kMaxStatementRows = kStatementRows[0];

// A flag as one-character text that outlives any statement (BindView).
std::string_view FlagView(char flag) {
  static constexpr std::array<char, 256> kChars = [] {
    std::array<char, 256> chars{};
    for (int c = 0; c < 256; ++c) chars[c] = static_cast<char>(c);
    return chars;
  }();
  return std::string_view(&kChars[static_cast<unsigned char>(flag)], 1);
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
    auto bind = [this](Statement& stmt, int first, size_t slot, const BirthRecord& b, int64_t row) {
      dates_[slot] = b.date_of_birth.ToString();
      stmt.BindView(first, b.birth_id)
          .BindView(first + 1, dates_[slot])
          .BindView(first + 2, b.lsoa21)
          .BindView(first + 3, b.ethnic_group)
          .BindView(first + 4, b.mother_age_band)
          .Bind(first + 5, static_cast<int64_t>(b.gestation_weeks))
          .Bind(first + 6, static_cast<int64_t>(b.birthweight_grams))
          .Bind(first + 7, static_cast<int64_t>(b.multiplicity))
          .BindView(first + 8, FlagView(b.ivf))
          .BindView(first + 9, FlagView(b.overseas_ivf))
          .BindView(first + 10, FlagView(b.smoking_at_booking))
          .BindView(first + 11, FlagView(b.smoking_at_delivery))
          .BindView(first + 12, b.maternal_bmi_band)
          .Bind(first + 13, import_id_)
          .Bind(first + 14, row);
    };
    return AddAll(
        births, rows, results, bind,
        [](const BirthRecord& b) -> const std::string& { return b.birth_id; },
        [](const Statement& stmt, const BirthRecord& b) { return ReadBirth(stmt, 0) == b; });
  }

  Status AddDeaths(std::span<const DeathRecord> deaths, std::span<const int64_t> rows,
                   std::span<InsertResult> results) override {
    auto bind = [this](Statement& stmt, int first, size_t slot, const DeathRecord& d, int64_t row) {
      dates_[slot] = d.date_of_death.ToString();
      stmt.BindView(first, d.birth_id)
          .BindView(first + 1, dates_[slot])
          .Bind(first + 2, static_cast<int64_t>(d.age_at_death_days));
      if (d.category_of_death) {
        stmt.Bind(first + 3, static_cast<int64_t>(*d.category_of_death));
      } else {
        stmt.BindNull(first + 3);
      }
      stmt.Bind(first + 4, import_id_).Bind(first + 5, row);
    };
    return AddAll(
        deaths, rows, results, bind,
        [](const DeathRecord& d) -> const std::string& { return d.birth_id; },
        [](const Statement& stmt, const DeathRecord& d) { return ReadDeath(stmt, 0) == d; });
  }

  Status AddBookings(std::span<const BookingRecord> bookings, std::span<const int64_t> rows,
                     std::span<InsertResult> results) override {
    auto bind = [this](Statement& stmt, int first, size_t slot, const BookingRecord& b,
                       int64_t row) {
      dates_[slot] = b.booking_date.ToString();
      stmt.BindView(first, b.pregnancy_id)
          .BindView(first + 1, b.lsoa21)
          .BindView(first + 2, b.ethnic_group)
          .Bind(first + 3, static_cast<int64_t>(b.gestation_at_booking_days))
          .BindView(first + 4, dates_[slot])
          .BindView(first + 5, b.provider)
          .Bind(first + 6, import_id_)
          .Bind(first + 7, row);
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
          bind(insert, static_cast<int>(slot) * params + 1, slot, records[start + slot],
               rows[start + slot]);
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
  // The text of each bound row's date, alive until the statement has run.
  std::array<std::string, kMaxStatementRows> dates_;
};

template <typename Record, typename Reader>
Status ForEach(Database& db, RecordKind kind, Reader read,
               const std::function<void(const Record&)>& visit) {
  CRADLE_ASSIGN_OR_RETURN(auto stmt, db.Prepare(std::string("SELECT ") + Columns(kind) + " FROM " +
                                                Table(kind) + " ORDER BY " + Key(kind)));
  return stmt.ForEachRow([&](const Statement& row) { visit(read(row, 0)); });
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
