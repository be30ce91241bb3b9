#include "web/test_client.h"

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>

namespace cradle::web::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

ClientResponse Convert(const http::response<http::string_body>& response) {
  ClientResponse out;
  out.status = static_cast<int>(response.result_int());
  for (const auto& field : response) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.headers[name] = std::string(field.value());
  }
  out.body = response.body();
  return out;
}

ClientResponse Exchange(tcp::socket& socket, beast::flat_buffer& buffer, const std::string& target,
                        const std::string& method, const std::string& body,
                        const std::map<std::string, std::string>& headers, bool keep_alive) {
  http::request<http::string_body> request(http::string_to_verb(method), target, 11);
  request.set(http::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  request.keep_alive(keep_alive);
  request.prepare_payload();
  http::write(socket, request);
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  http::read(socket, buffer, parser);
  return Convert(parser.get());
}

tcp::socket Connect(asio::io_context& io, uint16_t port) {
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  return socket;
}

}  // namespace

ClientResponse Fetch(uint16_t port, const std::string& target, const std::string& method,
                     const std::string& body, const std::map<std::string, std::string>& headers) {
  asio::io_context io;
  tcp::socket socket = Connect(io, port);
  beast::flat_buffer buffer;
  return Exchange(socket, buffer, target, method, body, headers, false);
}

std::string SendRaw(uint16_t port, const std::string& bytes) {
  asio::io_context io;
  tcp::socket socket = Connect(io, port);
  asio::write(socket, asio::buffer(bytes));
  std::string answer;
  beast::error_code ec;
  char chunk[4096];
  for (;;) {
    size_t n = socket.read_some(asio::buffer(chunk), ec);
    answer.append(chunk, n);
    if (ec) break;
  }
  return answer;
}

std::vector<ClientResponse> FetchKeptAlive(uint16_t port, const std::vector<std::string>& targets) {
  asio::io_context io;
  tcp::socket socket = Connect(io, port);
  beast::flat_buffer buffer;
  std::vector<ClientResponse> responses;
  for (const std::string& target : targets) {
    responses.push_back(Exchange(socket, buffer, target, "GET", "", {}, true));
  }
  return responses;
}

}  // namespace cradle::web::testing
