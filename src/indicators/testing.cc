#include "indicators/testing.h"

#include <unistd.h>

#include <filesystem>

#include "opendata/bundled.h"

namespace cradle::indicators::testing {

const BundledEngine& Bundled() {
  static const BundledEngine* bundled = [] {
    auto* out = new BundledEngine();
    auto path = std::filesystem::temp_directory_path() /
                ("cradle_indicators_test_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    auto store = store::OpenSqliteStore(path.string());
    if (!store.ok()) {
      out->status = store.status();
      return out;
    }
    out->store = std::move(*store);
    auto loaded = opendata::LoadBundledOpenData(*out->store, opendata::DefaultDataDir());
    if (!loaded.ok()) {
      out->status = loaded.status();
      return out;
    }
    auto catalogue = Catalogue::Load(DefaultCataloguePath());
    if (!catalogue.ok()) {
      out->status = catalogue.status();
      return out;
    }
    out->catalogue = std::make_unique<Catalogue>(std::move(*catalogue));
    auto engine = Engine::FromStore(*out->store, *out->catalogue);
    if (!engine.ok()) {
      out->status = engine.status();
      return out;
    }
    out->engine = std::move(*engine);
    return out;
  }();
  return *bundled;
}

}  // namespace cradle::indicators::testing
