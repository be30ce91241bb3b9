#include "cli/session.h"

#include <iostream>

#include "opendata/bundled.h"

namespace cradle::cli {

Result<std::unique_ptr<Session>> Session::Open(const SessionOptions& options) {
  auto session = std::make_unique<Session>();
  session->db_path_ = options.db_path;
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
  CRADLE_ASSIGN_OR_RETURN(
      session->engine_,
      indicators::Engine::FromStore(*session->store_, *session->catalogue_, options.engine));
  return session;
}

}  // namespace cradle::cli
