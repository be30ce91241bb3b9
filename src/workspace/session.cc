#include "workspace/session.h"

#include <chrono>
#include <iostream>

#include "opendata/bundled.h"

namespace cradle::workspace {

Result<std::unique_ptr<Session>> Session::Open(const SessionOptions& options) {
  auto session = std::make_unique<Session>();
  session->db_path_ = options.db_path;
  session->engine_options_ = options.engine;
  if (session->db_path_.empty()) {
    CRADLE_ASSIGN_OR_RETURN(session->db_path_, store::DefaultStorePath());
  }
  CRADLE_ASSIGN_OR_RETURN(session->store_, store::OpenSqliteStore(session->db_path_));
  CRADLE_ASSIGN_OR_RETURN(
      auto outcomes, opendata::LoadBundledOpenData(*session->store_, opendata::DefaultDataDir()));
  for (const opendata::LoadOutcome& outcome : outcomes) {
    if (outcome.loaded && !options.quiet) {
      std::cerr << "cradle: loaded " << outcome.file << " (" << outcome.counts << " counts, "
                << outcome.areas << " areas) into " << session->db_path_ << "\n";
    }
  }
  CRADLE_ASSIGN_OR_RETURN(auto catalogue,
                          indicators::Catalogue::Load(indicators::DefaultCataloguePath()));
  session->catalogue_ = std::make_unique<indicators::Catalogue>(std::move(catalogue));
  CRADLE_RETURN_IF_ERROR(session->Reload());
  return session;
}

Status Session::Reload() {
  CRADLE_ASSIGN_OR_RETURN(engine_,
                          indicators::Engine::FromStore(*store_, *catalogue_, engine_options_));
  return Status::Ok();
}

records::Date Today() {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return records::Date::FromDays(static_cast<int>(days.time_since_epoch().count()));
}

}  // namespace cradle::workspace
