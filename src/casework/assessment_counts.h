// How many safer-sleep assessments reached each risk level at each
// touchpoint in a period: an aggregate for the public tier, with the
// small-number rule of the records (base/disclosure.h): a count from
// 1 to min_count - 1 is hidden, and a touchpoint's levels are hidden
// together when any of them, or its total, is small, so none can be worked
// out by subtraction. There is deliberately no total across touchpoints,
// which would give a hidden row away. Reads no family, only counts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/store.h"

namespace cradle::casework {

// nullopt: hidden by the small-number rule.
struct TouchpointTally {
  std::string touchpoint;  // a touchpoint id, "" for assessments that recorded none
  std::optional<int64_t> total;
  std::optional<int64_t> universal;
  std::optional<int64_t> increased;
  std::optional<int64_t> high;
};

// One tally per touchpoint found in `assessments`, ordered by touchpoint.
// InvalidArgument if min_count < 0, InvalidData naming the assessment if
// its level is not one of the three.
Result<std::vector<TouchpointTally>> TallyAssessments(
    const std::vector<store::AssessmentRow>& assessments, int min_count);

// TallyAssessments of every assessment made in [from, to).
Result<std::vector<TouchpointTally>> CountAssessments(store::Store& store, int64_t from, int64_t to,
                                                      int min_count);

}  // namespace cradle::casework
