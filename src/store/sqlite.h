// A thin RAII layer over the SQLite C API: a connection, prepared statements
// with typed binds and reads, and a transaction that rolls back unless
// committed. Every failure is a Status carrying SQLite's own message. Nothing
// here knows Cradle's schema. A Database and its statements are used from one
// thread at a time (SQLite's multi-thread mode); different Databases may be
// used from different threads.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace cradle::store {

class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  // Binds are 1-based as in SQLite. An empty optional binds NULL.
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, std::optional<double> value);
  Statement& BindNull(int index);
  // Binds text that SQLite reads in place instead of copying (bulk inserts
  // bind millions of fields). REQUIRES: `value` stays alive and unchanged
  // until the statement has been stepped for the last time with it.
  Statement& BindView(int index, std::string_view value);

  // true when a row is ready to read, false when the statement is done.
  Result<bool> Step();
  // Steps through every remaining row, calling `each` with the statement on
  // it; the first error ends it.
  Status ForEachRow(const std::function<void(const Statement&)>& each);
  // Every remaining row, each made by `read(statement)`, in order.
  template <typename Read>
  auto Rows(Read read) -> Result<std::vector<decltype(read(std::declval<const Statement&>()))>> {
    std::vector<decltype(read(std::declval<const Statement&>()))> rows;
    CRADLE_RETURN_IF_ERROR(ForEachRow([&](const Statement& row) { rows.push_back(read(row)); }));
    return rows;
  }
  // Runs the statement to completion and resets it for the next binds.
  Status Run();
  // As Run, but keeps the bindings: cheaper when every parameter is bound
  // again before the next run (clearing a 1,000-parameter insert is not free).
  Status RunKeepingBindings();
  void Reset();

  int64_t ColumnInt64(int index) const;
  double ColumnDouble(int index) const;
  std::string ColumnText(int index) const;
  bool ColumnIsNull(int index) const;

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = SQLITE_OK;
};

class Database {
 public:
  // Opens (creating if absent) the database at `path`, with foreign keys on and
  // the WAL journal so readers do not block the writer. A new database gets
  // 16 KB pages (bulk inserts of records run about a quarter faster than with
  // the default 4 KB); an existing one keeps its page size. IoError on failure.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Status Exec(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);
  // Rows changed by the last INSERT, UPDATE or DELETE on this connection.
  int64_t Changes() const;
  // The rowid of the last row this connection inserted.
  int64_t LastInsertRowId() const;
  const std::string& path() const { return path_; }

 private:
  Database() = default;
  sqlite3* db_ = nullptr;
  std::string path_;
};

// Begins a transaction; the destructor rolls it back unless Commit() succeeded,
// so an early return or an error leaves the store as it was.
class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> Begin(Database& db);
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Database& db) : db_(db) {}
  Database& db_;
  bool done_ = false;
};

}  // namespace cradle::store
