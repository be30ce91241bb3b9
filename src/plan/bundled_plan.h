// The bundled plan (data/plan/leicester.json) put into a store that has none,
// as the web app and `cradle load` do, so the steering group's pages have a
// plan to show from the first run. A store with a plan keeps its own.
#pragma once

#include <string>

#include "base/result.h"
#include "store/store.h"

namespace cradle::plan {

// True if it loaded the plan, false if the store already had one.
Result<bool> LoadBundledPlanIfEmpty(store::Store& store, const std::string& data_dir);

}  // namespace cradle::plan
