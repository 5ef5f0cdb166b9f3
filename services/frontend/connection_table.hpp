#pragma once
// The bookkeeping of the connection gate (connection_gate.hpp): which client connections are
// open, from which address, and which of them are still waiting for a request head. It decides
// whether a new connection may come in and which connection makes room for it; it owns no
// sockets, so the rules can be tested without a network.
//
// A slow client costs the gate a socket while its head dribbles in; the caps keep that cost
// bounded per address and in all. At a cap, the oldest connection still waiting for a request
// head (of that address, or of anyone at the global cap) gives way: an attacker's slow
// connections are always older than a legitimate client's fresh one, so a browser behind the
// same address as an attacker still gets through. Connections busy with a request are never
// evicted; when nothing can give way, the new connection is refused.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace todo::frontend {

struct ConnectionCaps {
  std::size_t per_address = 64;
  std::size_t total = 4096;
};

class ConnectionTable {
 public:
  using Id = std::uint64_t;

  struct Admission {
    std::optional<Id> id;     // the new connection's id; nullopt: refused
    std::optional<Id> evict;  // the connection to close first to make room, if any
  };

  explicit ConnectionTable(ConnectionCaps caps) : caps_(caps) {}

  // A new connection from `address`. When it is admitted and `evict` is set, the caller must
  // close that connection (it has already been released here).
  Admission admit(const std::string& address);
  // Waiting for a request head (evictable), or busy with a request (not evictable).
  void set_waiting(Id id, bool waiting);
  void release(Id id);

  std::size_t size() const { return connections_.size(); }
  std::size_t count(const std::string& address) const;

 private:
  struct Entry {
    std::string address;
    bool waiting = true;
  };
  struct PerAddress {
    std::size_t open = 0;
    std::set<Id> waiting;  // ids grow with time, so begin() is the oldest
  };

  ConnectionCaps caps_;
  Id next_id_ = 1;
  std::map<Id, Entry> connections_;
  std::map<std::string, PerAddress> addresses_;
  std::set<Id> waiting_;  // every address's waiting connections, oldest first
};

}  // namespace todo::frontend
