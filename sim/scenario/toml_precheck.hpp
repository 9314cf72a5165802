#pragma once
// A small scan of TOML text before toml++ sees it. Debian's toml++ 3.3.0 reaches an
// "unreachable" branch (undefined behaviour) on a bare key holding a non-ASCII character
// (`durée = 7`, `[coût]`) and trips an assertion on a control byte after `[[`; both are fixed
// upstream in later releases. French users type accented keys, so riposte finds these first
// and answers with a positioned error and the fix.
//
// The scan knows TOML's strings (the four kinds), comments, arrays and inline tables, so that
// an accent inside a string or a comment is never reported. On anything it does not follow it
// stops quietly and lets toml++ report the syntax error.
#include "riposte/diagnostics.hpp"

#include <string>
#include <string_view>

namespace riposte::loader {

/// Returns false after reporting the first bare non-ASCII key or control byte in a key
/// (ids "toml.non_ascii_key", "toml.control_in_key"); true when toml++ may parse the text.
bool precheck_toml(std::string_view text, const std::string& name, Diagnostics& diags);

} // namespace riposte::loader
