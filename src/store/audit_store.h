// Persistence of the audit log (src/audit/ gives it its meaning): entries as
// plain rows, appended one transaction each and never changed. The store
// does not compute hashes: Append reads the head of the log inside its
// transaction and asks the caller's AuditSeal for the finished row, so the
// chain's format lives in one place (audit/chain.h) and two writers cannot
// both chain from the same head. The SQLite schema also refuses UPDATE and
// DELETE on the entries with triggers.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/result.h"

namespace cradle::store {

// One entry of the log, as stored. `at` is Unix seconds (UTC).
struct AuditRow {
  int64_t sequence = 0;
  int64_t at = 0;
  std::string user;          // a username, "public" or "system"
  std::string role;          // the user's role name at the time
  std::string organisation;  // the user's organisation ("" for public/system)
  std::string action;        // read, create, update, delete, login, login_failed, logout, ...
  std::string object_type;
  std::string object_id;
  std::string detail;
  std::string source;         // client address, or "cli"
  std::string previous_hash;  // hex SHA-256 of the entry before (the genesis hash for the first)
  std::string hash;           // hex SHA-256 of previous_hash and this entry
};

// The last entry of the log; sequence 0 and an empty hash when it is empty.
struct AuditHead {
  int64_t sequence = 0;
  std::string hash;
};

// Given the head, returns the complete next row (sequence, hashes filled).
using AuditSeal = std::function<AuditRow(const AuditHead& previous)>;

class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // The log's random identity, made once when the schema was created; it
  // seeds the chain and names the file that records the head.
  virtual Result<std::string> LogId() = 0;

  // Appends `seal(head)` in one transaction and returns it. Internal if the
  // sealed row does not follow the head.
  virtual Result<AuditRow> Append(const AuditSeal& seal) = 0;

  // Every entry in sequence order, passed to `visit` one at a time.
  virtual Status ForEach(const std::function<void(const AuditRow&)>& visit) = 0;
  // The last `count` entries, oldest first.
  virtual Result<std::vector<AuditRow>> Last(int64_t count) = 0;
  virtual Result<AuditHead> Head() = 0;
};

}  // namespace cradle::store
