#pragma once
// Test helpers: run a validation and return the field errors of the 422 it throws.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "http/problem.hpp"

namespace todo::tasks::testing {

// field -> message of every error in the 422 problem `action` throws; empty if it does not throw.
template <class Action>
std::map<std::string, std::string> field_errors_of(Action&& action) {
  try {
    action();
  } catch (const todo::errors::DomainError& thrown) {
    const auto problem = todo::http::problem_for(thrown);
    CHECK(problem.status() == 422);
    CHECK(problem.title() == "Validation failed");
    const auto& errors = problem.extra().at("errors");
    REQUIRE_FALSE(errors.empty());
    CHECK(problem.detail() == errors.at(0).at("message").get<std::string>());
    std::map<std::string, std::string> out;
    for (const auto& error : errors) {
      out[error.at("field").get<std::string>()] = error.at("message").get<std::string>();
    }
    return out;
  }
  return {};
}

}  // namespace todo::tasks::testing
