#include "recurrence/libical_guard.hpp"

#include <libical/ical.h>

#include <mutex>

namespace todo::recurrence {

void make_libical_quiet() {
  static std::once_flag once;
  std::call_once(once, [] {
    // These settings are process-wide globals in libical, written once before any parse of ours.
    icalerror_set_errors_are_fatal(0);
    for (icalerrorenum error : {ICAL_BADARG_ERROR, ICAL_MALFORMEDDATA_ERROR, ICAL_PARSE_ERROR,
                                ICAL_NEWFAILED_ERROR, ICAL_USAGE_ERROR}) {
      icalerror_set_error_state(error, ICAL_ERROR_NONFATAL);
    }
  });
}

std::optional<std::string> libical_rejects(const std::string& rule) {
  make_libical_quiet();
  icalerror_clear_errno();  // icalerrno is per thread; clear what earlier calls left behind
  const icalrecurrencetype parsed = icalrecurrencetype_from_string(rule.c_str());
  const icalerrorenum error = icalerrno;
  icalerror_clear_errno();
  // The only heap member of the struct: set when the rule has RSCALE (RFC 7529).
  if (parsed.rscale != nullptr) icalmemory_free_buffer(parsed.rscale);
  if (error != ICAL_NO_ERROR) {
    return std::string("libical rejected the rule: ") + icalerror_strerror(error);
  }
  // A rule without FREQ parses "successfully" into ICAL_NO_RECURRENCE.
  if (parsed.freq == ICAL_NO_RECURRENCE) return std::string("libical found no FREQ in the rule");
  return std::nullopt;
}

}  // namespace todo::recurrence
