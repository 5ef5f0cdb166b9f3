// The list's page cursor (services/task-service/store/list_cursor.hpp). The first byte picks the
// sort, the order, and whether the rest is the token as sent or the JSON inside it (base64url
// encoded here, to reach the checks behind the decoding). Bad input is the errors::InvalidQuery
// (the API's 400); a cursor that decodes must encode back to one that decodes to the same.
#include <sodium.h>

#include "fuzz_util.hpp"
#include "http/problem.hpp"
#include "store/list_cursor.hpp"

namespace {

std::string base64url(const std::string& bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), kVariant);
  out.resize(out.size() - 1);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace svc = todo::tasksvc;
  if (size == 0) return 0;
  const auto sort = static_cast<svc::SortKey>(data[0] % 6);
  const auto order = (data[0] / 6) % 2 ? svc::SortOrder::desc : svc::SortOrder::asc;
  const bool raw = (data[0] / 12) % 2;
  std::string token = todo::fuzz::text(data + 1, size - 1);
  if (!raw) token = base64url(token);
  todo::fuzz::documented<todo::errors::InvalidQuery>([&] {
    const svc::ListCursor cursor = svc::decode_cursor(token, sort, order);
    const svc::ListCursor again =
        svc::decode_cursor(svc::encode_cursor(sort, order, cursor), sort, order);
    FUZZ_CHECK(again.key == cursor.key && again.id == cursor.id);
  });
  return 0;
}
