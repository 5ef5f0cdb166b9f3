#pragma once
// The header in which the frontend tells a backend which address a request came from (the
// backends only ever see their sidecar). Only the frontend may invoke the backends, and it
// never forwards a client's own copy of this header, so a backend may trust it.
namespace todo::http {

inline constexpr const char* kClientAddressHeader = "X-Todo-Client-Address";

}  // namespace todo::http
