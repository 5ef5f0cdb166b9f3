#pragma once
// Per-user fan-out of live updates to open browser streams (server-sent events).
//
// Every event gets an id "<epoch>-<seq>": `seq` grows across the whole process, `epoch` is
// fixed per process start, so an id from an earlier process is recognised as such. Each user
// has a bounded ring of recent events (count and age); a stream that reconnects with
// Last-Event-ID gets what it missed from that ring, or, when the ring cannot tell (another
// process, or events already evicted), a "resync" telling the page to refetch.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace todo::frontend {

struct StreamEvent {
  std::string id;    // "<epoch>-<seq>"
  uint64_t seq = 0;  // for ordering inside this process
  std::string name;  // the SSE event name: "update" or "resync"
  std::string data;  // one line of JSON
  std::chrono::steady_clock::time_point at;
};

struct HubOptions {
  size_t ring_capacity = 1000;             // events kept per user
  std::chrono::seconds ring_max_age{300};  // and for how long
  size_t max_streams = 200;                // open streams over all users
  size_t max_pending_per_stream = 1000;    // a stream that falls this far behind is resynced
  std::string epoch;                       // empty: derived from the start time
  size_t max_streams_per_user = 8;         // so one user cannot hold every stream
};

class EventHub;

// One open browser stream. Obtained from EventHub::open; closing it (destruction) unregisters.
class Stream {
 public:
  ~Stream();
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;

  // Waits up to `timeout` for events and moves them into `out` (in order). Returns false when
  // nothing arrived in time.
  bool wait(std::vector<StreamEvent>& out, std::chrono::milliseconds timeout);
  const std::string& user_id() const { return user_id_; }

 private:
  friend class EventHub;
  Stream(EventHub& hub, std::string user_id) : hub_(hub), user_id_(std::move(user_id)) {}
  void push(const StreamEvent& ev, size_t max_pending, const StreamEvent& resync);

  EventHub& hub_;
  std::string user_id_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<StreamEvent> pending_;
  bool overflowed_ = false;
};

class EventHub {
 public:
  explicit EventHub(HubOptions options = {});

  // Records an event for `user_id` and hands it to each of that user's open streams.
  // `name` is the SSE event name, `data` one line of JSON. Returns the event's id.
  std::string publish(const std::string& user_id, const std::string& name, const std::string& data);

  // Opens a stream for `user_id`. With a Last-Event-ID, the events it missed are queued on the
  // new stream first (or one "resync" event when they cannot be known). Returns nullptr when
  // max_streams streams are already open, or max_streams_per_user of this user's (then
  // `user_at_limit`, when given, is set).
  std::unique_ptr<Stream> open(const std::string& user_id,
                               const std::optional<std::string>& last_event_id,
                               bool* user_at_limit = nullptr);

  size_t open_streams() const;
  const std::string& epoch() const { return options_.epoch; }
  // A "resync" event (no id: it is not part of the replayable history).
  StreamEvent resync_event(const std::string& reason) const;

 private:
  friend class Stream;
  struct Ring {
    std::deque<StreamEvent> events;
    uint64_t last_evicted = 0;  // highest seq dropped from this ring (0: none)
  };
  void close(Stream* s);
  void trim(Ring& ring, std::chrono::steady_clock::time_point now);

  HubOptions options_;
  mutable std::mutex mu_;
  uint64_t next_seq_ = 1;
  std::map<std::string, Ring> rings_;
  std::map<std::string, std::set<Stream*>> streams_;
  size_t stream_count_ = 0;
};

// Parses "<epoch>-<seq>"; nullopt when malformed.
std::optional<std::pair<std::string, uint64_t>> parse_event_id(const std::string& id);

// The SSE wire form of one event ("id: ...\nevent: ...\ndata: ...\n\n").
std::string format_sse(const StreamEvent& ev);

}  // namespace todo::frontend
