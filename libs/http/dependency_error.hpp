#pragma once
// A failure of something a service depends on (its Dapr sidecar, or a store or broker behind
// it) rather than of the request or the code. The HTTP server answers a transient one with 503
// and Retry-After, so a caller retries instead of reporting a bug; anything else stays a 500.
#include <stdexcept>
#include <string>

namespace todo::http {

class DependencyError : public std::runtime_error {
 public:
  DependencyError(const std::string& what, bool transient)
      : std::runtime_error(what), transient_(transient) {}
  bool transient() const { return transient_; }

 private:
  bool transient_;
};

}  // namespace todo::http
