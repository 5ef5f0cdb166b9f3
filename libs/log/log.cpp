#include "log/log.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

namespace todo::log {
namespace {

thread_local std::string current_trace_id;

// Builds each line with nlohmann::json so messages are always correctly escaped.
class JsonFormatter final : public spdlog::formatter {
 public:
  explicit JsonFormatter(std::string service) : service_(std::move(service)) {}

  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    nlohmann::json line;
    line["ts"] = utc_timestamp(msg.time);
    line["level"] = spdlog::level::to_string_view(msg.level).data();
    line["service"] = service_;
    if (!current_trace_id.empty()) line["trace_id"] = current_trace_id;
    line["msg"] = std::string(msg.payload.data(), msg.payload.size());
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    dest.append(text.data(), text.data() + text.size());
    dest.push_back('\n');
  }

  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>(service_);
  }

 private:
  static std::string utc_timestamp(spdlog::log_clock::time_point tp) {
    const auto secs = std::chrono::time_point_cast<std::chrono::seconds>(tp);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(tp - secs).count();
    const std::time_t t = spdlog::log_clock::to_time_t(tp);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    const size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(buf + n, sizeof buf - n, ".%03lldZ", static_cast<long long>(millis));
    return buf;
  }

  std::string service_;
};

}  // namespace

void init(const std::string& service_name, const std::string& level) {
  auto logger = std::make_shared<spdlog::logger>(service_name,
                                                 std::make_shared<spdlog::sinks::stdout_sink_mt>());
  logger->set_formatter(std::make_unique<JsonFormatter>(service_name));
  logger->set_level(spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(logger);
}

void set_trace_id(std::string trace_id) {
  current_trace_id = std::move(trace_id);
}

const std::string& trace_id() {
  return current_trace_id;
}

std::string trace_id_from_traceparent(const std::string& traceparent) {
  // version(2) '-' trace-id(32) '-' parent-id(16) '-' flags(2)
  if (traceparent.size() < 55 || traceparent[2] != '-' || traceparent[35] != '-') return "";
  std::string id = traceparent.substr(3, 32);
  for (char c : id) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return "";
  }
  return id;
}

}  // namespace todo::log
