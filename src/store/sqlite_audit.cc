// The audit log in SQLite: schema migration 3 (accounts, sessions and the
// log, with the triggers that keep the log append-only) and AuditStore.
#include <string>
#include <vector>

#include "store/internal/sqlite_accounts.h"

namespace cradle::store::internal {

const char* const kAccountsMigration = R"sql(
CREATE TABLE organisation (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE user_account (
  id              INTEGER PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL,
  organisation_id INTEGER NOT NULL REFERENCES organisation(id),
  disabled        INTEGER NOT NULL DEFAULT 0,
  password_hash   TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE TABLE login_session (
  token_hash   TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES user_account(id),
  csrf_token   TEXT NOT NULL,
  address      TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  ended_at     INTEGER
);
CREATE INDEX login_session_user ON login_session(user_id);
CREATE TABLE login_attempt (
  id        INTEGER PRIMARY KEY,
  username  TEXT NOT NULL,
  address   TEXT NOT NULL,
  at        INTEGER NOT NULL,
  succeeded INTEGER NOT NULL,
  counted   INTEGER NOT NULL
);
CREATE INDEX login_attempt_username ON login_attempt(username, at);
CREATE INDEX login_attempt_address ON login_attempt(address, at);
CREATE TABLE audit_log (id TEXT NOT NULL);
INSERT INTO audit_log (id) VALUES (lower(hex(randomblob(16))));
CREATE TABLE audit_entry (
  sequence      INTEGER PRIMARY KEY,
  at            INTEGER NOT NULL,
  user          TEXT NOT NULL,
  role          TEXT NOT NULL,
  organisation  TEXT NOT NULL,
  action        TEXT NOT NULL,
  object_type   TEXT NOT NULL,
  object_id     TEXT NOT NULL,
  detail        TEXT NOT NULL,
  source        TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash          TEXT NOT NULL
);
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be changed'); END;
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: entries cannot be deleted'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log id cannot be changed'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log id cannot be deleted'); END;
)sql";

namespace {

constexpr const char* kColumns =
    "sequence, at, user, role, organisation, action, object_type, object_id, detail, source, "
    "previous_hash, hash";

AuditRow ReadRow(const Statement& stmt) {
  AuditRow row;
  row.sequence = stmt.ColumnInt64(0);
  row.at = stmt.ColumnInt64(1);
  row.user = stmt.ColumnText(2);
  row.role = stmt.ColumnText(3);
  row.organisation = stmt.ColumnText(4);
  row.action = stmt.ColumnText(5);
  row.object_type = stmt.ColumnText(6);
  row.object_id = stmt.ColumnText(7);
  row.detail = stmt.ColumnText(8);
  row.source = stmt.ColumnText(9);
  row.previous_hash = stmt.ColumnText(10);
  row.hash = stmt.ColumnText(11);
  return row;
}

Result<AuditHead> ReadHead(Database& db) {
  auto stmt = db.Prepare("SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1");
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  AuditHead head;
  if (*row) head = {stmt->ColumnInt64(0), stmt->ColumnText(1)};
  return head;
}

class SqliteAuditStore final : public AuditStore {
 public:
  explicit SqliteAuditStore(Database& db) : db_(db) {}

  Result<std::string> LogId() override {
    auto stmt = db_.Prepare("SELECT id FROM audit_log");
    if (!stmt.ok()) return stmt.status();
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::InvalidData(db_.path() + " has no audit log id");
    std::string id = stmt->ColumnText(0);
    auto second = stmt->Step();
    if (!second.ok()) return second.status();
    if (*second) return Status::InvalidData(db_.path() + " has more than one audit log id");
    return id;
  }

  Result<AuditRow> Append(const AuditSeal& seal) override {
    auto txn = Transaction::Begin(db_);
    if (!txn.ok()) return txn.status();
    auto row = AppendAuditRow(db_, seal);
    if (!row.ok()) return row.status();
    CRADLE_RETURN_IF_ERROR((*txn)->Commit());
    return row;
  }

  Status ForEach(const std::function<void(const AuditRow&)>& visit) override {
    auto stmt =
        db_.Prepare(std::string("SELECT ") + kColumns + " FROM audit_entry ORDER BY sequence");
    if (!stmt.ok()) return stmt.status();
    return stmt->ForEachRow([&](const Statement& row) { visit(ReadRow(row)); });
  }

  Result<std::vector<AuditRow>> Last(int64_t count) override {
    auto stmt = db_.Prepare(std::string("SELECT ") + kColumns +
                            " FROM audit_entry ORDER BY sequence DESC LIMIT ?1");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, count);
    CRADLE_ASSIGN_OR_RETURN(std::vector<AuditRow> rows, stmt->Rows(ReadRow));
    return std::vector<AuditRow>(rows.rbegin(), rows.rend());
  }

  Result<AuditHead> Head() override { return ReadHead(db_); }

 private:
  Database& db_;
};

}  // namespace

Result<AuditRow> AppendAuditRow(Database& db, const AuditSeal& seal) {
  auto head = ReadHead(db);
  if (!head.ok()) return head.status();
  AuditRow row = seal(*head);
  if (row.sequence != head->sequence + 1) {
    return Status::Internal("an audit entry numbered " + std::to_string(row.sequence) +
                            " cannot follow entry " + std::to_string(head->sequence));
  }
  auto stmt = db.Prepare(std::string("INSERT INTO audit_entry (") + kColumns +
                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  if (!stmt.ok()) return stmt.status();
  CRADLE_RETURN_IF_ERROR(stmt->Bind(1, row.sequence)
                             .Bind(2, row.at)
                             .Bind(3, row.user)
                             .Bind(4, row.role)
                             .Bind(5, row.organisation)
                             .Bind(6, row.action)
                             .Bind(7, row.object_type)
                             .Bind(8, row.object_id)
                             .Bind(9, row.detail)
                             .Bind(10, row.source)
                             .Bind(11, row.previous_hash)
                             .Bind(12, row.hash)
                             .Run());
  return row;
}

std::unique_ptr<AuditStore> NewSqliteAuditStore(Database& db) {
  return std::make_unique<SqliteAuditStore>(db);
}

}  // namespace cradle::store::internal
