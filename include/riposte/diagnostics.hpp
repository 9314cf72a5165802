#pragma once
// Bad input is a value: a list of diagnostics in GCC style, "file:line:column: error: message".
#include <string>
#include <vector>

namespace riposte {

struct SourceLoc {
    std::string file;
    int line = 0;   ///< 1-based; 0 when unknown
    int column = 0; ///< 1-based; 0 when unknown
};

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLoc where;
    std::string message; ///< what is wrong and how to fix it
};

/// "file:line:column: error: message" (line/column omitted when unknown).
std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
  public:
    void error(SourceLoc where, std::string message) {
        items_.push_back({Severity::Error, std::move(where), std::move(message)});
    }
    void warning(SourceLoc where, std::string message) {
        items_.push_back({Severity::Warning, std::move(where), std::move(message)});
    }
    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] std::size_t error_count() const;
    [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
    void append(const Diagnostics& o) {
        items_.insert(items_.end(), o.items_.begin(), o.items_.end());
    }

  private:
    std::vector<Diagnostic> items_;
};

} // namespace riposte
