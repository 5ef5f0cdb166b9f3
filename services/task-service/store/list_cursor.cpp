#include "store/list_cursor.hpp"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "ids/uuid.hpp"
#include "json/bounded_parse.hpp"
#include "store/query_errors.hpp"
#include "store/sql_values.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasksvc {
namespace {

using nlohmann::json;

constexpr int kCursorVersion = 1;
constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::size_t kMaxTitleKeyBytes = 1024;  // titles are at most 200 code points

[[noreturn]] void bad_cursor(const std::string& why) {
  throw_query_error("cursor", "cursor " + why + "; start again without a cursor");
}

std::string base64url(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kBase64Variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), kBase64Variant);
  out.resize(out.size() - 1);  // the encoder writes a terminating NUL
  return out;
}

std::optional<std::string> unbase64url(const std::string& text) {
  std::string out(text.size(), '\0');  // decoded data is always shorter than its encoding
  std::size_t length = 0;
  // b64_end == nullptr: the whole input must be valid, trailing garbage included.
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr, kBase64Variant) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

std::string instant_key(const json& key) {
  if (!key.is_string()) bad_cursor("is malformed (key)");
  const auto instant = time::parse_rfc3339(key.get<std::string>());
  if (!instant || !storable_instant(*instant)) bad_cursor("is malformed (key)");
  return time::format_rfc3339(*instant);
}

// The key as parameter text, checked against the type its sort compares it with.
std::optional<std::string> key_for(SortKey sort, const json& key) {
  switch (sort) {
    case SortKey::due:
      if (key.is_null()) return std::nullopt;  // the previous page ended among undated tasks
      return instant_key(key);
    case SortKey::created:
    case SortKey::updated:
      return instant_key(key);
    case SortKey::priority:
      if (!key.is_number_integer() || key.get<long long>() < 0 || key.get<long long>() > 3) {
        bad_cursor("is malformed (key)");
      }
      return std::to_string(key.get<long long>());
    case SortKey::title:
      if (!key.is_string() || key.get<std::string>().size() > kMaxTitleKeyBytes ||
          !is_clean_text(key.get<std::string>())) {
        bad_cursor("is malformed (key)");
      }
      return key.get<std::string>();
    case SortKey::relevance:
      if (!key.is_string() || !is_sql_real(key.get<std::string>())) {
        bad_cursor("is malformed (key)");
      }
      return key.get<std::string>();
  }
  bad_cursor("is malformed (key)");
}

}  // namespace

const char* to_string(SortKey sort) {
  switch (sort) {
    case SortKey::due:
      return "due";
    case SortKey::priority:
      return "priority";
    case SortKey::title:
      return "title";
    case SortKey::created:
      return "created";
    case SortKey::updated:
      return "updated";
    case SortKey::relevance:
      return "relevance";
  }
  return "due";
}

const char* to_string(SortOrder order) {
  return order == SortOrder::asc ? "asc" : "desc";
}

std::string encode_cursor(SortKey sort, SortOrder order, const ListCursor& cursor) {
  json key = nullptr;
  if (cursor.key) {
    // Priority travels as a number so the JSON says what it is; every other key as text.
    key = sort == SortKey::priority ? json(std::stoi(*cursor.key)) : json(*cursor.key);
  }
  const json body = {{"v", kCursorVersion},
                     {"s", to_string(sort)},
                     {"o", to_string(order)},
                     {"k", key},
                     {"id", cursor.id}};
  return base64url(body.dump());
}

ListCursor decode_cursor(const std::string& token, SortKey sort, SortOrder order) {
  if (token.size() > kMaxCursorLength) bad_cursor("is too long");
  const auto bytes = unbase64url(token);
  if (!bytes) bad_cursor("is malformed");
  const json body = todo::json::parse(*bytes);
  if (!body.is_object()) bad_cursor("is malformed");
  const auto v = body.find("v");
  const auto s = body.find("s");
  const auto o = body.find("o");
  const auto k = body.find("k");
  const auto id = body.find("id");
  if (v == body.end() || s == body.end() || o == body.end() || k == body.end() ||
      id == body.end() || *v != kCursorVersion || !s->is_string() || !o->is_string() ||
      !id->is_string()) {
    bad_cursor("is malformed");
  }
  // A cursor continues one ordering; under another sort its key would mean something else.
  if (*s != to_string(sort) || *o != to_string(order)) {
    bad_cursor("belongs to a different sort or order");
  }
  if (!ids::is_uuid(id->get<std::string>())) bad_cursor("is malformed (id)");
  return ListCursor{key_for(sort, *k), id->get<std::string>()};
}

}  // namespace todo::tasksvc
