#pragma once
// Bad input is a value: a list of diagnostics in GCC style, "file:line:column: error: message",
// or "file:line:column: error: [id] message" when the message has a stable id.
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
    /// Stable, untranslated message id (e.g. "input.not_regular"), printed in brackets before
    /// the message so that tests and tools match the id, not the wording. Empty for messages
    /// that have none yet.
    std::string id;
};

/// "file:line:column: error: [id] message" (line/column omitted when unknown, [id] when empty).
std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
  public:
    void error(SourceLoc where, std::string message) {
        items_.push_back({Severity::Error, std::move(where), std::move(message), {}});
    }
    void warning(SourceLoc where, std::string message) {
        items_.push_back({Severity::Warning, std::move(where), std::move(message), {}});
    }
    /// With a stable message id (see Diagnostic::id).
    void error(SourceLoc where, std::string id, std::string message) {
        items_.push_back({Severity::Error, std::move(where), std::move(message), std::move(id)});
    }
    void warning(SourceLoc where, std::string id, std::string message) {
        items_.push_back({Severity::Warning, std::move(where), std::move(message), std::move(id)});
    }
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
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
