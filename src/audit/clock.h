// The time source of the security layer (audit entries, sessions, login
// throttling), passed in so tests can move time instead of waiting for it.
// Times are whole Unix seconds, UTC.
#pragma once

#include <cstdint>
#include <string>

namespace cradle::audit {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t Now() const = 0;
};

// The system's real-time clock.
class SystemClock final : public Clock {
 public:
  int64_t Now() const override;
};

// A clock that stands still until told to move (tests).
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t now) : now_(now) {}
  int64_t Now() const override { return now_; }
  void Advance(int64_t seconds) { now_ += seconds; }

 private:
  int64_t now_;
};

// "2026-11-27T08:00:00Z".
std::string FormatUtc(int64_t unix_seconds);

}  // namespace cradle::audit
