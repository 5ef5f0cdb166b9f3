// GET /api/v1/tasks query parameters (services/task-service/store/list_query.hpp): the input is
// the raw query string, split and percent-decoded by cpp-httplib exactly as the server does it,
// then parse_list_query (cursor included) and the SQL it becomes. Bad input is
// errors::InvalidQuery (the API's 400); an accepted query must turn into SQL whose placeholders
// match its parameters.
#include <httplib.h>

#include "fuzz_util.hpp"
#include "http/problem.hpp"
#include "store/list_query.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return todo::fuzz::quiet();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace svc = todo::tasksvc;
  httplib::Params params;
  httplib::detail::parse_query_text(todo::fuzz::text(data, size), params);
  todo::fuzz::documented<todo::errors::InvalidQuery>([&] {
    const svc::ListQuery query =
        svc::parse_list_query(params, todo::fuzz::kZone, todo::fuzz::fixed_now());
    FUZZ_CHECK(query.limit >= 1 && query.limit <= svc::kMaxListLimit);
    const svc::SqlQuery sql = svc::build_list_sql("6f0e3c1a-8f6b-4b1e-bb0e-2f5a9f1d9c22", query);
    const std::string last = "$" + std::to_string(sql.params.size());
    FUZZ_CHECK(sql.sql.find(last) != std::string::npos);
    FUZZ_CHECK(sql.sql.find("$" + std::to_string(sql.params.size() + 1)) == std::string::npos);
  });
  return 0;
}
