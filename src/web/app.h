// The Cradle web app: routes a request to a page, a table download, a static
// file or the JSON API, and answers with the security headers every response
// carries. Responses to GET requests are kept once computed (the data change
// only when the store is re-imported, and `cradle serve` is restarted then),
// so a page or an API value is computed once and then served from memory by
// every server thread at once; computing itself is serialised, because the
// indicator engine and the store are used from one thread at a time.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "accounts/pseudonym.h"
#include "accounts/user.h"
#include "audit/clock.h"
#include "base/result.h"
#include "geo/boundaries.h"
#include "web/http_message.h"
#include "web/static_files.h"
#include "workspace/record_scope.h"
#include "workspace/session.h"

namespace cradle::web {

class PageRenderer;
class HotspotScans;
class AccountRoutes;
class Routes;

struct AppOptions {
  std::string data_dir;       // holds web/ (templates, static, openapi.json) and open/ (boundaries)
  size_t max_cached = 20000;  // responses kept; beyond it, computed each time
  // Accounts (account_routes.h): where the audit log's head file goes (empty:
  // beside the pseudonym key, accounts::DefaultKeyDirectory()), the clock of
  // sessions and the audit log (null: the system's), their limits, and
  // whether cookies are marked Secure (served over TLS, behind a proxy).
  std::string audit_head_dir{};
  const audit::Clock* clock = nullptr;
  accounts::AccountOptions accounts{};
  bool secure_cookies = false;
  // The key of the NHS-number pseudonyms (empty: DefaultPseudonymKeyPath()).
  std::string pseudonym_key_path{};
};

// What the page builders read: the data, the boundaries, the request.
struct AppData {
  workspace::Session* session = nullptr;
  std::optional<workspace::RecordScope> records;  // empty when the store has no births
  std::vector<geo::Boundary> wards;
  std::vector<geo::Boundary> lsoas;
  std::vector<geo::Boundary> upper_tier;
  // Upper-tier authority → quintile of the IMD 2019 average score among the
  // 151 (1 = most deprived fifth), for the Compare page's filter.
  std::map<std::string, int> deprivation_quintile;
  // The neighbourhood scans, each run once (hotspot_scans.h).
  std::shared_ptr<HotspotScans> hotspots;
};

class WebApp {
 public:
  static Result<std::unique_ptr<WebApp>> Create(std::unique_ptr<workspace::Session> session,
                                                AppOptions options);
  ~WebApp();

  // Thread-safe.
  Response Handle(const Request& request);

  const AppData& data() const { return data_; }

 private:
  WebApp() = default;
  Response Compute(const Request& request);
  Response Download(const Request& request);
  Response ForUser(Routes& routes, const Request& request);

  AppOptions options_;
  std::unique_ptr<workspace::Session> session_;
  AppData data_;
  StaticFiles static_files_;
  std::string openapi_;
  std::unique_ptr<PageRenderer> renderer_;
  audit::SystemClock system_clock_;
  std::unique_ptr<AccountRoutes> accounts_;
  std::optional<accounts::Pseudonymiser> pseudonymiser_;
  std::vector<std::unique_ptr<Routes>> routes_;  // routes.h

  std::mutex compute_mutex_;
  std::shared_mutex cache_mutex_;
  std::unordered_map<std::string, Response> cache_;
};

// The headers on every response: a strict Content-Security-Policy (same
// origin only, no inline script or style, no framing), nosniff, no referrer.
void AddSecurityHeaders(Response& response);

}  // namespace cradle::web
