#include <sodium.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "http/problem.hpp"
#include "store/list_cursor.hpp"

using namespace todo::tasksvc;

namespace {

const std::string kId = "0f8fad5b-d9cb-469f-a165-70867728950e";

std::string encode_json(const nlohmann::json& body) {
  const std::string bytes = body.dump();
  const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), variant);
  out.pop_back();
  return out;
}

// The message of the 400 decoding throws, or "" when it decodes.
std::string rejection(const std::string& token, SortKey sort = SortKey::due,
                      SortOrder order = SortOrder::asc) {
  try {
    decode_cursor(token, sort, order);
  } catch (const todo::errors::DomainError& thrown) {
    const auto problem = todo::http::problem_for(thrown);
    CHECK(problem.status() == 400);
    CHECK(problem.extra().at("errors").at(0).at("field") == "cursor");
    return problem.detail();
  }
  return "";
}

nlohmann::json body(const char* sort, const nlohmann::json& key) {
  return {{"v", 1}, {"s", sort}, {"o", "asc"}, {"k", key}, {"id", kId}};
}

}  // namespace

TEST_CASE("cursors round-trip for every sort", "[tasksvc][cursor]") {
  const std::vector<std::pair<SortKey, std::optional<std::string>>> cases = {
      {SortKey::due, std::string("2026-03-12T08:00:00Z")},
      {SortKey::due, std::nullopt},
      {SortKey::priority, std::string("3")},
      {SortKey::title, std::string("groceries: milk & \"eggs\" ü")},
      {SortKey::created, std::string("2026-01-01T00:00:00Z")},
      {SortKey::updated, std::string("2026-01-01T00:00:01Z")},
      {SortKey::relevance, std::string("0.6079271")},
      {SortKey::relevance, std::string("1e-20")},
  };
  for (const auto& [sort, key] : cases) {
    for (const SortOrder order : {SortOrder::asc, SortOrder::desc}) {
      const std::string token = encode_cursor(sort, order, ListCursor{key, kId});
      CAPTURE(token);
      CHECK(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                    "0123456789-_") == std::string::npos);
      const ListCursor back = decode_cursor(token, sort, order);
      CHECK(back.key == key);
      CHECK(back.id == kId);
    }
  }
}

TEST_CASE("instant keys are read in any RFC 3339 spelling and normalized", "[tasksvc][cursor]") {
  const ListCursor c = decode_cursor(encode_json(body("due", "2026-03-12T09:00:00+01:00")),
                                     SortKey::due, SortOrder::asc);
  CHECK(c.key == std::optional<std::string>("2026-03-12T08:00:00Z"));
}

TEST_CASE("malformed and tampered cursors are a 400 on cursor", "[tasksvc][cursor]") {
  const std::string good = encode_cursor(SortKey::due, SortOrder::asc, {std::nullopt, kId});
  CHECK(rejection(good).empty());
  CHECK_THAT(rejection(good + "="), Catch::Contains("malformed"));  // padding is not ours
  CHECK_THAT(rejection(good + "!"), Catch::Contains("malformed"));
  CHECK_THAT(rejection("eyJ"), Catch::Contains("malformed"));  // cut short
  CHECK_THAT(rejection(encode_json("just a string")), Catch::Contains("malformed"));
  CHECK_THAT(rejection(std::string(3000, 'A')), Catch::Contains("too long"));
  CHECK_THAT(rejection(good, SortKey::due, SortOrder::desc), Catch::Contains("different"));
  CHECK_THAT(rejection(good, SortKey::title), Catch::Contains("different"));

  nlohmann::json wrong_version = body("due", nullptr);
  wrong_version["v"] = 2;
  CHECK_THAT(rejection(encode_json(wrong_version)), Catch::Contains("malformed"));
  nlohmann::json no_key = body("due", nullptr);
  no_key.erase("k");
  CHECK_THAT(rejection(encode_json(no_key)), Catch::Contains("malformed"));
  nlohmann::json bad_id = body("due", nullptr);
  bad_id["id"] = "1; DROP TABLE tasks";
  CHECK_THAT(rejection(encode_json(bad_id)), Catch::Contains("malformed (id)"));

  // Keys must fit the type their sort compares them with, so nothing reaches SQL that
  // PostgreSQL would refuse.
  CHECK_THAT(rejection(encode_json(body("due", "yesterday"))), Catch::Contains("(key)"));
  CHECK_THAT(rejection(encode_json(body("due", "0000-01-01T00:00:00Z"))), Catch::Contains("(key)"));
  CHECK_THAT(rejection(encode_json(body("created", nullptr)), SortKey::created),
             Catch::Contains("(key)"));
  CHECK_THAT(rejection(encode_json(body("priority", 4)), SortKey::priority),
             Catch::Contains("(key)"));
  CHECK_THAT(rejection(encode_json(body("priority", "2")), SortKey::priority),
             Catch::Contains("(key)"));
  CHECK_THAT(rejection(encode_json(body("title", std::string("a\0b", 3))), SortKey::title),
             Catch::Contains("(key)"));
  CHECK_THAT(rejection(encode_json(body("title", nullptr)), SortKey::title),
             Catch::Contains("(key)"));
  for (const char* rank : {"nan", "inf", "1e400", "0x1p3", " 1", "1;", ""}) {
    CAPTURE(rank);
    CHECK_THAT(rejection(encode_json(body("relevance", rank)), SortKey::relevance),
               Catch::Contains("(key)"));
  }
}
