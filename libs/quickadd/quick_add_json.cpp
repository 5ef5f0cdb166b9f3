#include "quickadd/quick_add.hpp"
#include "recurrence/expansion.hpp"
#include "recurrence/summary.hpp"
#include "time/rfc3339.hpp"
#include "time/time_zone.hpp"

namespace todo::quickadd {

nlohmann::json to_json(const QuickAdd& result, std::size_t next_count) {
  nlohmann::json parts = nlohmann::json::array();
  for (const Part& part : result.parts) {
    parts.push_back({{"kind", to_string(part.kind)},
                     {"start", part.start},
                     {"end", part.end},
                     {"text", part.text}});
  }
  nlohmann::json next = nlohmann::json::array();
  nlohmann::json summary = nullptr;
  if (result.rrule && result.due) {
    const std::string zone = result.task.at("time_zone").get<std::string>();
    summary = recurrence::describe(*result.rrule);
    for (const auto& occurrence :
         recurrence::expand(*result.rrule, recurrence::Anchor{*result.due, zone}, next_count)) {
      next.push_back(time::format_rfc3339(time::to_utc(occurrence, zone)));
    }
  }
  return {{"task", result.task},
          {"parts", parts},
          {"due_at", result.due_at ? nlohmann::json(time::format_rfc3339(*result.due_at))
                                   : nlohmann::json(nullptr)},
          {"rrule", result.rrule ? nlohmann::json(*result.rrule) : nlohmann::json(nullptr)},
          {"summary", summary},
          {"next", next},
          {"warnings", result.warnings}};
}

}  // namespace todo::quickadd
