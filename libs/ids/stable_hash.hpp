#pragma once
// A hash that never changes between builds, machines or runs (std::hash may): reminder slices,
// bucket keys and prepared-statement names are derived from it, and the first two are stored, so
// it must give the same answer forever.
#include <cstdint>
#include <string_view>

namespace todo::ids {

// 64-bit FNV-1a over the bytes of `text`.
std::uint64_t stable_hash(std::string_view text);

}  // namespace todo::ids
