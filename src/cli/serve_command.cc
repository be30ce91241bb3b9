// cradle serve [--db PATH] [--port N] [--address A]: the web app. On a new or
// empty store it first loads the bundled open data and the synthetic
// Leicester (not real people), so the README's one run command serves every
// page with data; then it listens (127.0.0.1 by default) and prints its URL.
// SIGTERM or Ctrl-C stops it after the requests in flight are answered.
#include <iostream>
#include <memory>

#include "cli/command.h"
#include "opendata/bundled.h"
#include "web/app.h"
#include "web/http_server.h"

namespace cradle::cli {
namespace {

struct ServeArgs {
  SessionOptions session;
  std::string address = "127.0.0.1";
  int port = 8080;
  int threads = 0;
  bool secure_cookies = false;
};

Status RunServe(const ServeArgs& args, std::ostream& out) {
  CRADLE_ASSIGN_OR_RETURN(auto session, Session::Open(args.session));
  CRADLE_RETURN_IF_ERROR(FillEmptyStore(*session, "serve"));
  std::string db_path = session->db_path();
  web::AppOptions app_options;
  app_options.data_dir = opendata::DefaultDataDir();
  app_options.secure_cookies = args.secure_cookies;
  CRADLE_ASSIGN_OR_RETURN(auto app, web::WebApp::Create(std::move(session), app_options));
  web::ServerOptions options;
  options.address = args.address;
  options.port = static_cast<uint16_t>(args.port);
  options.threads = args.threads;
  web::HttpServer server(options,
                         [&app](const web::Request& request) { return app->Handle(request); });
  CRADLE_RETURN_IF_ERROR(server.Listen());
  std::string host =
      args.address.find(':') != std::string::npos ? "[" + args.address + "]" : args.address;
  out << "Cradle is serving http://" << host << ":" << server.port() << "/ (store " << db_path
      << "; SIGTERM or Ctrl-C stops it)" << std::endl;
  server.Run();
  out << "Cradle stopped." << std::endl;
  return Status::Ok();
}

}  // namespace

Command AddServeCommand(CLI::App& parent) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* app = parent.add_subcommand(
      "serve",
      "Serve the web app: dashboard, charts, maps, downloads and the JSON API (loads the "
      "synthetic Leicester into a new or empty store first)");
  app->add_option("--address", args->address, "Address to listen on (default 127.0.0.1)");
  app->add_option("--port", args->port, "Port to listen on (default 8080; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  app->add_option("--threads", args->threads, "Server threads (default: one per core, at least 2)")
      ->check(CLI::Range(0, 256));
  app->add_flag("--secure-cookies", args->secure_cookies,
                "Mark the session cookie Secure: set it when a TLS proxy serves Cradle over HTTPS");
  AddSessionOptions(*app, args->session);
  return {app, [args](std::ostream& out) { return RunServe(*args, out); }};
}

}  // namespace cradle::cli
