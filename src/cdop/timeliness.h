// How promptly each review moved through the process against the CDOP's own
// targets, in days from the death: notification (48 hours), the child death
// review meeting (about 3 months) and the panel (3 to 6 months). The targets
// are local practice, not statute (DOMAIN.md §1.1), so they are read from
// data/cdop/timeliness.json rather than fixed here. A step is on time, late,
// overdue (not done and past its target on the day asked) or not yet due.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "records/review_record.h"

namespace cradle::cdop {

struct TimelinessTargets {
  int notification_days = 2;
  int review_meeting_days = 91;
  int panel_days = 183;
};

// Reads data/cdop/timeliness.json-shaped `path`. InvalidData naming the file
// and key for a missing key or a value that is not a whole number of days
// from 0 to 3650, or targets out of the process's order.
Result<TimelinessTargets> LoadTimelinessTargets(const std::string& path);
// The bundled file under `data_dir`.
std::string TimelinessTargetsPath(const std::string& data_dir);

enum class StepStatus { kOnTime, kLate, kOverdue, kNotYetDue };
std::string_view StepStatusName(StepStatus status);  // "on time", "late", ...

struct StepTiming {
  std::optional<int> days;  // from the death, when the step happened
  int target_days = 0;
  StepStatus status = StepStatus::kNotYetDue;
};

struct ReviewTimeliness {
  StepTiming notification, review_meeting, panel;
};

// On `today`.
ReviewTimeliness Timeliness(const records::ReviewRecord& review, const TimelinessTargets& targets,
                            const records::Date& today);

struct StepSummary {
  std::string step;  // "Notification", "Child death review meeting", "CDOP panel"
  int target_days = 0;
  int64_t on_time = 0, late = 0, overdue = 0, not_yet_due = 0;
  std::optional<double> median_days;  // of the steps that happened
};

std::vector<StepSummary> SummariseTimeliness(const std::vector<records::ReviewRecord>& reviews,
                                             const TimelinessTargets& targets,
                                             const records::Date& today);

}  // namespace cradle::cdop
