#pragma once
// A fixed-size pool of PostgreSQL connections: request threads borrow one per request.
// A connection that broke (server restarted) is replaced on its next use.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "http/dependency_error.hpp"

namespace todo::tasksvc {

class Pool {
 public:
  Pool(std::string connection_string, size_t size);

  // Runs `fn` with a healthy connection; waits when every connection is in use. A database that
  // cannot be reached (or went away mid-call) becomes http::DependencyError, which a request
  // answers with 503 rather than 500.
  template <typename Fn>
  auto with(Fn&& fn) {
    try {
      Lease lease(*this);
      return fn(*lease.conn);
    } catch (const pqxx::broken_connection& e) {
      throw http::DependencyError(std::string("PostgreSQL: ") + e.what(), true);
    }
  }

  // A fresh connection outside the pool (for the outbox relay's LISTEN).
  std::unique_ptr<pqxx::connection> connect() const;

  bool ping();

 private:
  struct Lease {
    explicit Lease(Pool& p);
    ~Lease();
    Pool& pool;
    std::unique_ptr<pqxx::connection> conn;
  };
  std::unique_ptr<pqxx::connection> acquire();
  void release(std::unique_ptr<pqxx::connection> c);

  std::string connection_string_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  size_t capacity_;
  size_t created_ = 0;
};

// pqxx takes a null parameter as a null char pointer.
inline const char* nullable(const std::optional<std::string>& v) {
  return v ? v->c_str() : nullptr;
}

}  // namespace todo::tasksvc
