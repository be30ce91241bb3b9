// A blocking HTTP/1.1 client for the web tests: one request per call on a
// fresh loopback connection, or several on one kept-alive connection.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cradle::web::testing {

struct ClientResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

ClientResponse Fetch(uint16_t port, const std::string& target, const std::string& method = "GET",
                     const std::string& body = "",
                     const std::map<std::string, std::string>& headers = {});

// Sends raw bytes and returns whatever the server answers before closing.
std::string SendRaw(uint16_t port, const std::string& bytes);

// Several GETs on one connection; the server must keep it alive.
std::vector<ClientResponse> FetchKeptAlive(uint16_t port, const std::vector<std::string>& targets);

}  // namespace cradle::web::testing
