#include "web/routes.h"

namespace cradle::web {

bool Reads(const Request& request) { return request.method == "GET" || request.method == "HEAD"; }

records::Date TodayOf(const audit::Clock& clock) {
  return records::Date::FromDays(static_cast<int>(clock.Now() / 86400));
}

Response Redirect(const std::string& location) {
  Response response = Response::Text(303, "text/plain; charset=utf-8", "See " + location + "\n");
  response.headers.emplace_back("Location", location);
  return response;
}

Response NotAllowed(const std::string& method, const std::string& allow) {
  Response response = Response::Text(405, "text/plain; charset=utf-8",
                                     method + " is not allowed here; allowed: " + allow + "\n");
  response.headers.emplace_back("Allow", allow);
  return response;
}

}  // namespace cradle::web
