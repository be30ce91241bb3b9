// Chromium is started with posix_spawn: no library in Debian prints HTML with
// CSS paged media and inline SVG to PDF as faithfully as the browser the
// pages are made for, and Boost.Process would add a compiled Boost library
// for one call.
#include "report/pdf.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>
#include <vector>

#include "base/file.h"

namespace cradle::report {
namespace {

std::string ChromiumPath(const PdfOptions& options) {
  if (!options.chromium.empty()) return options.chromium;
  if (const char* env = std::getenv("CRADLE_CHROMIUM"); env && *env) return env;
  return "/usr/bin/chromium";
}

}  // namespace

Status PrintToPdf(const std::string& html_path, const std::string& pdf_path,
                  const PdfOptions& options) {
  namespace fs = std::filesystem;
  const std::string chromium = ChromiumPath(options);
  if (access(chromium.c_str(), X_OK) != 0) {
    return Status::NotFound("cannot print to PDF: Chromium is not at " + chromium +
                            " (install Debian's chromium, or set CRADLE_CHROMIUM)");
  }
  std::error_code error;
  const fs::path html = fs::absolute(html_path, error);
  const fs::path pdf = fs::absolute(pdf_path, error);
  // A profile of its own, so a user's running browser is never touched.
  std::string profile_template = (fs::temp_directory_path() / "cradle-pdf-XXXXXX").string();
  if (mkdtemp(profile_template.data()) == nullptr) {
    return Status::IoError("cannot make a temporary folder for Chromium");
  }
  const fs::path profile = profile_template;
  const std::string log = (profile / "chromium.log").string();
  fs::remove(pdf, error);

  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-dev-shm-usage",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--disable-quic",
                                   "--user-data-dir=" + profile.string(),
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + pdf.string(),
                                   "file://" + html.string()};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, chromium.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    fs::remove_all(profile, error);
    return Status::Internal("cannot start " + chromium + ": " + std::strerror(spawned));
  }
  int wait_status = 0;
  bool finished = false;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    pid_t done = waitpid(pid, &wait_status, WNOHANG);
    if (done == pid) {
      finished = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (!finished) {
    kill(pid, SIGKILL);
    waitpid(pid, &wait_status, 0);
  }
  Result<std::string> logged = ReadFileBytes(log);
  const std::string output = logged.ok() ? *logged : std::string();
  fs::remove_all(profile, error);
  if (!finished) {
    return Status::Internal("Chromium did not print " + html.string() + " to PDF within " +
                            std::to_string(options.timeout_seconds) + " s");
  }
  bool ok = WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0;
  if (!ok || !fs::exists(pdf) || fs::file_size(pdf, error) == 0) {
    return Status::Internal("Chromium could not print " + html.string() + " to PDF: " + output);
  }
  return Status::Ok();
}

}  // namespace cradle::report
