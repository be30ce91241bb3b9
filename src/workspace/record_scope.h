// The stored records as every analysis of them reads them (the CLI's
// inequalities, standardise, booking and spc; the web app's pages): loaded
// once, with the area they cover, the default period (the latest three years
// of births), the small-number rule in force, and what must be said under any
// figure from them — that they are synthetic when they are, and the licence
// attributions of the open data used.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "indicators/period.h"
#include "inequalities/record_frame.h"
#include "workspace/session.h"

namespace cradle::workspace {

struct RecordScope {
  inequalities::RecordFrame frame;
  int disclosure_min_count = 5;
  // "Leicester (E06000016)" when the records' LSOAs lie in one local
  // authority, else "all areas in the store".
  std::string area_label;
  std::string area_code;  // the one local authority, else ""

  // The latest three years of births (fewer if the records hold fewer).
  indicators::Period DefaultPeriod() const;
  // "Synthetic data: …" when any record is synthetic, else "".
  std::string SyntheticNotice() const;
  // The frame's attributions, then `extra`, without repeats.
  std::vector<std::string> Attributions(const std::vector<std::string>& extra = {}) const;
  // "Counts from 1 to 4 are not shown, …", or "" when the rule is off.
  std::string SmallNumberRule() const;
};

// NotFound (with what to run) if the store holds no births.
Result<RecordScope> LoadRecordScope(Session& session, int disclosure_min_count);

}  // namespace cradle::workspace
