// AccountStore in SQLite. Each write is one transaction that also appends its
// audit entry (internal::AppendAuditRow), so an account change is never
// stored without its entry in the log, nor the entry without the change.
#include "store/internal/sqlite_accounts.h"

#include <string>
#include <vector>

namespace cradle::store::internal {
namespace {

constexpr const char* kUserSelect =
    "SELECT u.id, u.username, u.display_name, u.role, o.name, u.disabled, u.password_hash, "
    "u.created_at, u.updated_at FROM user_account u JOIN organisation o ON o.id = "
    "u.organisation_id ";

UserRow ReadUser(const Statement& stmt) {
  UserRow user;
  user.id = stmt.ColumnInt64(0);
  user.username = stmt.ColumnText(1);
  user.display_name = stmt.ColumnText(2);
  user.role = stmt.ColumnText(3);
  user.organisation = stmt.ColumnText(4);
  user.disabled = stmt.ColumnInt64(5) != 0;
  user.password_hash = stmt.ColumnText(6);
  user.created_at = stmt.ColumnInt64(7);
  user.updated_at = stmt.ColumnInt64(8);
  return user;
}

Result<std::vector<UserRow>> SelectUsers(Database& db, const std::string& where,
                                         const std::function<void(Statement&)>& bind) {
  auto stmt = db.Prepare(std::string(kUserSelect) + where);
  if (!stmt.ok()) return stmt.status();
  bind(*stmt);
  return stmt->Rows(ReadUser);
}

Result<std::optional<UserRow>> FirstOrNone(Result<std::vector<UserRow>> users) {
  if (!users.ok()) return users.status();
  if (users->empty()) return std::optional<UserRow>();
  return std::optional<UserRow>(std::move(users->front()));
}

Result<int64_t> OrganisationId(Database& db, const std::string& name) {
  auto insert = db.Prepare("INSERT INTO organisation (name) VALUES (?1) ON CONFLICT DO NOTHING");
  if (!insert.ok()) return insert.status();
  CRADLE_RETURN_IF_ERROR(insert->Bind(1, name).Run());
  auto select = db.Prepare("SELECT id FROM organisation WHERE name = ?1");
  if (!select.ok()) return select.status();
  auto row = select->Bind(1, name).Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Internal("organisation " + name + " vanished while being added");
  return select->ColumnInt64(0);
}

Status EndOpenSessions(Database& db, int64_t user_id, int64_t now) {
  auto stmt =
      db.Prepare("UPDATE login_session SET ended_at = ?2 WHERE user_id = ?1 AND ended_at IS NULL");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, user_id).Bind(2, now).Run();
}

Status InsertAttempt(Database& db, const LoginAttemptRow& attempt, bool counted) {
  auto stmt = db.Prepare(
      "INSERT INTO login_attempt (username, address, at, succeeded, counted) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!stmt.ok()) return stmt.status();
  return stmt->Bind(1, attempt.username)
      .Bind(2, attempt.address)
      .Bind(3, attempt.at)
      .Bind(4, static_cast<int64_t>(attempt.succeeded ? 1 : 0))
      .Bind(5, static_cast<int64_t>(counted ? 1 : 0))
      .Run();
}

Result<int64_t> Count(Database& db, const std::string& sql, std::string_view key, int64_t since) {
  auto stmt = db.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Bind(1, key).Bind(2, since).Step();
  if (!row.ok()) return row.status();
  return *row ? stmt->ColumnInt64(0) : 0;
}

// Runs `write` and appends `audit` in one transaction.
Status InTransaction(Database& db, const AuditSeal& audit, const std::function<Status()>& write) {
  auto txn = Transaction::Begin(db);
  if (!txn.ok()) return txn.status();
  CRADLE_RETURN_IF_ERROR(write());
  auto entry = AppendAuditRow(db, audit);
  if (!entry.ok()) return entry.status();
  return (*txn)->Commit();
}

class SqliteAccountStore final : public AccountStore {
 public:
  explicit SqliteAccountStore(Database& db) : db_(db) {}

  Result<UserRow> AddUser(const UserRow& user, const AuditSeal& audit) override {
    UserRow stored = user;
    Status status = InTransaction(db_, audit, [&]() -> Status {
      auto existing = FindUser(user.username);
      if (!existing.ok()) return existing.status();
      if (existing->has_value()) {
        return Status::InvalidArgument("a user named " + user.username + " already exists");
      }
      auto organisation = OrganisationId(db_, user.organisation);
      if (!organisation.ok()) return organisation.status();
      auto stmt = db_.Prepare(
          "INSERT INTO user_account (username, display_name, role, organisation_id, disabled, "
          "password_hash, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
          "RETURNING id");
      if (!stmt.ok()) return stmt.status();
      auto row = stmt->Bind(1, user.username)
                     .Bind(2, user.display_name)
                     .Bind(3, user.role)
                     .Bind(4, *organisation)
                     .Bind(5, static_cast<int64_t>(user.disabled ? 1 : 0))
                     .Bind(6, user.password_hash)
                     .Bind(7, user.created_at)
                     .Bind(8, user.updated_at)
                     .Step();
      if (!row.ok()) return row.status();
      if (!*row) return Status::Internal("inserting user " + user.username + " returned no id");
      stored.id = stmt->ColumnInt64(0);
      return stmt->Run();  // finishes the statement before the audit insert
    });
    if (!status.ok()) return status;
    return stored;
  }

  Result<std::optional<UserRow>> FindUser(std::string_view username) override {
    return FirstOrNone(SelectUsers(db_, "WHERE u.username = ?1",
                                   [&](Statement& stmt) { stmt.Bind(1, username); }));
  }

  Result<std::optional<UserRow>> FindUserById(int64_t id) override {
    return FirstOrNone(
        SelectUsers(db_, "WHERE u.id = ?1", [&](Statement& stmt) { stmt.Bind(1, id); }));
  }

  Result<std::vector<UserRow>> Users() override {
    return SelectUsers(db_, "ORDER BY u.username", [](Statement&) {});
  }

  Result<std::vector<std::string>> Organisations() override {
    auto stmt = db_.Prepare("SELECT name FROM organisation ORDER BY name");
    if (!stmt.ok()) return stmt.status();
    return stmt->Rows([](const Statement& row) { return row.ColumnText(0); });
  }

  Status DisableUser(int64_t user_id, int64_t now, const AuditSeal& audit) override {
    return InTransaction(db_, audit, [&]() -> Status {
      auto stmt =
          db_.Prepare("UPDATE user_account SET disabled = 1, updated_at = ?2 WHERE id = ?1");
      if (!stmt.ok()) return stmt.status();
      CRADLE_RETURN_IF_ERROR(stmt->Bind(1, user_id).Bind(2, now).Run());
      if (db_.Changes() != 1) return Status::NotFound("no user has id " + std::to_string(user_id));
      return EndOpenSessions(db_, user_id, now);
    });
  }

  Status SetPasswordHash(int64_t user_id, const std::string& password_hash, int64_t now,
                         bool end_sessions, const AuditSeal& audit) override {
    return InTransaction(db_, audit, [&]() -> Status {
      auto stmt =
          db_.Prepare("UPDATE user_account SET password_hash = ?2, updated_at = ?3 WHERE id = ?1");
      if (!stmt.ok()) return stmt.status();
      CRADLE_RETURN_IF_ERROR(stmt->Bind(1, user_id).Bind(2, password_hash).Bind(3, now).Run());
      if (db_.Changes() != 1) return Status::NotFound("no user has id " + std::to_string(user_id));
      return end_sessions ? EndOpenSessions(db_, user_id, now) : Status::Ok();
    });
  }

  Status AddSession(const SessionRow& session, const LoginAttemptRow& attempt,
                    const AuditSeal& audit) override {
    return InTransaction(db_, audit, [&]() -> Status {
      auto stmt = db_.Prepare(
          "INSERT INTO login_session (token_hash, user_id, csrf_token, address, created_at, "
          "last_seen_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      if (!stmt.ok()) return stmt.status();
      CRADLE_RETURN_IF_ERROR(stmt->Bind(1, session.token_hash)
                                 .Bind(2, session.user_id)
                                 .Bind(3, session.csrf_token)
                                 .Bind(4, session.address)
                                 .Bind(5, session.created_at)
                                 .Bind(6, session.last_seen_at)
                                 .Run());
      return InsertAttempt(db_, attempt, /*counted=*/true);
    });
  }

  Status AddFailedLogin(const LoginAttemptRow& attempt, bool count_it,
                        const AuditSeal& audit) override {
    return InTransaction(db_, audit, [&] { return InsertAttempt(db_, attempt, count_it); });
  }

  Result<int64_t> FailuresForUsername(std::string_view username, int64_t since) override {
    return Count(db_,
                 "SELECT count(*) FROM login_attempt WHERE username = ?1 AND succeeded = 0 AND "
                 "counted = 1 AND at >= ?2 AND id > COALESCE((SELECT max(id) FROM login_attempt "
                 "WHERE username = ?1 AND succeeded = 1), 0)",
                 username, since);
  }

  Result<int64_t> FailuresFromAddress(std::string_view address, int64_t since) override {
    return Count(db_,
                 "SELECT count(*) FROM login_attempt WHERE address = ?1 AND succeeded = 0 AND "
                 "counted = 1 AND at >= ?2",
                 address, since);
  }

  Result<std::optional<SessionRow>> FindOpenSession(std::string_view token_hash) override {
    auto stmt = db_.Prepare(
        "SELECT token_hash, user_id, csrf_token, address, created_at, last_seen_at FROM "
        "login_session WHERE token_hash = ?1 AND ended_at IS NULL");
    if (!stmt.ok()) return stmt.status();
    auto row = stmt->Bind(1, token_hash).Step();
    if (!row.ok()) return row.status();
    if (!*row) return std::optional<SessionRow>();
    SessionRow session;
    session.token_hash = stmt->ColumnText(0);
    session.user_id = stmt->ColumnInt64(1);
    session.csrf_token = stmt->ColumnText(2);
    session.address = stmt->ColumnText(3);
    session.created_at = stmt->ColumnInt64(4);
    session.last_seen_at = stmt->ColumnInt64(5);
    return std::optional<SessionRow>(std::move(session));
  }

  Status TouchSession(std::string_view token_hash, int64_t now) override {
    auto stmt = db_.Prepare(
        "UPDATE login_session SET last_seen_at = ?2 WHERE token_hash = ?1 AND ended_at IS NULL");
    if (!stmt.ok()) return stmt.status();
    return stmt->Bind(1, token_hash).Bind(2, now).Run();
  }

  Status EndSession(std::string_view token_hash, int64_t now, const AuditSeal& audit) override {
    return InTransaction(db_, audit, [&]() -> Status {
      auto stmt = db_.Prepare(
          "UPDATE login_session SET ended_at = ?2 WHERE token_hash = ?1 AND ended_at IS NULL");
      if (!stmt.ok()) return stmt.status();
      CRADLE_RETURN_IF_ERROR(stmt->Bind(1, token_hash).Bind(2, now).Run());
      if (db_.Changes() != 1) return Status::NotFound("the session has already ended");
      return Status::Ok();
    });
  }

 private:
  Database& db_;
};

}  // namespace

std::unique_ptr<AccountStore> NewSqliteAccountStore(Database& db) {
  return std::make_unique<SqliteAccountStore>(db);
}

}  // namespace cradle::store::internal
