#pragma once
// Bad input is a value: a list of diagnostics in GCC style, "file:line:column: error: message",
// or "file:line:column: error: [id] message" when the message has a stable id.
#include "riposte/text/strings.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace riposte {

/// A message in French and in English, filled from an entry of the string table
/// (riposte/text/diagnostic_texts.hpp) by say(). Not built implicitly from a string, so that a
/// message cannot skip the table by accident.
struct Bilingual {
    std::string fr, en;
    [[nodiscard]] const std::string& in(Language language) const {
        return language == Language::French ? fr : en;
    }
    Bilingual& operator+=(const Bilingual& o) {
        fr += o.fr;
        en += o.en;
        return *this;
    }
};

/// An argument of say(): a verbatim value (a name, a number, a key: the same in both languages)
/// or a Bilingual phrase.
struct SayArg {
    std::string fr, en;
    SayArg(std::string_view s) : fr(s), en(s) {}
    SayArg(const std::string& s) : fr(s), en(s) {}
    SayArg(const char* s) : fr(s), en(s) {}
    SayArg(const Bilingual& b) : fr(b.fr), en(b.en) {}
};

/// `pattern` (an entry of the string table) in both languages, {0}, {1}, ... filled by `args`.
Bilingual say(const text::Text& pattern, std::initializer_list<SayArg> args = {});
/// A verbatim text, the same in both languages (a value quoted from the input, a list of keys).
inline Bilingual verbatim(std::string s) {
    return {s, s};
}
inline Bilingual operator+(Bilingual a, const Bilingual& b) {
    return a += b;
}

struct SourceLoc {
    std::string file;
    int line = 0;   ///< 1-based; 0 when unknown
    int column = 0; ///< 1-based; 0 when unknown
};

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLoc where;
    std::string message; ///< what is wrong and how to fix it, in English
    /// The same in French; empty for a message not yet in the string table (then `message`
    /// is shown in both languages).
    std::string message_fr;
    /// Stable, untranslated message id (e.g. "input.not_regular"), printed in brackets before
    /// the message so that tests and tools match the id, not the wording. Empty for messages
    /// that have none yet.
    std::string id;
};

/// "file:line:column: error: [id] message" (line/column omitted when unknown, [id] when empty),
/// in English; in French "file:line:column: erreur : [id] message".
std::string format_diagnostic(const Diagnostic& d, Language language = Language::English);

class Diagnostics {
  public:
    void error(SourceLoc where, std::string message) {
        items_.push_back({Severity::Error, std::move(where), std::move(message), {}, {}});
    }
    void warning(SourceLoc where, std::string message) {
        items_.push_back({Severity::Warning, std::move(where), std::move(message), {}, {}});
    }
    /// With a stable message id (see Diagnostic::id).
    void error(SourceLoc where, std::string id, std::string message) {
        items_.push_back(
            {Severity::Error, std::move(where), std::move(message), {}, std::move(id)});
    }
    void warning(SourceLoc where, std::string id, std::string message) {
        items_.push_back(
            {Severity::Warning, std::move(where), std::move(message), {}, std::move(id)});
    }
    /// A message from the string table, in both languages (see say()).
    void error(SourceLoc where, Bilingual message) {
        error(std::move(where), std::string{}, std::move(message));
    }
    void warning(SourceLoc where, Bilingual message) {
        warning(std::move(where), std::string{}, std::move(message));
    }
    void error(SourceLoc where, std::string id, Bilingual message) {
        items_.push_back({Severity::Error, std::move(where), std::move(message.en),
                          std::move(message.fr), std::move(id)});
    }
    void warning(SourceLoc where, std::string id, Bilingual message) {
        items_.push_back({Severity::Warning, std::move(where), std::move(message.en),
                          std::move(message.fr), std::move(id)});
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
