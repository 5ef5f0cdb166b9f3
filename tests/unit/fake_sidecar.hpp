#pragma once
// A raw cpp-httplib server standing in for the Dapr sidecar: a test adds the routes it expects,
// starts it, and talks to it through a real dapr::Client (the real sidecar is exercised by the
// end-to-end tests).
#include <httplib.h>

#include <chrono>
#include <thread>

#include "dapr/client.hpp"
#include "serve_in_background.hpp"

namespace todo::testing {

struct FakeSidecar {
  httplib::Server server;
  std::thread thread;
  int port = 0;

  FakeSidecar() = default;
  FakeSidecar(const FakeSidecar&) = delete;
  FakeSidecar& operator=(const FakeSidecar&) = delete;
  ~FakeSidecar() {
    server.stop();
    if (thread.joinable()) thread.join();
  }

  void start() {
    port = server.bind_to_any_port("127.0.0.1");
    // The socket already listens after bind, so clients may connect before the loop runs.
    thread = serve_in_background(server);
  }
  dapr::Client client(int attempts = 3) const {
    dapr::ClientOptions o;
    o.http_port = port;
    o.api_token = "tok";
    o.max_attempts = attempts;
    o.first_backoff = std::chrono::milliseconds(1);
    return dapr::Client(o);
  }
};

}  // namespace todo::testing
