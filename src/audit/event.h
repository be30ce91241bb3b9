// What an audit entry says, before it is numbered and chained: who did it
// (the actor), what they did, to what, and a short detail. The actor is a
// user, or "public" (no login) or "system" (the command line, migrations).
#pragma once

#include <string>

namespace cradle::audit {

// Actions the log records; an entry's action is one of these names.
inline constexpr const char* kRead = "read";
inline constexpr const char* kCreate = "create";
inline constexpr const char* kUpdate = "update";
inline constexpr const char* kDelete = "delete";
inline constexpr const char* kExport = "export";
inline constexpr const char* kLogin = "login";
inline constexpr const char* kLoginFailed = "login_failed";
inline constexpr const char* kLogout = "logout";
inline constexpr const char* kSessionExpired = "session_expired";

struct Actor {
  std::string user;          // a username, "public" or "system"
  std::string role;          // the role name ("public", "system" for the command line)
  std::string organisation;  // "" for public and system
  std::string source;        // the client's address, or "cli"

  static Actor Public(std::string address) { return {"public", "public", "", std::move(address)}; }
  static Actor System(std::string source) { return {"system", "system", "", std::move(source)}; }
};

struct Event {
  Actor actor;
  std::string action;
  std::string object_type;  // e.g. "user", "session", "referral"
  std::string object_id;
  std::string detail;  // short, and never a password, token or NHS number
};

}  // namespace cradle::audit
