#include "plan/bundled_plan.h"

#include "plan/plan_file.h"

namespace cradle::plan {

Result<bool> LoadBundledPlanIfEmpty(store::Store& store, const std::string& data_dir) {
  auto plans = store.Plan();
  CRADLE_ASSIGN_OR_RETURN(bool has_plan, plans->HasPlan());
  if (has_plan) return false;
  CRADLE_ASSIGN_OR_RETURN(store::Plan plan, ReadPlanFile(BundledPlanPath(data_dir)));
  CRADLE_RETURN_IF_ERROR(plans->LoadPlan(plan));
  return true;
}

}  // namespace cradle::plan
