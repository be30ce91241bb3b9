// What every data subcommand needs: the store (the embedded SQLite file from
// --db or the default path), the bundled open data loaded into it if missing
// or changed, the indicator catalogue and an engine over them.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "indicators/catalogue.h"
#include "indicators/engine.h"
#include "store/store.h"

namespace cradle::cli {

struct SessionOptions {
  std::string db_path;  // empty: store::DefaultStorePath()
  indicators::EngineOptions engine;
  bool quiet = false;  // no "loaded …" lines on stderr
};

class Session {
 public:
  static Result<std::unique_ptr<Session>> Open(const SessionOptions& options);

  store::Store& store() { return *store_; }
  const indicators::Catalogue& catalogue() const { return *catalogue_; }
  const indicators::Engine& engine() const { return *engine_; }
  const std::string& db_path() const { return db_path_; }

 private:
  std::string db_path_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<indicators::Catalogue> catalogue_;
  std::unique_ptr<indicators::Engine> engine_;
};

}  // namespace cradle::cli
