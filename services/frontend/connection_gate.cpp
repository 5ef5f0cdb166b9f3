#include "connection_gate.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "request_head.hpp"

namespace todo::frontend {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr Clock::time_point kNever = Clock::time_point::max();
// How long a refused client gets to read the answer before its socket is closed.
constexpr std::chrono::seconds kLinger{2};
constexpr std::size_t kChunk = std::size_t{16} * 1024;
// Not boost::none: Beast 1.74 compares a known length with the optional limit, and every
// length is larger than none ("body limit exceeded").
constexpr std::uint64_t kNoBodyLimit = std::numeric_limits<std::uint64_t>::max();

bool is_100_continue(beast::string_view v) {
  return beast::iequals(v, "100-continue");
}

// A whole answer of the gate's own (it never reaches cpp-httplib): problem+json, closed after.
std::string problem_answer(int status, const std::string& reason, const std::string& detail) {
  const nlohmann::json body = {
      {"type", "about:blank"}, {"title", reason}, {"status", status}, {"detail", detail}};
  const std::string text = body.dump();
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n";
  out += "Content-Type: application/problem+json\r\n";
  out += "Content-Length: " + std::to_string(text.size()) + "\r\n";
  out += "Connection: close\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
  out += "X-Frame-Options: DENY\r\n";
  out += "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n";
  if (status == 503) out += "Retry-After: 1\r\n";
  return out + "\r\n" + text;
}

std::string reason_phrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 431:
      return "Request Header Fields Too Large";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

}  // namespace

class Session;

struct ConnectionGate::Impl : std::enable_shared_from_this<ConnectionGate::Impl> {
  Impl(GateOptions o, PeerAddresses& p, metrics::Registry& r)
      : options(std::move(o)),
        peers(p),
        registry(r),
        acceptor(io),
        retry(io),
        table(options.caps) {}

  void accept();
  void on_accept(const beast::error_code& ec, tcp::socket socket);
  void forget(ConnectionTable::Id id) {
    table.release(id);
    sessions.erase(id);
  }
  void count_close(const char* reason) {
    registry
        .counter("frontend_gate_closed_total",
                 "client connections the connection gate closed, by reason", {{"reason", reason}})
        .inc();
  }

  GateOptions options;
  PeerAddresses& peers;
  metrics::Registry& registry;
  net::io_context io{1};
  tcp::acceptor acceptor;
  net::steady_timer retry;
  ConnectionTable table;
  std::map<ConnectionTable::Id, std::weak_ptr<Session>> sessions;
  std::thread thread;
};

// One client connection and, while it has a request under way, its upstream connection. Every
// handler runs on the gate's single thread, so nothing here is locked.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(ConnectionGate::Impl& gate, tcp::socket client, ConnectionTable::Id id,
          std::string address)
      : gate_(gate),
        client_(std::move(client)),
        upstream_(gate.io),
        timer_(gate.io),
        id_(id),
        address_(std::move(address)) {}

  void start() {
    deadline_ = Clock::now() + gate_.options.header_timeout;
    arm();
    read_head();
  }

  // At once: deadlines, eviction, errors, stop.
  void close(const char* reason = nullptr) {
    if (closed_) return;
    closed_ = true;
    if (reason) gate_.count_close(reason);
    beast::error_code ignored;
    timer_.cancel();
    close_upstream();
    client_.close(ignored);
    gate_.forget(id_);
  }

 private:
  enum class Phase { head, body, response, idle, refusing };

  // One timer for two deadlines: `deadline_` closes the connection, `release_at_` only the idle
  // upstream connection.
  void arm() {
    timer_.expires_at(std::min(deadline_, release_at_));
    timer_.async_wait([self = shared_from_this()](const beast::error_code& ec) {
      if (!ec) self->on_timer();
    });
  }

  void on_timer() {
    const auto now = Clock::now();
    if (closed_ || timer_.expiry() > now) return;  // re-armed meanwhile
    if (release_at_ <= now) {
      close_upstream();
      release_at_ = kNever;
    }
    if (deadline_ <= now) {
      switch (phase_) {
        case Phase::head:
          return close("header_timeout");
        case Phase::body:
          return close("body_timeout");
        case Phase::idle:
          return close("idle");
        default:
          return close();
      }
    }
    arm();
  }

  void read_head() {
    phase_ = Phase::head;
    req_.emplace();
    req_->header_limit(kMaxRequestHead);
    req_->body_limit(kNoBodyLimit);  // cpp-httplib enforces the body limit (413)
    http::async_read_header(
        client_, cbuf_, *req_,
        [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_head(ec); });
  }

  void on_head(const beast::error_code& ec) {
    if (closed_) return;
    if (ec) {
      if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
          ec.category() != http::make_error_code(http::error::need_more).category()) {
        return close();  // the client left, or a socket error (a deadline closed the socket)
      }
      return refuse(verdict_for_parse_error(ec));
    }
    if (auto verdict = verdict_for_fields(req_->get().base()); verdict.status) {
      return refuse(verdict);
    }
    gate_.table.set_waiting(id_, false);
    phase_ = Phase::body;
    release_at_ = kNever;
    deadline_ = Clock::now() + gate_.options.body_timeout;
    arm();
    auto& head = req_->get();
    keep_alive_ = req_->keep_alive();
    head_request_ = head.method() == http::verb::head;
    // The gate answers "100 Continue" itself, so cpp-httplib never sends an interim answer.
    const auto expect = head.find(http::field::expect);
    send_continue_ = expect != head.end() && is_100_continue(expect->value());
    if (expect != head.end()) head.erase(http::field::expect);
    if (upstream_.is_open()) return write_request_head();
    connect_upstream();
  }

  void connect_upstream() {
    const int port = gate_.options.upstream_port ? gate_.options.upstream_port() : 0;
    if (port <= 0) return refuse({503, "the frontend is starting"});
    upstream_.async_connect(
        {net::ip::make_address_v4("127.0.0.1"), static_cast<unsigned short>(port)},
        [self = shared_from_this()](const beast::error_code& ec) { self->on_connected(ec); });
  }

  void on_connected(const beast::error_code& ec) {
    if (closed_) return;
    if (ec) {
      spdlog::warn("connection gate: cannot reach the frontend's server: {}", ec.message());
      return refuse({503, "the frontend cannot take the request now"});
    }
    beast::error_code ignored;
    upstream_.set_option(tcp::no_delay(true), ignored);
    upstream_local_port_ = upstream_.local_endpoint(ignored).port();
    gate_.peers.put(upstream_local_port_, address_);
    write_request_head();
  }

  void write_request_head() {
    req_ser_.emplace(req_->get());
    http::async_write_header(upstream_, *req_ser_,
                             [self = shared_from_this()](beast::error_code ec, std::size_t) {
                               if (self->closed_) return;
                               if (ec) return self->close();
                               self->send_continue();
                             });
  }

  void send_continue() {
    if (!send_continue_) return relay_request_body();
    send_continue_ = false;
    static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    net::async_write(client_, net::buffer(kContinue),
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       if (self->closed_) return;
                       if (ec) return self->close();
                       self->relay_request_body();
                     });
  }

  // Beast's relay: read a piece of body into cbody_, hand it to the serializer, repeat.
  void relay_request_body() {
    auto& body = req_->get().body();
    if (req_->is_done()) {
      body.data = nullptr;
      body.size = 0;
      body.more = false;
      return write_request_piece();
    }
    body.data = cbody_;
    body.size = sizeof cbody_;
    http::async_read_some(client_, cbuf_, *req_,
                          [self = shared_from_this()](beast::error_code ec, std::size_t) {
                            if (self->closed_) return;
                            if (ec == http::error::need_buffer) ec = {};
                            if (ec) return self->close();  // gone, or a broken chunked body
                            auto& b = self->req_->get().body();
                            b.size = sizeof self->cbody_ - b.size;
                            b.data = self->cbody_;
                            b.more = !self->req_->is_done();
                            // Only framing was read (a chunk header): an empty piece would
                            // be serialised as the last chunk and end the body early.
                            if (b.size == 0 && b.more) return self->relay_request_body();
                            self->write_request_piece();
                          });
  }

  void write_request_piece() {
    http::async_write(upstream_, *req_ser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (self->closed_) return;
                        if (ec == http::error::need_buffer) ec = {};
                        if (ec) return self->close();
                        if (self->req_ser_->is_done()) return self->read_response();
                        self->relay_request_body();
                      });
  }

  void read_response() {
    // No deadline from here on: the answer may be a live stream that lasts for hours.
    // cpp-httplib's write timeout and the stream's heartbeat notice a client that is gone.
    phase_ = Phase::response;
    deadline_ = kNever;
    arm();
    res_.emplace();
    res_->body_limit(kNoBodyLimit);
    if (head_request_) res_->skip(true);
    http::async_read_header(
        upstream_, ubuf_, *res_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
          if (self->closed_) return;
          if (ec) {
            spdlog::warn("connection gate: no answer from the server: {}", ec.message());
            return self->refuse({503, "the frontend did not answer"});
          }
          self->res_ser_.emplace(self->res_->get());
          http::async_write_header(self->client_, *self->res_ser_,
                                   [self](beast::error_code wec, std::size_t) {
                                     if (self->closed_) return;
                                     if (wec) return self->close();
                                     self->relay_response_body();
                                   });
        });
  }

  void relay_response_body() {
    auto& body = res_->get().body();
    if (res_->is_done()) {
      body.data = nullptr;
      body.size = 0;
      body.more = false;
      return write_response_piece();
    }
    body.data = ubody_;
    body.size = sizeof ubody_;
    // read_some, not read: a server-sent event must go out as soon as it arrives.
    http::async_read_some(upstream_, ubuf_, *res_,
                          [self = shared_from_this()](beast::error_code ec, std::size_t) {
                            if (self->closed_) return;
                            if (ec == http::error::need_buffer) ec = {};
                            if (ec) return self->close();
                            auto& b = self->res_->get().body();
                            b.size = sizeof self->ubody_ - b.size;
                            b.data = self->ubody_;
                            b.more = !self->res_->is_done();
                            // Only framing was read (a chunk header): an empty piece would
                            // be serialised as "0\r\n\r\n", the end of a chunked answer, and
                            // a live stream would end before its first event.
                            if (b.size == 0 && b.more) return self->relay_response_body();
                            self->write_response_piece();
                          });
  }

  void write_response_piece() {
    http::async_write(client_, *res_ser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        if (self->closed_) return;
                        if (ec == http::error::need_buffer) ec = {};
                        if (ec) return self->close();
                        if (self->res_ser_->is_done()) return self->finish_exchange();
                        self->relay_response_body();
                      });
  }

  void finish_exchange() {
    const bool keep = keep_alive_ && res_->keep_alive();
    req_ser_.reset();
    res_ser_.reset();
    res_.reset();
    req_.reset();
    if (!keep) {
      beast::error_code ignored;
      client_.shutdown(tcp::socket::shutdown_send, ignored);
      return close();
    }
    // Keep-alive: the next head has idle_timeout to start and header_timeout (from now) to
    // finish; the upstream connection is released after upstream_idle.
    gate_.table.set_waiting(id_, true);
    phase_ = Phase::idle;
    const auto now = Clock::now();
    deadline_ = now + gate_.options.idle_timeout;
    release_at_ = upstream_.is_open() ? now + gate_.options.upstream_idle : kNever;
    arm();
    if (cbuf_.size() > 0) return next_head(now);  // already sent
    client_.async_wait(tcp::socket::wait_read,
                       [self = shared_from_this(), now](const beast::error_code& ec) {
                         if (self->closed_) return;
                         if (ec) return self->close();
                         self->next_head(now);
                       });
  }

  void next_head(Clock::time_point response_end) {
    deadline_ = response_end + gate_.options.header_timeout;
    arm();
    read_head();
  }

  // Answers with a problem of the gate's own and closes. The client gets kLinger to read it;
  // what it still sends meanwhile is read and dropped (closing with unread data would reset
  // the connection and could destroy the answer before the client reads it).
  void refuse(const HeadVerdict& verdict) {
    if (verdict.status != 503) gate_.count_close("bad_request");
    phase_ = Phase::refusing;
    gate_.table.set_waiting(id_, true);  // costs nothing any more: may make room
    close_upstream();
    deadline_ = Clock::now() + kLinger;
    release_at_ = kNever;
    arm();
    auto answer = std::make_shared<std::string>(
        problem_answer(verdict.status, reason_phrase(verdict.status), verdict.reason));
    net::async_write(client_, net::buffer(*answer),
                     [self = shared_from_this(), answer](beast::error_code ec, std::size_t) {
                       if (self->closed_) return;
                       if (ec) return self->close();
                       beast::error_code ignored;
                       self->client_.shutdown(tcp::socket::shutdown_send, ignored);
                       self->drain();
                     });
  }

  void drain() {
    client_.async_read_some(net::buffer(cbody_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (self->closed_) return;
                              if (ec) return self->close();
                              self->drain();
                            });
  }

  void close_upstream() {
    if (!upstream_.is_open()) return;
    if (upstream_local_port_) gate_.peers.erase(upstream_local_port_);
    upstream_local_port_ = 0;
    beast::error_code ignored;
    upstream_.close(ignored);
    ubuf_.clear();
  }

  ConnectionGate::Impl& gate_;
  tcp::socket client_;
  tcp::socket upstream_;
  net::steady_timer timer_;
  const ConnectionTable::Id id_;
  const std::string address_;
  Phase phase_ = Phase::head;
  bool closed_ = false;
  bool keep_alive_ = true;
  bool head_request_ = false;
  bool send_continue_ = false;
  unsigned short upstream_local_port_ = 0;
  Clock::time_point deadline_ = kNever;
  Clock::time_point release_at_ = kNever;
  beast::flat_buffer cbuf_;
  beast::flat_buffer ubuf_;
  std::optional<http::request_parser<http::buffer_body>> req_;
  std::optional<http::response_parser<http::buffer_body>> res_;
  std::optional<http::request_serializer<http::buffer_body>> req_ser_;
  std::optional<http::response_serializer<http::buffer_body>> res_ser_;
  char cbody_[kChunk];
  char ubody_[kChunk];
};

void ConnectionGate::Impl::accept() {
  acceptor.async_accept(
      [self = shared_from_this()](const beast::error_code& ec, tcp::socket socket) {
        self->on_accept(ec, std::move(socket));
      });
}

void ConnectionGate::Impl::on_accept(const beast::error_code& ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
  if (ec) {
    // Out of file descriptors, most likely: try again shortly rather than spin.
    spdlog::warn("connection gate: accept failed: {}", ec.message());
    retry.expires_after(std::chrono::milliseconds(100));
    retry.async_wait([self = shared_from_this()](const beast::error_code& wec) {
      if (!wec) self->accept();
    });
    return;
  }
  beast::error_code peer_ec;
  const auto peer = socket.remote_endpoint(peer_ec);
  if (peer_ec) return accept();
  std::string address = peer.address().to_string();
  const auto admission = table.admit(address);
  if (admission.evict) {
    const auto it = sessions.find(*admission.evict);
    if (it != sessions.end()) {
      if (auto victim = it->second.lock()) victim->close("evicted");
    }
  }
  if (!admission.id) {
    // Every connection of this address (or of everyone) is busy: refuse, best effort.
    count_close("refused");
    static const std::string kBusyAnswer =
        problem_answer(503, "Service Unavailable", "too many connections from your address");
    beast::error_code ignored;
    socket.non_blocking(true, ignored);
    socket.write_some(net::buffer(kBusyAnswer), ignored);
    socket.shutdown(tcp::socket::shutdown_send, ignored);
    socket.close(ignored);
    return accept();
  }
  beast::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  auto session = std::make_shared<Session>(*this, std::move(socket), *admission.id, address);
  sessions[*admission.id] = session;
  session->start();
  accept();
}

ConnectionGate::ConnectionGate(GateOptions options, PeerAddresses& peers,
                               metrics::Registry& registry)
    : impl_(std::make_shared<Impl>(std::move(options), peers, registry)) {}

ConnectionGate::~ConnectionGate() {
  stop();
}

bool ConnectionGate::bind() {
  beast::error_code ec;
  const auto address = net::ip::make_address(impl_->options.host, ec);
  if (ec) return false;
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(impl_->options.port));
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  // The largest backlog the system allows (cpp-httplib used 5: bursts were reset).
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    spdlog::critical("connection gate: cannot listen on {}:{}: {}", impl_->options.host,
                     impl_->options.port, ec.message());
    return false;
  }
  impl_->options.port = acceptor.local_endpoint().port();
  return true;
}

void ConnectionGate::start() {
  impl_->accept();
  impl_->thread = std::thread([impl = impl_] { impl->io.run(); });
}

void ConnectionGate::stop() {
  if (!impl_->thread.joinable()) return;
  net::post(impl_->io, [impl = impl_] {
    beast::error_code ignored;
    impl->acceptor.close(ignored);
    impl->retry.cancel();
    auto sessions = impl->sessions;  // close() erases from the map
    for (auto& [id, weak] : sessions) {
      if (auto s = weak.lock()) s->close();
    }
  });
  impl_->thread.join();
}

int ConnectionGate::port() const {
  return impl_->options.port;
}

}  // namespace todo::frontend
