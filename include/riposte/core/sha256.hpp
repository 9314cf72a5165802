#pragma once
// SHA-256 (FIPS 180-4): the journal binds itself to its inputs with it.
#include <filesystem>
#include <string>
#include <string_view>

namespace riposte {

/// SHA-256 of a file's bytes as 64 lowercase hex digits (empty when it cannot be read).
std::string sha256_file(const std::filesystem::path& file);
/// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

} // namespace riposte
