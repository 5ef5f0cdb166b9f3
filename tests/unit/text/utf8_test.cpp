// UTF-8 measuring and cutting (libs/text/utf8.hpp).
#include "text/utf8.hpp"

#include <catch2/catch.hpp>

using namespace todo::text;

TEST_CASE("code points are counted in well-formed UTF-8 only", "[text]") {
  CHECK(utf8_length("abc") == 3u);
  CHECK(utf8_length("h\xC3\xA9llo") == 5u);      // "héllo"
  CHECK(utf8_length("\xF0\x9F\x98\x80") == 1u);  // one emoji
  CHECK(utf8_length("") == 0u);
  CHECK_FALSE(utf8_length("\xc3"));              // truncated
  CHECK_FALSE(utf8_length("\xc0\xaf"));          // overlong '/'
  CHECK_FALSE(utf8_length("\xed\xa0\x80"));      // a UTF-16 surrogate
  CHECK_FALSE(utf8_length("\xf4\x90\x80\x80"));  // past U+10FFFF
  CHECK_FALSE(utf8_length("\x80"));
  CHECK(is_utf8("h\xC3\xA9llo"));
  CHECK_FALSE(is_utf8("\xff"));
}

TEST_CASE("a prefix never cuts a character", "[text]") {
  CHECK(utf8_prefix("h\xC3\xA9llo", 2) == "h\xC3\xA9");
  CHECK(utf8_prefix("h\xC3\xA9llo", 1) == "h");
  CHECK(utf8_prefix("abc", 10) == "abc");
  CHECK(utf8_prefix("abc", 0).empty());
  CHECK(utf8_prefix("\xF0\x9F\x98\x80x", 1) == "\xF0\x9F\x98\x80");
}

TEST_CASE("UTF-16 offsets count a surrogate pair for characters past U+FFFF", "[text]") {
  const std::string text = "a\xC3\xA9\xF0\x9F\x98\x80z";  // a é 😀 z
  CHECK(utf16_offset(text, 0) == 0u);
  CHECK(utf16_offset(text, 1) == 1u);  // after a
  CHECK(utf16_offset(text, 3) == 2u);  // after é (two bytes, one unit)
  CHECK(utf16_offset(text, 7) == 4u);  // after 😀 (four bytes, two units)
  CHECK(utf16_offset(text, 8) == 5u);
  CHECK(utf16_offset(text, 100) == 5u);  // past the end: the whole text
}
