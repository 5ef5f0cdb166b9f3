#pragma once
// From a reminder.due event and what we know of its user to what every channel renders, and to
// the inbox item the API lists.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "events/reminder_due.hpp"
#include "messages/reminder_notice.hpp"
#include "profile_projection.hpp"

namespace todo::notify {

// `app_url` is the web app's public base URL (links in emails and pushes point there).
ReminderNotice build_notice(const std::string& notification_id, const events::ReminderDue& due,
                            const std::optional<Profile>& profile, const std::string& app_url);

// The item as stored in the inbox and carried by todo.notification.created.v1; `channels` holds
// the initial status of each channel ("pending" or "skipped").
nlohmann::json inbox_item(const ReminderNotice& notice, const nlohmann::json& channels,
                          time::Instant created_at);

}  // namespace todo::notify
