#include "db/pool.hpp"

namespace todo::tasksvc {

Pool::Pool(std::string connection_string, size_t size)
    : connection_string_(std::move(connection_string)), capacity_(size) {}

std::unique_ptr<pqxx::connection> Pool::connect() const {
  return std::make_unique<pqxx::connection>(connection_string_);
}

std::unique_ptr<pqxx::connection> Pool::acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  available_.wait(lock, [this] { return !idle_.empty() || created_ < capacity_; });
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    lock.unlock();
    if (c->is_open()) return c;
    lock.lock();
    --created_;  // broken: replace it below
  }
  ++created_;
  lock.unlock();
  try {
    return connect();
  } catch (...) {
    std::lock_guard<std::mutex> relock(mu_);
    --created_;
    available_.notify_one();
    throw;
  }
}

void Pool::release(std::unique_ptr<pqxx::connection> c) {
  std::lock_guard<std::mutex> lock(mu_);
  if (c && c->is_open()) {
    idle_.push_back(std::move(c));
  } else {
    --created_;
  }
  available_.notify_one();
}

Pool::Lease::Lease(Pool& p) : pool(p), conn(p.acquire()) {}
Pool::Lease::~Lease() {
  pool.release(std::move(conn));
}

bool Pool::ping() {
  try {
    return with([](pqxx::connection& c) {
      pqxx::nontransaction tx(c);
      tx.exec("SELECT 1");
      return true;
    });
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace todo::tasksvc
