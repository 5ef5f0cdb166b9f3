#pragma once
// Internal: the opaque page cursor. It is base64url (no padding) of a small JSON object,
// {"v":1,"s":"due","o":"asc","k":<key>,"id":"<uuid>"}, so it survives URLs untouched.
// It is not signed: every list query is scoped to the caller, so editing a cursor can only move
// within one's own tasks. Decoding therefore checks shape and types, so nothing malformed ever
// reaches SQL as a parameter that PostgreSQL would refuse.
#include <string>

#include "store/list_query.hpp"

namespace todo::tasksvc {

constexpr std::size_t kMaxCursorLength = 2048;

std::string encode_cursor(SortKey sort, SortOrder order, const ListCursor& cursor);

// Throws errors::InvalidQuery (field "cursor") when `token` is
// not a cursor, is tampered with, or was made for another sort or order.
ListCursor decode_cursor(const std::string& token, SortKey sort, SortOrder order);

// "due", "priority", ... and "asc" / "desc": the spellings of the query parameters.
const char* to_string(SortKey sort);
const char* to_string(SortOrder order);

}  // namespace todo::tasksvc
