#include "cdop/timeliness.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

namespace cradle::cdop {
namespace {

StepTiming Step(const records::Date& death, const std::optional<records::Date>& done, int target,
                const records::Date& today) {
  StepTiming step;
  step.target_days = target;
  if (done) {
    step.days = *done - death;
    step.status = *step.days <= target ? StepStatus::kOnTime : StepStatus::kLate;
  } else {
    step.status = today - death > target ? StepStatus::kOverdue : StepStatus::kNotYetDue;
  }
  return step;
}

std::optional<double> Median(std::vector<int> days) {
  if (days.empty()) return std::nullopt;
  std::sort(days.begin(), days.end());
  const size_t mid = days.size() / 2;
  return days.size() % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2.0;
}

}  // namespace

std::string TimelinessTargetsPath(const std::string& data_dir) {
  return data_dir + "/cdop/timeliness.json";
}

Result<TimelinessTargets> LoadTimelinessTargets(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read the timeliness targets " + path);
  nlohmann::json json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return Status::InvalidData(path + ": not a JSON object");
  }
  TimelinessTargets targets;
  for (auto [key, field] : {std::pair{"notification_days", &targets.notification_days},
                            std::pair{"review_meeting_days", &targets.review_meeting_days},
                            std::pair{"panel_days", &targets.panel_days}}) {
    auto it = json.find(key);
    if (it == json.end()) return Status::InvalidData(path + ": '" + key + "' is missing");
    if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > 3650) {
      return Status::InvalidData(path + ": '" + key + "' is " + it->dump() +
                                 "; give a whole number of days from 0 to 3650");
    }
    *field = it->get<int>();
  }
  if (targets.notification_days > targets.review_meeting_days ||
      targets.review_meeting_days > targets.panel_days) {
    return Status::InvalidData(path +
                               ": the targets must run in the process's order: notification_days "
                               "<= review_meeting_days <= panel_days");
  }
  return targets;
}

std::string_view StepStatusName(StepStatus status) {
  switch (status) {
    case StepStatus::kOnTime:
      return "on time";
    case StepStatus::kLate:
      return "late";
    case StepStatus::kOverdue:
      return "overdue";
    case StepStatus::kNotYetDue:
      return "not yet due";
  }
  return "";
}

ReviewTimeliness Timeliness(const records::ReviewRecord& review, const TimelinessTargets& targets,
                            const records::Date& today) {
  return {Step(review.date_of_death, review.notified_on, targets.notification_days, today),
          Step(review.date_of_death, review.cdrm_on, targets.review_meeting_days, today),
          Step(review.date_of_death, review.panel_on, targets.panel_days, today)};
}

std::vector<StepSummary> SummariseTimeliness(const std::vector<records::ReviewRecord>& reviews,
                                             const TimelinessTargets& targets,
                                             const records::Date& today) {
  std::vector<StepSummary> summary(3);
  summary[0].step = "Notification";
  summary[0].target_days = targets.notification_days;
  summary[1].step = "Child death review meeting";
  summary[1].target_days = targets.review_meeting_days;
  summary[2].step = "CDOP panel";
  summary[2].target_days = targets.panel_days;
  std::vector<std::vector<int>> days(3);
  for (const records::ReviewRecord& review : reviews) {
    const ReviewTimeliness timing = Timeliness(review, targets, today);
    const StepTiming* steps[] = {&timing.notification, &timing.review_meeting, &timing.panel};
    for (size_t idx = 0; idx < 3; ++idx) {
      StepSummary& step = summary[idx];
      switch (steps[idx]->status) {
        case StepStatus::kOnTime:
          ++step.on_time;
          break;
        case StepStatus::kLate:
          ++step.late;
          break;
        case StepStatus::kOverdue:
          ++step.overdue;
          break;
        case StepStatus::kNotYetDue:
          ++step.not_yet_due;
          break;
      }
      if (steps[idx]->days) days[idx].push_back(*steps[idx]->days);
    }
  }
  for (size_t idx = 0; idx < 3; ++idx) summary[idx].median_days = Median(days[idx]);
  return summary;
}

}  // namespace cradle::cdop
