#include "event_hub.hpp"

#include <nlohmann/json.hpp>

namespace todo::frontend {

Stream::~Stream() {
  hub_.close(this);
}

void Stream::push(const StreamEvent& ev, size_t max_pending, const StreamEvent& resync) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (overflowed_) return;  // a resync is already queued; the page refetches everything
    if (pending_.size() >= max_pending) {
      pending_.clear();
      pending_.push_back(resync);
      overflowed_ = true;
    } else {
      pending_.push_back(ev);
    }
  }
  cv_.notify_one();
}

bool Stream::wait(std::vector<StreamEvent>& out, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  if (!cv_.wait_for(lock, timeout, [this] { return !pending_.empty(); })) return false;
  while (!pending_.empty()) {
    out.push_back(std::move(pending_.front()));
    pending_.pop_front();
  }
  overflowed_ = false;
  return true;
}

EventHub::EventHub(HubOptions options) : options_(std::move(options)) {
  if (options_.epoch.empty()) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    options_.epoch = std::to_string(ms);
  }
}

void EventHub::trim(Ring& ring, std::chrono::steady_clock::time_point now) {
  while (!ring.events.empty() && (ring.events.size() > options_.ring_capacity ||
                                  now - ring.events.front().at > options_.ring_max_age)) {
    ring.last_evicted = ring.events.front().seq;
    ring.events.pop_front();
  }
}

StreamEvent EventHub::resync_event(const std::string& reason) const {
  StreamEvent ev;
  ev.name = "resync";
  ev.data = nlohmann::json{{"reason", reason}}.dump();
  ev.at = std::chrono::steady_clock::now();
  return ev;
}

std::string EventHub::publish(const std::string& user_id, const std::string& name,
                              const std::string& data) {
  const auto now = std::chrono::steady_clock::now();
  const StreamEvent resync = resync_event("this stream fell behind");
  std::lock_guard<std::mutex> lock(mu_);
  StreamEvent ev;
  ev.seq = next_seq_++;
  ev.id = options_.epoch + "-" + std::to_string(ev.seq);
  ev.name = name;
  ev.data = data;
  ev.at = now;
  Ring& ring = rings_[user_id];
  ring.events.push_back(ev);
  trim(ring, now);
  auto it = streams_.find(user_id);
  if (it != streams_.end()) {
    for (Stream* s : it->second) s->push(ev, options_.max_pending_per_stream, resync);
  }
  return ev.id;
}

std::unique_ptr<Stream> EventHub::open(const std::string& user_id,
                                       const std::optional<std::string>& last_event_id,
                                       bool* user_at_limit) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mu_);
  if (user_at_limit) *user_at_limit = false;
  const auto mine = streams_.find(user_id);
  if (mine != streams_.end() && mine->second.size() >= options_.max_streams_per_user) {
    if (user_at_limit) *user_at_limit = true;
    return nullptr;
  }
  if (stream_count_ >= options_.max_streams) return nullptr;
  std::unique_ptr<Stream> stream(new Stream(*this, user_id));
  streams_[user_id].insert(stream.get());
  ++stream_count_;
  if (!last_event_id || last_event_id->empty()) return stream;

  const auto parsed = parse_event_id(*last_event_id);
  if (!parsed || parsed->first != options_.epoch) {
    stream->pending_.push_back(resync_event("the server restarted since the last event"));
    return stream;
  }
  const uint64_t last_seen = parsed->second;
  auto ring_it = rings_.find(user_id);
  if (ring_it == rings_.end()) {
    // No event for this user since this process started: nothing was missed, unless the id
    // is from the future (a forged or corrupt id).
    if (last_seen >= next_seq_) stream->pending_.push_back(resync_event("unknown event id"));
    return stream;
  }
  Ring& ring = ring_it->second;
  trim(ring, now);
  if (last_seen < ring.last_evicted || last_seen >= next_seq_) {
    stream->pending_.push_back(resync_event("the missed events are no longer kept"));
    return stream;
  }
  for (const auto& ev : ring.events) {
    if (ev.seq > last_seen) stream->pending_.push_back(ev);
  }
  return stream;
}

void EventHub::close(Stream* s) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = streams_.find(s->user_id());
  if (it == streams_.end() || it->second.erase(s) == 0) return;
  --stream_count_;
  if (it->second.empty()) streams_.erase(it);
}

size_t EventHub::open_streams() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stream_count_;
}

std::optional<std::pair<std::string, uint64_t>> parse_event_id(const std::string& id) {
  const auto dash = id.rfind('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 >= id.size() || id.size() > 64)
    return std::nullopt;
  const std::string seq_text = id.substr(dash + 1);
  for (char c : seq_text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  if (seq_text.size() > 19) return std::nullopt;
  return std::make_pair(id.substr(0, dash), static_cast<uint64_t>(std::stoull(seq_text)));
}

std::string format_sse(const StreamEvent& ev) {
  std::string out;
  if (!ev.id.empty()) out += "id: " + ev.id + "\n";
  if (!ev.name.empty()) out += "event: " + ev.name + "\n";
  // JSON from nlohmann::dump() has no raw newlines; split anyway so any data stays valid SSE.
  size_t start = 0;
  while (true) {
    const auto nl = ev.data.find('\n', start);
    out +=
        "data: " + ev.data.substr(start, nl == std::string::npos ? std::string::npos : nl - start) +
        "\n";
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  out += "\n";
  return out;
}

}  // namespace todo::frontend
