#pragma once
// Internal: the two halves of the list's text search, both passed as parameter values.
//
// Full text: the tasks.search tsvector ('simple' configuration: no stemming, no stop words, so
// every word a user types can match) against a prefix query of the words in q, ranked by ts_rank.
// Substring: ILIKE on title and description, for what the word parser splits differently than a
// person would ("v1.2", "e-mail", "foo_bar") and for fragments inside words ("ceries").
#include <optional>
#include <string>

namespace todo::tasksvc {

// "Groc  milk!" -> "'groc':* & 'milk':*". Words are runs of ASCII letters and digits and of any
// non-ASCII characters; everything else separates them, so no tsquery operator or quote can get
// in. nullopt when q holds no word.
std::optional<std::string> prefix_tsquery(const std::string& q);

// "50%_off" -> "%50\%\_off%": q as a literal substring for ILIKE ... ESCAPE '\'.
std::string ilike_contains(const std::string& q);

}  // namespace todo::tasksvc
