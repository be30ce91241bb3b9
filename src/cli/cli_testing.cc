#include "cli/cli_testing.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>

namespace cradle::cli::testing {

CommandRun Shell(const std::string& command) {
  CommandRun run;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer;
  size_t got;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    run.out.append(buffer.data(), got);
  }
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

CommandRun Cradle(const std::string& args) {
  return Shell(std::string(CRADLE_BINARY) + " " + args);
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace cradle::cli::testing
