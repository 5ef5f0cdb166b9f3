#include "db/migrations.hpp"

#include <spdlog/spdlog.h>

#include <vector>

namespace todo::tasksvc {
namespace {

// Append only: a released migration is never edited, a change is a new version.
const std::vector<const char*> kMigrations = {
    // 1: users, tasks, activity, outbox.
    R"SQL(
CREATE TABLE users (
  id            uuid PRIMARY KEY,
  email         text NOT NULL,
  email_key     text NOT NULL UNIQUE,          -- lower-cased, for case-insensitive login
  password_hash text NOT NULL,                 -- argon2id (libsodium crypto_pwhash_str)
  name          text NOT NULL,
  time_zone     text NOT NULL,
  channels      jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE refresh_tokens (
  token_hash text PRIMARY KEY,                 -- SHA-256 of the token; the token itself is never stored
  user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE TABLE tasks (
  id               uuid PRIMARY KEY,
  user_id          uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title            text NOT NULL,
  description      text NOT NULL DEFAULT '',
  priority         smallint NOT NULL,          -- 0 low .. 3 urgent, so ORDER BY works
  tags             text[] NOT NULL DEFAULT '{}',
  status           text NOT NULL DEFAULT 'open',
  due_local        text,                       -- as the user gave it: date or date-time
  time_zone        text NOT NULL,
  due_at           timestamptz,
  reminders        jsonb NOT NULL DEFAULT '[]',
  rrule            text,
  recurrence_mode  text,
  series_id        uuid,
  parent_id        uuid,
  occurrence_index integer NOT NULL DEFAULT 0,
  completed_at     timestamptz,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  version          bigint NOT NULL DEFAULT 1,
  search           tsvector GENERATED ALWAYS AS (
                     setweight(to_tsvector('simple', title), 'A') ||
                     setweight(to_tsvector('simple', description), 'B')) STORED
);
-- One task per occurrence of a series: a repeated "create next occurrence" is a no-op.
CREATE UNIQUE INDEX tasks_series_occurrence ON tasks (series_id, occurrence_index)
  WHERE series_id IS NOT NULL;
-- Due ranges: overdue, due today, due_before / due_after.
CREATE INDEX tasks_user_due ON tasks (user_id, due_at, id);
-- One per list sort (tasks/list_sql.cpp), so a page is an index scan that stops after `limit`
-- rows and the cursor's (key, id) > (...) is an index condition at any depth. Undated tasks sort
-- last both ways: as +infinity ascending, as -infinity descending (that index is read backwards).
CREATE INDEX tasks_user_due_asc ON tasks (user_id, coalesce(due_at, 'infinity'::timestamptz), id);
CREATE INDEX tasks_user_due_desc ON tasks (user_id, coalesce(due_at, '-infinity'::timestamptz), id);
CREATE INDEX tasks_user_priority ON tasks (user_id, priority, id);
CREATE INDEX tasks_user_title ON tasks (user_id, lower(title), id);
CREATE INDEX tasks_user_created ON tasks (user_id, created_at, id);
CREATE INDEX tasks_user_updated ON tasks (user_id, updated_at, id);
CREATE INDEX tasks_user_status ON tasks (user_id, status);
-- Search and tag filters mostly run over one user's rows found by the indexes above; these GIN
-- indexes pay off for rare words and tags. No trigram index: the ILIKE half of the search only
-- filters that user's rows, which a cross-user trigram index would not narrow further.
CREATE INDEX tasks_search ON tasks USING gin (search);
CREATE INDEX tasks_tags ON tasks USING gin (tags);
CREATE TABLE task_activity (
  id      bigserial PRIMARY KEY,
  task_id uuid NOT NULL,
  user_id uuid NOT NULL,
  action  text NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}',
  at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_activity_task ON task_activity (task_id, id);
-- Transactional outbox: written in the same transaction as the change, published by the relay.
CREATE TABLE outbox (
  id            bigserial PRIMARY KEY,
  event_id      uuid NOT NULL UNIQUE,
  topic         text NOT NULL,
  partition_key text NOT NULL,
  type          text NOT NULL,
  payload       jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  sent_at       timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE sent_at IS NULL;
)SQL",
    // 2: sessions. Each refresh token belongs to the session its login started (the token
    // family of the OAuth 2.0 Security BCP): reusing a spent token, or logging out, ends them all.
    R"SQL(
ALTER TABLE refresh_tokens ADD COLUMN session_id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);
)SQL",
};

}  // namespace

void migrate(Pool& pool) {
  pool.with([](pqxx::connection& c) {
    pqxx::work tx(c);
    // Serialises concurrent starts; released at commit.
    tx.exec("SELECT pg_advisory_xact_lock(7301001)");
    tx.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const int current =
        tx.exec("SELECT coalesce(max(version), 0) FROM schema_migrations")[0][0].as<int>();
    for (auto i = static_cast<size_t>(current); i < kMigrations.size(); ++i) {
      spdlog::info("applying database migration {}", i + 1);
      tx.exec(kMigrations[i]);
      tx.exec_params("INSERT INTO schema_migrations (version) VALUES ($1)",
                     static_cast<int>(i + 1));
    }
    tx.commit();
    return 0;
  });
}

}  // namespace todo::tasksvc
