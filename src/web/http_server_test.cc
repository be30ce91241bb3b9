#include "web/http_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "web/test_client.h"

namespace cradle::web {
namespace {

using testing::Fetch;

// A server on a free loopback port, run on its own thread for one test.
class RunningServer {
 public:
  explicit RunningServer(Handler handler, ServerOptions options = {}) {
    options.port = 0;
    options.stop_on_signals = false;
    server_ = std::make_unique<HttpServer>(options, std::move(handler));
    Status status = server_->Listen();
    EXPECT_TRUE(status.ok()) << status.message();
    thread_ = std::thread([this] {
      server_->Run();
      returned_ = true;
    });
  }
  ~RunningServer() { StopAndJoin(); }
  void StopAndJoin() {
    if (!thread_.joinable()) return;
    server_->Stop();
    thread_.join();
  }
  uint16_t port() const { return server_->port(); }
  bool returned() const { return returned_; }

 private:
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::atomic<bool> returned_{false};
};

Response Echo(const Request& request) {
  std::string text = request.method + " " + request.path;
  for (const auto& [name, value] : request.query) text += " " + name + "=" + value;
  if (!request.body.empty()) text += " body=" + request.body;
  return Response::Text(200, "text/plain", text);
}

TEST(HttpServer, AnswersWithTheHandlersResponseAndDecodedTarget) {
  RunningServer server(Echo);
  auto response = Fetch(server.port(), "/a%20b?x=1&name=Leicester+City&empty=");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.headers["content-type"], "text/plain");
  EXPECT_EQ(response.body, "GET /a b empty= name=Leicester City x=1");
}

TEST(HttpServer, HeadGivesTheLengthWithoutTheBody) {
  RunningServer server(Echo);
  auto response = Fetch(server.port(), "/abc", "HEAD");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.headers["content-length"], std::to_string(std::string("HEAD /abc").size()));
  EXPECT_EQ(response.body, "");
}

TEST(HttpServer, KeepsAConnectionAliveAcrossRequests) {
  RunningServer server(Echo);
  auto responses = testing::FetchKeptAlive(server.port(), {"/one", "/two", "/three"});
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_EQ(responses[0].body, "GET /one");
  EXPECT_EQ(responses[2].body, "GET /three");
}

TEST(HttpServer, RefusesABodyOverTheLimitWith413) {
  ServerOptions options;
  options.max_body_bytes = 1000;
  RunningServer server(Echo, options);
  EXPECT_EQ(Fetch(server.port(), "/p", "POST", std::string(999, 'x')).status, 200);
  auto response = Fetch(server.port(), "/p", "POST", std::string(1001, 'x'));
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.body, "{\"error\": \"the request body is larger than 1000 bytes\"}\n");
}

TEST(HttpServer, RefusesHeadersOverTheLimitWith431) {
  ServerOptions options;
  options.max_header_bytes = 2000;
  RunningServer server(Echo, options);
  auto response = Fetch(server.port(), "/h", "GET", "", {{"X-Big", std::string(3000, 'y')}});
  EXPECT_EQ(response.status, 431);
}

TEST(HttpServer, AnswersAMalformedRequestWith400) {
  RunningServer server(Echo);
  std::string answer = testing::SendRaw(server.port(), "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer;
  answer =
      testing::SendRaw(server.port(), "GET /x%zz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << answer;
  EXPECT_NE(answer.find("malformed %-escape"), std::string::npos) << answer;
}

TEST(HttpServer, AHandlerThatThrowsGives500AndTheServerGoesOn) {
  RunningServer server([](const Request& request) -> Response {
    if (request.path == "/boom") throw std::runtime_error("boom");
    return Response::Text(200, "text/plain", "fine");
  });
  EXPECT_EQ(Fetch(server.port(), "/boom").status, 500);
  EXPECT_EQ(Fetch(server.port(), "/ok").body, "fine");
}

TEST(HttpServer, StopLetsARequestInFlightFinishThenRunReturns) {
  std::atomic<bool> in_handler{false};
  RunningServer server([&](const Request&) {
    in_handler = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return Response::Text(200, "text/plain", "finished");
  });
  testing::ClientResponse response;
  std::thread client([&] { response = Fetch(server.port(), "/slow"); });
  while (!in_handler) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  server.StopAndJoin();
  client.join();
  EXPECT_TRUE(server.returned());
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "finished");
}

TEST(HttpServer, ListenNamesTheAddressItCannotUse) {
  ServerOptions options;
  options.address = "not-an-address";
  HttpServer server(options, Echo);
  Status status = server.Listen();
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "not an IP address: not-an-address");
}

}  // namespace
}  // namespace cradle::web
