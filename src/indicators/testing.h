// Test support: the bundled open data loaded once per test process into a
// fresh SQLite store, and an Engine over it.
#pragma once

#include <memory>

#include "indicators/catalogue.h"
#include "indicators/engine.h"
#include "store/store.h"

namespace cradle::indicators::testing {

struct BundledEngine {
  Status status;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<Catalogue> catalogue;
  std::unique_ptr<Engine> engine;
};

// Loaded on first call; check `status` before use.
const BundledEngine& Bundled();

}  // namespace cradle::indicators::testing
