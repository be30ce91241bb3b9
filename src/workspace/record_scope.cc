#include "workspace/record_scope.h"

#include <algorithm>

#include "base/strings.h"

namespace cradle::workspace {

Result<RecordScope> LoadRecordScope(Session& session, int disclosure_min_count) {
  RecordScope scope;
  scope.disclosure_min_count = disclosure_min_count;
  CRADLE_ASSIGN_OR_RETURN(scope.frame, inequalities::LoadRecordFrame(session.store()));
  if (scope.frame.births.empty()) {
    return Status::NotFound("the store " + session.db_path() +
                            " holds no birth records: import some with `cradle import births "
                            "FILE.csv`, or make a synthetic Leicester with `cradle synth --out "
                            "DIR` and import its files");
  }
  scope.area_label = "all areas in the store";
  if (scope.frame.local_authorities.size() == 1) {
    scope.area_code = scope.frame.local_authorities.front();
    const store::Area* area = session.engine().FindArea(scope.area_code);
    scope.area_label = (area ? area->name + " (" + scope.area_code + ")" : scope.area_code);
  }
  return scope;
}

indicators::Period RecordScope::DefaultPeriod() const {
  int first = std::max(frame.first_year, frame.last_year - 2);
  return {first, frame.last_year - first + 1};
}

std::string RecordScope::SyntheticNotice() const {
  if (frame.synthetic_records == 0) return "";
  return "Synthetic data: not real people (" + WithThousands(frame.synthetic_records) +
         " records made by `cradle synth`, calibrated to published figures for Leicester).";
}

std::vector<std::string> RecordScope::Attributions(const std::vector<std::string>& extra) const {
  std::vector<std::string> lines;
  for (const auto* list : {&frame.attributions, &extra}) {
    for (const std::string& line : *list) {
      if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(line);
    }
  }
  return lines;
}

std::string RecordScope::SmallNumberRule() const {
  if (disclosure_min_count <= 1) return "";
  return "Counts from 1 to " + std::to_string(disclosure_min_count - 1) +
         " are not shown, nor what would reveal them.";
}

}  // namespace cradle::workspace
