// What every entry point that reads data needs (the CLI's subcommands, the web
// app, reports): the store (the embedded SQLite file from --db or the default
// path), the bundled open data loaded into it if missing or changed, the
// indicator catalogue and an engine over them.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "base/result.h"
#include "indicators/catalogue.h"
#include "indicators/engine.h"
#include "records/date.h"
#include "store/store.h"

namespace cradle::workspace {

struct SessionOptions {
  std::string db_path;  // empty: store::DefaultStorePath()
  indicators::EngineOptions engine;
  bool quiet = false;  // no "loaded …" lines on the log
};

class Session {
 public:
  // Reports what it loads on `log` (stderr for the CLI) unless quiet.
  static Result<std::unique_ptr<Session>> Open(const SessionOptions& options);

  store::Store& store() { return *store_; }
  const indicators::Catalogue& catalogue() const { return *catalogue_; }
  const indicators::Engine& engine() const { return *engine_; }
  const std::string& db_path() const { return db_path_; }

  // Rebuilds the engine from the store, after records or counts were added.
  Status Reload();

 private:
  std::string db_path_;
  indicators::EngineOptions engine_options_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<indicators::Catalogue> catalogue_;
  std::unique_ptr<indicators::Engine> engine_;
};

// Today's date (UTC): imports refuse records dated after it.
records::Date Today();

}  // namespace cradle::workspace
