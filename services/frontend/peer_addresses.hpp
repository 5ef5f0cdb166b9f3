#pragma once
// Which client each of the gate's upstream connections carries. Behind the connection gate
// cpp-httplib sees every request come from 127.0.0.1; the gate records the local port of each
// connection it opens to cpp-httplib with the client address it serves, and the API proxy looks
// the request's remote port up here. Nothing a client sends can change the answer (no header is
// read), and the record lives exactly as long as the upstream connection.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace todo::frontend {

class PeerAddresses {
 public:
  void put(std::uint16_t local_port, std::string client_address) {
    std::lock_guard<std::mutex> lock(mu_);
    by_port_[local_port] = std::move(client_address);
  }
  void erase(std::uint16_t local_port) {
    std::lock_guard<std::mutex> lock(mu_);
    by_port_.erase(local_port);
  }
  std::optional<std::string> find(int local_port) const {
    std::lock_guard<std::mutex> lock(mu_);
    const auto it = by_port_.find(static_cast<std::uint16_t>(local_port));
    if (it == by_port_.end()) return std::nullopt;
    return it->second;
  }

 private:
  mutable std::mutex mu_;
  std::unordered_map<std::uint16_t, std::string> by_port_;
};

}  // namespace todo::frontend
