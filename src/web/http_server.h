// The web app's HTTP/1.1 server: Boost.Beast on Asio, event-driven, a few
// threads serving many keep-alive connections (a thread per connection, as
// cpp-httplib does, gave a p99 of ~450 ms at 64 connections on 2 cores:
// DESIGN.md). It knows nothing of Cradle: it parses each request with size
// limits, hands it to a Handler and writes what comes back.
//
// Limits: a request's headers above max_header_bytes get 431, a body above
// max_body_bytes 413, a malformed request 400; a connection idle longer than
// idle_timeout is closed. A handler that throws gives 500.
//
// Stopping (Stop(), SIGTERM or SIGINT): the server stops accepting, lets
// every request already read finish and be written, closes idle keep-alive
// connections, and Run() returns; anything still open after grace_period is
// cut.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "base/status.h"
#include "web/http_message.h"

namespace cradle::web {

class Connection;

using Handler = std::function<Response(const Request&)>;

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port (see port())
  int threads = 0;       // 0: the hardware's threads, at least 2
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 64 * 1024;
  std::chrono::seconds idle_timeout{30};
  std::chrono::seconds grace_period{10};
  bool stop_on_signals = true;  // SIGTERM and SIGINT call Stop()
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens. IoError (e.g. the port is in use) with the
  // address in the message.
  Status Listen();
  // The port bound by Listen(): the chosen one when options.port was 0.
  uint16_t port() const;
  // Serves until stopped. Call after Listen(), from one thread.
  void Run();
  // Safe from any thread, and more than once.
  void Stop();

 private:
  friend class Connection;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cradle::web
