// A request as the web app's handlers see it and the response they give:
// plain values, no Beast types, so handlers are tested without a socket.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cradle::web {

struct Request {
  std::string method;                        // "GET", "HEAD", "POST", …
  std::string target;                        // as sent: path and query, e.g. "/api/v1/areas?q=leic"
  std::string path;                          // percent-decoded path, e.g. "/api/v1/areas"
  std::map<std::string, std::string> query;  // decoded; a repeated name keeps its last value
  std::string body;
  // Lower-case names; a repeated header's values joined with ", " (RFC 9110
  // 5.3), except Cookie's, joined with "; " (RFC 6265 5.4).
  std::map<std::string, std::string> headers{};
  std::string client_address{};  // the peer's IP address, for the audit log and throttling
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  // Shared so a cached response is sent without copying it.
  std::shared_ptr<const std::string> body = std::make_shared<const std::string>();
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers

  static Response Text(int status, std::string content_type, std::string body) {
    Response response;
    response.status = status;
    response.content_type = std::move(content_type);
    response.body = std::make_shared<const std::string>(std::move(body));
    return response;
  }
};

}  // namespace cradle::web
