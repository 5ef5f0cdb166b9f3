#include "series_progress.hpp"

namespace todo::recurrence_service {

std::string series_key(const std::string& series_id) {
  return "series-" + series_id;
}

nlohmann::json to_json(const SeriesProgress& progress) {
  return {{"completed_index", progress.completed_index},
          {"command", progress.command},
          {"finished", progress.finished}};
}

std::optional<SeriesProgress> series_progress_from_json(const nlohmann::json& json) {
  if (!json.is_object()) return std::nullopt;
  const auto index = json.find("completed_index");
  const auto finished = json.find("finished");
  const auto command = json.find("command");
  if (index == json.end() || !index->is_number_integer() || finished == json.end() ||
      !finished->is_boolean() || command == json.end() ||
      !(command->is_object() || command->is_null())) {
    return std::nullopt;
  }
  SeriesProgress progress;
  progress.completed_index = index->get<int>();
  progress.finished = finished->get<bool>();
  progress.command = *command;
  return progress;
}

}  // namespace todo::recurrence_service
