// cradle user add|disable|reset|list
// Manages who may log in to Cradle. Passwords are read from --password-file,
// or typed at a prompt (twice, not echoed), or read as one line from standard
// input; never from the command line, where other users could see them.
// Every change is recorded in the audit log as made by "system" from "cli".
#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <memory>

#include "accounts/pseudonym.h"
#include "accounts/users.h"
#include "audit/clock.h"
#include "audit/log.h"
#include "cli/command.h"
#include "cli/text_table.h"

namespace cradle::cli {
namespace {

struct UserArgs {
  std::string db_path;
  std::string username;
  std::string display_name;
  std::string role;
  std::string organisation;
  std::string password_file;
};

// What a user command works on: the store and its audit log.
struct UserContext {
  audit::SystemClock clock;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<audit::Log> log;
};

Result<std::unique_ptr<UserContext>> OpenContext(const std::string& db_path) {
  auto context = std::make_unique<UserContext>();
  std::string path = db_path;
  if (path.empty()) {
    CRADLE_ASSIGN_OR_RETURN(path, store::DefaultStorePath());
  }
  CRADLE_ASSIGN_OR_RETURN(context->store, store::OpenSqliteStore(path));
  CRADLE_ASSIGN_OR_RETURN(std::string key_dir, accounts::DefaultKeyDirectory());
  CRADLE_ASSIGN_OR_RETURN(context->log, audit::Log::Open(*context->store, key_dir, context->clock));
  return context;
}

std::string StripNewline(std::string line) {
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

// Reads a line from the terminal without echoing it.
std::string PromptHidden(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios saved{};
  bool restore = ::tcgetattr(STDIN_FILENO, &saved) == 0;
  if (restore) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (restore) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::cerr << "\n";
  return StripNewline(line);
}

Result<std::string> ReadPassword(const UserArgs& args) {
  if (!args.password_file.empty()) {
    std::ifstream file(args.password_file);
    if (!file) return Status::IoError("cannot read the password file " + args.password_file);
    std::string line;
    std::getline(file, line);
    return StripNewline(line);
  }
  if (::isatty(STDIN_FILENO)) {
    std::string first = PromptHidden("Password for " + args.username + ": ");
    std::string second = PromptHidden("The same again: ");
    if (first != second) return Status::InvalidArgument("the two passwords differ");
    return first;
  }
  std::string line;
  if (!std::getline(std::cin, line)) {
    return Status::InvalidArgument(
        "no password: give --password-file FILE, type it at the prompt, or pipe it on standard "
        "input");
  }
  return StripNewline(line);
}

std::string Cli() { return "cli"; }

Status RunAdd(const UserArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto context, OpenContext(args.db_path));
  CRADLE_ASSIGN_OR_RETURN(std::string password, ReadPassword(args));
  accounts::Users users(*context->store, *context->log, {});
  CRADLE_ASSIGN_OR_RETURN(accounts::User user, users.Add({args.username, args.display_name,
                                                          args.role, args.organisation, password},
                                                         audit::Actor::System(Cli())));
  out << "Added " << user.username << " (" << user.display_name << "), "
      << accounts::RoleName(user.role) << " at " << user.organisation << ".\n";
  return Status::Ok();
}

Status RunDisable(const UserArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto context, OpenContext(args.db_path));
  accounts::Users users(*context->store, *context->log, {});
  CRADLE_RETURN_IF_ERROR(users.Disable(args.username, audit::Actor::System(Cli())));
  out << "Disabled " << args.username << "; their sessions have ended.\n";
  return Status::Ok();
}

Status RunReset(const UserArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto context, OpenContext(args.db_path));
  accounts::Users users(*context->store, *context->log, {});
  CRADLE_RETURN_IF_ERROR(users.Find(args.username).status());
  CRADLE_ASSIGN_OR_RETURN(std::string password, ReadPassword(args));
  CRADLE_RETURN_IF_ERROR(users.ResetPassword(args.username, password, audit::Actor::System(Cli())));
  out << "Gave " << args.username << " a new password; their sessions have ended.\n";
  return Status::Ok();
}

Status RunList(const UserArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto context, OpenContext(args.db_path));
  accounts::Users users(*context->store, *context->log, {});
  CRADLE_ASSIGN_OR_RETURN(std::vector<accounts::User> list, users.List());
  if (list.empty()) {
    out << "No users yet: add one with cradle user add.\n";
    return Status::Ok();
  }
  TextTable table({{"Username"},
                   {"Name"},
                   {"Role"},
                   {"Organisation"},
                   {"Status"},
                   {"Created (UTC)"},
                   {"Changed (UTC)"}});
  for (const accounts::User& user : list) {
    table.AddRow({user.username, user.display_name, std::string(accounts::RoleName(user.role)),
                  user.organisation, user.disabled ? "disabled" : "active",
                  audit::FormatUtc(user.created_at), audit::FormatUtc(user.updated_at)});
  }
  table.Print(out);
  return Status::Ok();
}

void AddDb(CLI::App& app, UserArgs& args) {
  app.add_option("--db", args.db_path,
                 "SQLite store to use (default: $XDG_DATA_HOME/cradle/cradle.db or "
                 "~/.local/share/cradle/cradle.db)");
}

void AddPasswordFile(CLI::App& app, UserArgs& args) {
  app.add_option("--password-file", args.password_file,
                 "Read the password from the first line of FILE (default: prompt, or one line "
                 "on standard input)");
}

}  // namespace

Command AddUserCommand(CLI::App& parent) {
  auto args = std::make_shared<UserArgs>();
  CLI::App* app = parent.add_subcommand(
      "user", "Manage who may log in: add, disable, reset (a new password) and list users");
  app->require_subcommand(1);
  CLI::App* add = app->add_subcommand("add",
                                      "Add a user (their password from --password-file, "
                                      "a prompt or standard input)");
  add->add_option("--username", args->username, "Login name: 3-64 of a-z, 0-9, '.', '_', '-'")
      ->required();
  add->add_option("--name", args->display_name, "The person's name as shown")->required();
  add->add_option("--role", args->role, "practitioner, analyst, cdop_member or admin")->required();
  add->add_option("--organisation", args->organisation, "The organisation they work for")
      ->required();
  AddPasswordFile(*add, *args);
  AddDb(*add, *args);
  CLI::App* disable = app->add_subcommand("disable", "Disable a user and end their sessions");
  disable->add_option("username", args->username, "The user to disable")->required();
  AddDb(*disable, *args);
  CLI::App* reset =
      app->add_subcommand("reset", "Give a user a new password and end their sessions");
  reset->add_option("username", args->username, "The user")->required();
  AddPasswordFile(*reset, *args);
  AddDb(*reset, *args);
  CLI::App* list = app->add_subcommand("list", "List every user with role and organisation");
  AddDb(*list, *args);
  return {app, [=](std::ostream& out) {
            if (add->parsed()) return RunAdd(*args, out);
            if (disable->parsed()) return RunDisable(*args, out);
            if (reset->parsed()) return RunReset(*args, out);
            return RunList(*args, out);
          }};
}

}  // namespace cradle::cli
