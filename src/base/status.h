// A Status is the outcome of an operation a user can make fail: OK, or one of a
// few codes with a sentence that names the rule and the place ("births must be
// greater than zero for E06000016, 2020-22"). Each code maps to one exit code
// and one HTTP status, in one table (status.cc), so the CLI and the web layer
// agree. Programmer errors are assertions, never a Status.
#pragma once

#include <string>
#include <string_view>

namespace cradle {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // the caller asked for something malformed or out of range
  kNotFound,          // an area, period or indicator that is not in the data
  kInvalidData,       // input data (a file, a row, a field) breaks a rule
  kPermissionDenied,  // the user may not see or change this
  kIoError,           // a file or the database could not be read or written
  kInternal,          // a bug: should never reach a user
};

class Status {
 public:
  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message) {
    return Status(StatusCode::kInvalidArgument, std::move(message));
  }
  static Status NotFound(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status InvalidData(std::string message) {
    return Status(StatusCode::kInvalidData, std::move(message));
  }
  static Status PermissionDenied(std::string message) {
    return Status(StatusCode::kPermissionDenied, std::move(message));
  }
  static Status IoError(std::string message) {
    return Status(StatusCode::kIoError, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK" or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// The one table: a code's name, process exit code and HTTP status.
std::string_view CodeName(StatusCode code);
int ExitCode(StatusCode code);
int HttpStatus(StatusCode code);

}  // namespace cradle
