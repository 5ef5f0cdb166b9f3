#pragma once
// The frontend's public listener: a connection gate in front of cpp-httplib.
//
// cpp-httplib gives each connection a worker thread for its whole life, and its read timeout
// restarts with every byte, so a client dribbling one header byte a second held a worker for
// ever (300 of them made the frontend unreachable); its listen backlog is 5 and it is lenient
// with duplicate framing headers. The gate accepts every public connection on Boost.Asio (a
// slow client costs a socket, not a thread), parses with Boost.Beast and enforces:
//
// - a deadline for the request head (from the connection's start, or from the end of the
//   previous response), one for the body, and a short idle time between keep-alive requests;
// - the framing rules of request_head.hpp (400), a bound on the head's size (431);
// - per-address and global connection caps (connection_table.hpp);
//
// and only then relays the whole exchange to cpp-httplib on 127.0.0.1, streaming both bodies
// chunk by chunk (a live-update stream goes on as long as it lasts; no response deadline). One
// upstream connection per client connection, opened when a complete head has arrived and
// released after a second of idleness, so idle clients hold no worker either. The client's
// address reaches the API proxy through PeerAddresses, keyed by the upstream connection's port.
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "connection_table.hpp"
#include "metrics/metrics.hpp"
#include "peer_addresses.hpp"
#include "ports/ports.hpp"

namespace todo::frontend {

struct GateOptions {
  std::string host = "127.0.0.1";
  int port = ports::kFrontend.port;
  // cpp-httplib's port on 127.0.0.1 (known once it is bound; <= 0: not yet, answered 503).
  std::function<int()> upstream_port;
  ConnectionCaps caps;
  std::chrono::milliseconds header_timeout{10000};
  std::chrono::milliseconds body_timeout{30000};
  std::chrono::milliseconds idle_timeout{5000};
  // An idle keep-alive client keeps its upstream connection (a cpp-httplib worker) this long;
  // cpp-httplib's own keep-alive timeout must be longer, so the gate always closes first.
  std::chrono::milliseconds upstream_idle{1000};
};

class ConnectionGate {
 public:
  ConnectionGate(GateOptions options, PeerAddresses& peers, metrics::Registry& registry);
  ~ConnectionGate();
  ConnectionGate(const ConnectionGate&) = delete;
  ConnectionGate& operator=(const ConnectionGate&) = delete;

  bool bind();   // listens on host:port with the system's largest backlog
  void start();  // serves on a thread of its own
  void stop();   // closes every connection and joins the thread
  int port() const;

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace todo::frontend
