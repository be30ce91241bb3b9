#include "web/http_server.h"

#include <atomic>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "base/strings.h"
#include "web/url.h"

namespace cradle::web {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

class Connection;

// Handlers capture the Impl by pointer: it outlives them, since destroying
// the io_context destroys every handler not yet run.
struct HttpServer::Impl {
  Impl(ServerOptions server_options, Handler request_handler)
      : options(std::move(server_options)),
        handler(std::move(request_handler)),
        io(Threads()),
        acceptor(io),
        signals(io),
        grace_timer(io),
        drain_timer(io) {}

  int Threads() const {
    if (options.threads > 0) return options.threads;
    return std::max(2, static_cast<int>(std::thread::hardware_concurrency()));
  }

  void Accept();
  void BeginStop();
  // Ends the grace period early once the last connection has closed.
  void WaitForConnections();
  void Register(const std::shared_ptr<Connection>& connection);
  void Unregister(Connection* connection);

  ServerOptions options;
  Handler handler;
  std::atomic<bool> stopping{false};
  // Before io: a connection destroyed with the io_context unregisters here.
  std::mutex connections_mutex;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;
  asio::io_context io;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace_timer;
  asio::steady_timer drain_timer;
};

namespace {

Response ErrorResponse(int status, const std::string& message) {
  return Response::Text(status, "application/json", "{\"error\": \"" + message + "\"}\n");
}

}  // namespace

// One client connection: reads a request, answers it, and goes on while the
// client keeps the connection alive. Its operations run on its own strand.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, HttpServer::Impl* server)
      : stream_(std::move(socket)), server_(server) {}
  ~Connection() { server_->Unregister(this); }

  void Start() {
    asio::dispatch(stream_.get_executor(),
                   beast::bind_front_handler(&Connection::Read, shared_from_this()));
  }

  // Ends reading: a pending read sees end of stream; a request being answered
  // is still written, then the connection closes.
  void StopReading() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      beast::error_code ignored;
      self->stream_.socket().shutdown(tcp::socket::shutdown_receive, ignored);
    });
  }

 private:
  void Read() {
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(server_->options.max_header_bytes));
    parser_->body_limit(server_->options.max_body_bytes);
    stream_.expires_after(server_->options.idle_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Connection::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, size_t) {
    if (ec == http::error::end_of_stream || ec == asio::error::eof || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::connection_reset) {
      return Close();
    }
    if (ec == http::error::body_limit) {
      return Write(
          ErrorResponse(413, "the request body is larger than " +
                                 std::to_string(server_->options.max_body_bytes) + " bytes"),
          false, false);
    }
    if (ec == http::error::header_limit) {
      return Write(
          ErrorResponse(431, "the request headers are larger than " +
                                 std::to_string(server_->options.max_header_bytes) + " bytes"),
          false, false);
    }
    if (ec) return Write(ErrorResponse(400, "malformed HTTP request"), false, false);

    const auto& message = parser_->get();
    bool head = message.method() == http::verb::head;
    bool keep_alive = message.keep_alive() && !server_->stopping;
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    request.body = message.body();
    for (const auto& field : message) {
      std::string name = ToLower({field.name_string().data(), field.name_string().size()});
      std::string& value = request.headers[name];
      if (!value.empty()) value += name == "cookie" ? "; " : ", ";
      value.append(field.value().data(), field.value().size());
    }
    beast::error_code peer_error;
    auto peer = stream_.socket().remote_endpoint(peer_error);
    if (!peer_error) request.client_address = peer.address().to_string();
    auto target = ParseTarget(request.target);
    if (!target.ok()) {
      return Write(ErrorResponse(400, "bad request target: " + target.status().message()),
                   keep_alive, head);
    }
    request.path = std::move(target->path);
    request.query = std::move(target->query);
    Response response;
    try {
      response = server_->handler(request);
    } catch (const std::exception&) {
      response = ErrorResponse(500, "internal error");
    }
    Write(std::move(response), keep_alive, head);
  }

  void Write(Response response, bool keep_alive, bool head) {
    body_ = std::move(response.body);
    response_ = {};
    response_.result(static_cast<unsigned>(response.status));
    response_.version(11);
    response_.set(http::field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) response_.set(name, value);
    response_.keep_alive(keep_alive);
    if (head) {
      response_.body() = {};
      response_.content_length(body_->size());
    } else {
      response_.body() = http::span_body<const char>::value_type(body_->data(), body_->size());
      response_.prepare_payload();
    }
    http::async_write(stream_, response_,
                      [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
                        if (ec || !keep_alive) return self->Close();
                        self->Read();
                      });
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<const std::string> body_;  // what response_ points into
  http::response<http::span_body<const char>> response_;
  HttpServer::Impl* server_;
};

void HttpServer::Impl::Register(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(connections_mutex);
  connections.emplace(connection.get(), connection);
}

void HttpServer::Impl::Unregister(Connection* connection) {
  std::lock_guard lock(connections_mutex);
  connections.erase(connection);
}

void HttpServer::Impl::Accept() {
  acceptor.async_accept(asio::make_strand(io),
                        [self = this](beast::error_code ec, tcp::socket socket) {
                          if (ec) {
                            if (!self->acceptor.is_open()) return;  // stopping
                          } else {
                            beast::error_code ignored;
                            // Without it every small response waits on Nagle and delayed ACKs.
                            socket.set_option(tcp::no_delay(true), ignored);
                            auto connection = std::make_shared<Connection>(std::move(socket), self);
                            self->Register(connection);
                            if (self->stopping) {
                              connection->StopReading();
                            }
                            connection->Start();
                          }
                          self->Accept();
                        });
}

void HttpServer::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  beast::error_code ignored;
  acceptor.close(ignored);
  signals.cancel(ignored);
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(connections_mutex);
    for (auto& [pointer, weak] : connections) {
      if (auto connection = weak.lock()) open.push_back(std::move(connection));
    }
  }
  for (auto& connection : open) connection->StopReading();
  grace_timer.expires_after(options.grace_period);
  grace_timer.async_wait([this](beast::error_code ec) {
    if (!ec) io.stop();
  });
  WaitForConnections();
}

void HttpServer::Impl::WaitForConnections() {
  bool none;
  {
    std::lock_guard lock(connections_mutex);
    none = connections.empty();
  }
  if (none) {
    grace_timer.cancel();
    return;
  }
  drain_timer.expires_after(std::chrono::milliseconds(20));
  drain_timer.async_wait([this](beast::error_code ec) {
    if (!ec) WaitForConnections();
  });
}

HttpServer::HttpServer(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

HttpServer::~HttpServer() = default;

Status HttpServer::Listen() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) return Status::InvalidArgument("not an IP address: " + impl_->options.address);
  tcp::endpoint endpoint(address, impl_->options.port);
  std::string where = impl_->options.address + ":" + std::to_string(impl_->options.port);
  impl_->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor.bind(endpoint, ec);
  if (!ec) impl_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return Status::IoError("cannot listen on " + where + ": " + ec.message());
  return Status::Ok();
}

uint16_t HttpServer::port() const {
  beast::error_code ec;
  auto endpoint = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

void HttpServer::Run() {
  if (impl_->options.stop_on_signals) {
    impl_->signals.add(SIGTERM);
    impl_->signals.add(SIGINT);
    impl_->signals.async_wait([impl = impl_.get()](beast::error_code ec, int) {
      if (!ec) impl->BeginStop();
    });
  }
  impl_->Accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->Threads(); ++i) threads.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
  for (auto& thread : threads) thread.join();
}

void HttpServer::Stop() {
  asio::post(impl_->io, [impl = impl_.get()] { impl->BeginStop(); });
}

}  // namespace cradle::web
