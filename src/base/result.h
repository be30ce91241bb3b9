// Result<T> holds either a value of type T or a non-OK Status explaining why
// there is none (absl::StatusOr in spirit; std::expected once we move to C++23).
// Check ok() before using * or ->.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "base/status.h"

namespace cradle {

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(state_).ok() && "Result needs a value or a non-OK status");
  }

  bool ok() const { return std::holds_alternative<T>(state_); }

  // OK when a value is held.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(state_); }

  // REQUIRES: ok()
  const T& value() const& { return std::get<T>(state_); }
  T& value() & { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace cradle

// Returns the Status of `expr` from the enclosing function if it is not OK.
#define CRADLE_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::cradle::Status cradle_status_ = (expr);        \
    if (!cradle_status_.ok()) return cradle_status_; \
  } while (0)

#define CRADLE_CONCAT_INNER_(a, b) a##b
#define CRADLE_CONCAT_(a, b) CRADLE_CONCAT_INNER_(a, b)

// Evaluates `expr` (a Result), returns its Status from the enclosing function
// if it is not OK, else moves its value into `lhs`.
#define CRADLE_ASSIGN_OR_RETURN(lhs, expr)                    \
  auto CRADLE_CONCAT_(cradle_result_, __LINE__) = (expr);     \
  if (!CRADLE_CONCAT_(cradle_result_, __LINE__).ok())         \
    return CRADLE_CONCAT_(cradle_result_, __LINE__).status(); \
  lhs = std::move(*CRADLE_CONCAT_(cradle_result_, __LINE__))
