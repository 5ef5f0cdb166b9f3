#include "time/time_zone.hpp"

#include <date/tz.h>

#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "time/calendar.hpp"

// Zone data must come from the OS (/usr/share/zoneinfo), never from a download at run time.
static_assert(USE_OS_TZDB == 1 && HAS_REMOTE_API == 0, "date-tz must be built with USE_OS_TZDB");

namespace todo::time {
namespace {

// date::locate_zone, serialized and remembered. ThreadSanitizer reports a race inside
// libdate-tz 3.0.1's locate_zone when several threads look zones up at once (request threads and
// consumers all do), so every lookup goes through one lock; found zones are cached (they live as
// long as the process), unknown names are not, so user input cannot grow the cache.
const date::time_zone* lookup_zone(const std::string& name) {
  static std::mutex mutex;
  static std::unordered_map<std::string, const date::time_zone*> found;
  std::lock_guard<std::mutex> lock(mutex);
  const auto it = found.find(name);
  if (it != found.end()) return it->second;
  try {
    const date::time_zone* zone = date::locate_zone(name);
    if (zone) found.emplace(name, zone);
    return zone;
  } catch (const std::exception&) {
    return nullptr;
  }
}

bool is_usable_name(const std::string& name) {
  // The OS database directory also holds "localtime", a link to this machine's /etc/localtime:
  // not an IANA name, and its meaning would change from host to host.
  return !name.empty() && name != "localtime";
}

// One lookup (one lock) per call: this runs for every local-to-UTC conversion.
const date::time_zone& find_zone(const std::string& name) {
  const date::time_zone* zone = is_usable_name(name) ? lookup_zone(name) : nullptr;
  if (!zone) throw std::invalid_argument("unknown time zone '" + name + "'");
  return *zone;
}

// Local and UTC day counts share their epoch: only the meaning differs.
date::local_seconds to_local_seconds(const LocalDue& local) {
  return date::local_days{to_sys_days(local.date).time_since_epoch()} +
         local.time_of_day.value_or(std::chrono::seconds{0});
}

}  // namespace

bool is_valid_time_zone(const std::string& name) {
  return is_usable_name(name) && lookup_zone(name) != nullptr;
}

Instant to_utc(const LocalDue& local, const std::string& zone) {
  const date::local_seconds wall = to_local_seconds(local);
  const date::local_info info = find_zone(zone).get_info(wall);
  // For every result, `first` is the right offset: when unique it is the only one; when
  // ambiguous it is the earlier instant's; when nonexistent it is the offset in force before the
  // gap, and applying it lands exactly gap-length later than the wall time asked for.
  return Instant{wall.time_since_epoch() - info.first.offset};
}

LocalDue to_local(Instant instant, const std::string& zone) {
  const date::local_seconds wall = find_zone(zone).to_local(instant);
  const date::local_days day = date::floor<date::days>(wall);
  return LocalDue{to_local_date(SysDays{day.time_since_epoch()}), std::chrono::seconds{wall - day}};
}

LocalDate local_date_at(Instant instant, const std::string& zone) {
  return to_local(instant, zone).date;
}

DayBounds local_day_bounds(const LocalDate& calendar_day, const std::string& zone) {
  const LocalDate next = add_days(calendar_day, 1);
  return DayBounds{to_utc(LocalDue{calendar_day, std::nullopt}, zone),
                   to_utc(LocalDue{next, std::nullopt}, zone)};
}

DayBounds local_day_bounds_at(Instant instant, const std::string& zone) {
  return local_day_bounds(local_date_at(instant, zone), zone);
}

}  // namespace todo::time
