// What the CLI tests share: running a shell command, or the real `cradle`
// binary (CRADLE_BINARY, set by the build), and keeping what it printed and
// its exit code.
#pragma once

#include <string>

namespace cradle::cli::testing {

struct CommandRun {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs `command` with sh, stderr folded into stdout.
CommandRun Shell(const std::string& command);

// Runs `cradle <args>`.
CommandRun Cradle(const std::string& args);

bool Contains(const std::string& text, const std::string& part);

}  // namespace cradle::cli::testing
