#pragma once
// Hot queries as server-side prepared statements: PostgreSQL parses and plans a list query anew
// for every plain exec_params call, a visible share of its CPU per page at hundreds of requests
// per second. A statement is named after its SQL text and prepared on its connection's first use
// (libpqxx remembers which connection has which); a replaced connection prepares again.
#include <pqxx/pqxx>
#include <string>

namespace todo::tasksvc {

// The statement name for `sql`: the same text always gets the same name.
std::string prepared_name(const std::string& sql);

// Runs `sql` as a prepared statement with `params` (anything exec_prepared takes).
template <typename... Params>
pqxx::result exec_prepared_sql(pqxx::transaction_base& tx, const std::string& sql,
                               Params&&... params) {
  const std::string name = prepared_name(sql);
  // Defining it again with the same text is a no-op; libpqxx registers it with the server lazily.
  tx.conn().prepare(name, sql);
  return tx.exec_prepared(name, std::forward<Params>(params)...);
}

}  // namespace todo::tasksvc
