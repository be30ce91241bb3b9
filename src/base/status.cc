#include "base/status.h"

namespace cradle {
namespace {

struct CodeRow {
  StatusCode code;
  std::string_view name;
  int exit_code;
  int http_status;
};

// Exit codes follow sysexits.h where one fits (64 usage, 65 data, 66 no input,
// 74 I/O, 70 software, 77 permission).
constexpr CodeRow kCodeTable[] = {
    {StatusCode::kOk, "OK", 0, 200},
    {StatusCode::kInvalidArgument, "Invalid argument", 64, 400},
    {StatusCode::kNotFound, "Not found", 66, 404},
    {StatusCode::kInvalidData, "Invalid data", 65, 422},
    {StatusCode::kPermissionDenied, "Permission denied", 77, 403},
    {StatusCode::kIoError, "I/O error", 74, 500},
    {StatusCode::kInternal, "Internal error", 70, 500},
};

const CodeRow& Row(StatusCode code) {
  for (const CodeRow& row : kCodeTable) {
    if (row.code == code) return row;
  }
  return kCodeTable[6];
}

}  // namespace

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(CodeName(code_)) + ": " + message_;
}

std::string_view CodeName(StatusCode code) { return Row(code).name; }
int ExitCode(StatusCode code) { return Row(code).exit_code; }
int HttpStatus(StatusCode code) { return Row(code).http_status; }

}  // namespace cradle
