#include <algorithm>
#include <map>

#include "store/list_cursor.hpp"
#include "store/list_query.hpp"
#include "store/query_errors.hpp"
#include "store/sql_values.hpp"
#include "tasks/tags.hpp"
#include "tasks/text.hpp"
#include "text/utf8.hpp"
#include "time/local_due.hpp"
#include "time/rfc3339.hpp"

namespace todo::tasksvc {
namespace {

constexpr const char* kKnown[] = {"status",     "priority",  "tag",     "tag_mode",  "q",
                                  "due_before", "due_after", "overdue", "due_today", "recurring",
                                  "sort",       "order",     "limit",   "cursor"};
constexpr const char* kKnownList =
    "status, priority, tag, tag_mode, q, due_before, due_after, overdue, due_today, recurring, "
    "sort, order, limit, cursor";
constexpr const char* kMultiValued[] = {"priority", "tag"};

bool contains(const char* const* begin, const char* const* end, const std::string& name) {
  return std::any_of(begin, end, [&](const char* known) { return name == known; });
}

// Parameter name -> its non-empty values, in request order. Unknown names and repeats of
// single-valued parameters are reported here, once each.
std::map<std::string, std::vector<std::string>> group(const httplib::Params& params,
                                                      errors::FieldErrors& errors) {
  std::map<std::string, std::vector<std::string>> values;
  for (const auto& [name, value] : params) {
    if (!contains(std::begin(kKnown), std::end(kKnown), name)) {
      const std::string shown = quoted_input(name);
      if (values.count(name) == 0) {
        errors.add(shown, "'" + shown + "' is not a known query parameter; known: " + kKnownList);
      }
      values[name];  // remembered so a repeat is not reported twice
      continue;
    }
    // An empty value is "not given": HTML forms send every field, filled or not.
    if (value.empty()) continue;
    std::vector<std::string>& list = values[name];
    list.push_back(value);
    if (list.size() == 2 && !contains(std::begin(kMultiValued), std::end(kMultiValued), name)) {
      errors.add(name, name + " may be given only once");
    }
  }
  return values;
}

// The one value of a single-valued parameter, or nullptr.
const std::string* single(const std::map<std::string, std::vector<std::string>>& values,
                          const char* name) {
  const auto it = values.find(name);
  return it == values.end() || it->second.empty() ? nullptr : &it->second.front();
}

// Every comma-separated item of every value of a repeatable parameter, trimmed, empty ones dropped.
std::vector<std::string> items(const std::map<std::string, std::vector<std::string>>& values,
                               const char* name) {
  std::vector<std::string> out;
  const auto it = values.find(name);
  if (it == values.end()) return out;
  for (const std::string& value : it->second) {
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t comma = std::min(value.find(',', start), value.size());
      std::string item = tasks::trim_ascii_whitespace(value.substr(start, comma - start));
      if (!item.empty()) out.push_back(std::move(item));
      start = comma + 1;
    }
  }
  return out;
}

std::optional<bool> read_bool(const std::map<std::string, std::vector<std::string>>& values,
                              const char* name, errors::FieldErrors& errors) {
  const std::string* text = single(values, name);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  errors.add(name, std::string(name) + " must be true or false");
  return std::nullopt;
}

// An RFC 3339 instant, or a local date / date-time in the user's zone.
std::optional<time::Instant> read_due_bound(
    const std::map<std::string, std::vector<std::string>>& values, const char* name,
    const std::string& zone, errors::FieldErrors& errors) {
  const std::string* text = single(values, name);
  if (!text) return std::nullopt;
  std::optional<time::Instant> instant;
  std::string reason;
  if (const auto exact = time::parse_rfc3339(*text)) {
    instant = *exact;
  } else if (const auto local = time::parse_local_due(*text)) {
    instant = time::to_utc(*local, zone);
  } else {
    // Whichever form the text was aiming at explains the problem best: an offset or 'Z' after
    // the time means an instant was meant.
    const bool looks_exact =
        text->size() > 19 && text->find_first_of("Zz+-", 19) != std::string::npos;
    reason = looks_exact ? exact.error() : local.error();
  }
  if (instant && !storable_instant(*instant)) reason = "the year must be between 0001 and 9999";
  if (!reason.empty()) {
    errors.add(name, std::string(name) +
                         " must be an RFC 3339 instant like 2026-12-01T08:00:00Z, or a local date "
                         "or date-time in your time zone like 2026-12-01 or 2026-12-01T09:00 (" +
                         reason + ")");
    return std::nullopt;
  }
  return instant;
}

template <class Enum>
std::optional<Enum> read_choice(const std::map<std::string, std::vector<std::string>>& values,
                                const char* name,
                                const std::vector<std::pair<const char*, Enum>>& choices,
                                const char* spelled, errors::FieldErrors& errors) {
  const std::string* text = single(values, name);
  if (!text) return std::nullopt;
  for (const auto& [word, value] : choices) {
    if (*text == word) return value;
  }
  errors.add(name, std::string(name) + " must be one of " + spelled);
  return std::nullopt;
}

std::vector<tasks::Priority> read_priorities(
    const std::map<std::string, std::vector<std::string>>& values, errors::FieldErrors& errors) {
  std::vector<tasks::Priority> out;
  for (const std::string& item : items(values, "priority")) {
    const auto priority = tasks::parse_priority(item);
    if (!priority) {
      errors.add("priority", std::string("priority must be a list of ") +
                                 tasks::priority_choices() + " ('" + quoted_input(item) +
                                 "' is not one)");
      return {};
    }
    if (std::find(out.begin(), out.end(), *priority) == out.end()) out.push_back(*priority);
  }
  return out;
}

std::vector<std::string> read_tags(const std::map<std::string, std::vector<std::string>>& values,
                                   errors::FieldErrors& errors) {
  std::vector<std::string> normalized;
  for (const std::string& item : items(values, "tag")) {
    const auto tag = tasks::normalize_tag(item);
    if (!tag) {
      errors.add("tag", "tag '" + quoted_input(item) + "' is not a valid tag: " + tag.error());
      return {};
    }
    normalized.push_back(*tag);
  }
  std::vector<std::string> tags = tasks::dedupe_tags(normalized);
  if (tags.size() > tasks::kMaxTags) {
    errors.add("tag", "at most " + std::to_string(tasks::kMaxTags) + " tags may be given");
    return {};
  }
  return tags;
}

std::optional<std::string> read_text(const std::map<std::string, std::vector<std::string>>& values,
                                     errors::FieldErrors& errors) {
  const std::string* raw = single(values, "q");
  if (!raw) return std::nullopt;
  if (!is_clean_text(*raw)) {
    errors.add("q", "q must be UTF-8 text without control characters");
    return std::nullopt;
  }
  std::string text = tasks::trim_ascii_whitespace(*raw);
  if (text.empty()) return std::nullopt;
  if (*text::utf8_length(text) > kMaxSearchLength) {
    errors.add("q", "q must be at most " + std::to_string(kMaxSearchLength) + " characters");
    return std::nullopt;
  }
  return text;
}

std::optional<int> read_limit(const std::map<std::string, std::vector<std::string>>& values,
                              errors::FieldErrors& errors) {
  const std::string* text = single(values, "limit");
  if (!text) return std::nullopt;
  const bool digits =
      text->size() <= 3 && text->find_first_not_of("0123456789") == std::string::npos;
  const int limit = digits ? std::stoi(*text) : 0;
  if (limit < 1 || limit > kMaxListLimit) {
    errors.add("limit", "limit must be an integer from 1 to " + std::to_string(kMaxListLimit));
    return std::nullopt;
  }
  return limit;
}

}  // namespace

SortOrder default_order(SortKey sort) {
  switch (sort) {
    case SortKey::due:
    case SortKey::title:
      return SortOrder::asc;
    case SortKey::priority:  // urgent first
    case SortKey::created:   // newest first
    case SortKey::updated:
    case SortKey::relevance:  // best match first
      return SortOrder::desc;
  }
  return SortOrder::asc;
}

ListQuery parse_list_query(const httplib::Params& params, const std::string& user_time_zone,
                           time::Instant now) {
  errors::FieldErrors errors;
  const auto values = group(params, errors);
  ListQuery q;
  q.now = now;

  q.status = read_choice<StatusFilter>(values, "status",
                                       {{"open", StatusFilter::open},
                                        {"completed", StatusFilter::completed},
                                        {"all", StatusFilter::all}},
                                       "open, completed, all", errors)
                 .value_or(StatusFilter::all);
  q.priorities = read_priorities(values, errors);
  q.tags = read_tags(values, errors);
  q.tag_mode =
      read_choice<TagMode>(values, "tag_mode", {{"any", TagMode::any}, {"all", TagMode::all}},
                           "any, all", errors)
          .value_or(TagMode::any);
  q.text = read_text(values, errors);
  q.due_before = read_due_bound(values, "due_before", user_time_zone, errors);
  q.due_after = read_due_bound(values, "due_after", user_time_zone, errors);
  q.overdue = read_bool(values, "overdue", errors);
  q.due_today = read_bool(values, "due_today", errors);
  q.recurring = read_bool(values, "recurring", errors);
  if (q.due_today) q.today = time::local_day_bounds_at(now, user_time_zone);

  const auto sort =
      read_choice<SortKey>(values, "sort",
                           {{"due", SortKey::due},
                            {"priority", SortKey::priority},
                            {"title", SortKey::title},
                            {"created", SortKey::created},
                            {"updated", SortKey::updated},
                            {"relevance", SortKey::relevance}},
                           "due, priority, title, created, updated, relevance", errors);
  q.sort = sort.value_or(q.text ? SortKey::relevance : SortKey::due);
  if (q.sort == SortKey::relevance && !q.text) {
    errors.add("sort", "sort=relevance needs a search text in q");
  }
  const auto order = read_choice<SortOrder>(
      values, "order", {{"asc", SortOrder::asc}, {"desc", SortOrder::desc}}, "asc, desc", errors);
  q.order = order.value_or(default_order(q.sort));
  if (const auto limit = read_limit(values, errors)) q.limit = *limit;

  errors.throw_query_error_if_any();
  // Last, once sort and order are known good: a cursor is checked against the ordering it
  // continues.
  if (const std::string* cursor = single(values, "cursor")) {
    q.after = decode_cursor(*cursor, q.sort, q.order);
  }
  return q;
}

}  // namespace todo::tasksvc
