#include "store/sqlite.h"

#include <mutex>

namespace cradle::store {
namespace {

// SQLite's allocation statistics take a global mutex on every allocation,
// and Cradle never reads them. The setting must come before SQLite
// initialises, hence once, before the first connection (if something else
// initialised SQLite first, the call fails harmlessly).
void TurnOffMemoryStatistics() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

Status SqliteError(sqlite3* db, std::string_view what) {
  return Status::IoError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), bind_error_(other.bind_error_) {
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    bind_error_ = other.bind_error_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                             SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindView(int index, std::string_view value) {
  int rc =
      sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, std::optional<double> value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Statement& Statement::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) bind_error_ = rc;
  return *this;
}

Result<bool> Statement::Step() {
  if (bind_error_ != SQLITE_OK) {
    return Status::Internal(std::string("binding a parameter failed: ") +
                            sqlite3_errstr(bind_error_));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, "database step failed");
}

Status Statement::ForEachRow(const std::function<void(const Statement&)>& each) {
  for (;;) {
    CRADLE_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status::Ok();
    each(*this);
  }
}

Status Statement::Run() {
  auto step = Step();
  Reset();
  if (!step.ok()) return step.status();
  return Status::Ok();
}

Status Statement::RunKeepingBindings() {
  auto step = Step();
  sqlite3_reset(stmt_);
  bind_error_ = SQLITE_OK;
  if (!step.ok()) return step.status();
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = SQLITE_OK;
}

int64_t Statement::ColumnInt64(int index) const { return sqlite3_column_int64(stmt_, index); }
double Statement::ColumnDouble(int index) const { return sqlite3_column_double(stmt_, index); }
bool Statement::ColumnIsNull(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}
std::string Statement::ColumnText(int index) const {
  const unsigned char* text = sqlite3_column_text(stmt_, index);
  return text ? std::string(reinterpret_cast<const char*>(text),
                            static_cast<size_t>(sqlite3_column_bytes(stmt_, index)))
              : std::string();
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path) {
  TurnOffMemoryStatistics();
  std::unique_ptr<Database> db(new Database());
  db->path_ = path;
  // No connection mutex (one thread at a time, see sqlite.h): a bulk import
  // would otherwise lock and unlock it for every bound value.
  int rc =
      sqlite3_open_v2(path.c_str(), &db->db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db->db_, "cannot open database " + path);
  sqlite3_busy_timeout(db->db_, 5000);
  // Only takes effect on a database with no tables yet, and must come before
  // the switch to WAL.
  CRADLE_RETURN_IF_ERROR(db->Exec("PRAGMA page_size = 16384"));
  CRADLE_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  CRADLE_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode = WAL"));
  // In WAL mode NORMAL keeps the database consistent after a crash; only the
  // last commit may be lost on power failure, and imports can be re-run.
  CRADLE_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous = NORMAL"));
  // A 64 MB page cache (fixed, whatever the file size) for large imports.
  CRADLE_RETURN_IF_ERROR(db->Exec("PRAGMA cache_size = -65536"));
  return db;
}

Database::~Database() { sqlite3_close_v2(db_); }

int64_t Database::Changes() const { return sqlite3_changes64(db_); }

int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

Status Database::Exec(std::string_view sql) {
  char* error = nullptr;
  std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    return Status::IoError(path_ + ": " + message);
  }
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    return SqliteError(db_, "cannot prepare statement");
  }
  return Statement(db_, stmt);
}

Result<std::unique_ptr<Transaction>> Transaction::Begin(Database& db) {
  CRADLE_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  return std::unique_ptr<Transaction>(new Transaction(db));
}

Transaction::~Transaction() {
  if (!done_) (void)db_.Exec("ROLLBACK");
}

Status Transaction::Commit() {
  CRADLE_RETURN_IF_ERROR(db_.Exec("COMMIT"));
  done_ = true;
  return Status::Ok();
}

}  // namespace cradle::store
