// The Open Referral UK read API under /oruk: the service directory for anyone
// to read and re-use (no login, `Access-Control-Allow-Origin: *`), GET (and
// HEAD) only. `/oruk/` gives the API's meta; `/services` (search, page,
// per_page, taxonomy_term_id, taxonomy_id, minimum_age, maximum_age, age,
// status, postcode, lat, lng, proximity), `/services/{id}` fully nested,
// `/taxonomies`, `/taxonomy_terms` and `/service_at_locations`, lists in
// ORUK's page envelope. A bad parameter is 400 {"error"} naming it; an
// unknown id 404. Responses are computed for each request, never cached, so
// an admin's edit and the stale flag (judged on `today`) show at once.
//
// Not thread-safe: the app serialises calls, as for every store read.
#pragma once

#include "records/date.h"
#include "store/directory_store.h"
#include "web/http_message.h"

namespace cradle::web {

// True for the paths this API answers: /oruk and everything under /oruk/.
bool IsOrukPath(const std::string& path);

Response HandleOruk(store::DirectoryStore& directory, const Request& request, records::Date today);

}  // namespace cradle::web
