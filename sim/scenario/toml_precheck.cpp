#include "toml_precheck.hpp"

#include "riposte/text/diagnostic_texts.hpp"

#include "core/text_parse.hpp"

#include <cstdio>
#include <optional>

namespace riposte::loader {

namespace {

/// Deepest nesting accepted, counting every part of dotted keys and table headers, arrays and
/// inline tables. toml++ limits arrays and inline tables to 256 levels but not dotted keys:
/// `a.a.a...` with 100,000 parts overflowed the stack when the table was copied. riposte's
/// files nest 4 levels at most.
constexpr int max_depth = 128;

bool is_bare_key_char(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

bool is_control(unsigned char c) {
    return (c < 0x20 && c != '\t') || c == 0x7F;
}

class Scanner {
  public:
    Scanner(std::string_view text, const std::string& name, Diagnostics& diags)
        : t_(text), name_(name), diags_(diags) {}

    /// True when the text may be handed to toml++.
    bool run() {
        if (t_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
        while (!stopped_) {
            skip_blank_lines();
            if (eof()) break;
            if (cur() == '[') {
                header();
            } else {
                const int parts = keys();
                if (stopped_) break;
                skip_ws();
                if (!take('=')) break;
                skip_ws();
                value(header_parts_ + parts);
            }
            if (stopped_) break;
            skip_ws();
            skip_comment();
            if (!eof() && cur() != '\n' && !(cur() == '\r' && peek(1) == '\n')) break;
        }
        return !reported_;
    }

  private:
    [[nodiscard]] bool eof() const { return pos_ >= t_.size(); }
    [[nodiscard]] unsigned char cur() const { return static_cast<unsigned char>(t_[pos_]); }
    [[nodiscard]] unsigned char peek(std::size_t k) const {
        return pos_ + k < t_.size() ? static_cast<unsigned char>(t_[pos_ + k]) : 0;
    }
    bool take(char c) {
        if (eof() || t_[pos_] != c) return stop();
        ++pos_;
        return true;
    }
    /// Stops the scan quietly: toml++ will report what is wrong here.
    bool stop() {
        stopped_ = true;
        return false;
    }

    void skip_ws() {
        while (!eof() && (cur() == ' ' || cur() == '\t')) ++pos_;
    }
    void skip_comment() {
        if (!eof() && cur() == '#')
            while (!eof() && cur() != '\n') ++pos_;
    }
    /// Spaces, comments and newlines (between statements and inside arrays).
    void skip_blank_lines() {
        for (;;) {
            skip_ws();
            skip_comment();
            if (!eof() && cur() == '\n') {
                ++pos_;
            } else if (!eof() && cur() == '\r' && peek(1) == '\n') {
                pos_ += 2;
            } else {
                return;
            }
        }
    }

    [[nodiscard]] SourceLoc loc(std::size_t at) const {
        int line = 1;
        std::size_t line_start = 0;
        for (std::size_t k = 0; k < at && k < t_.size(); ++k)
            if (t_[k] == '\n') {
                ++line;
                line_start = k + 1;
            }
        return {name_, line, 1 + utf8_columns(t_.substr(line_start), at - line_start)};
    }

    void report(std::size_t at, const char* id, Bilingual msg) {
        diags_.error(loc(at), id, std::move(msg));
        reported_ = true;
        stopped_ = true;
    }

    void control_in_key(std::size_t at) {
        char code[8];
        std::snprintf(code, sizeof code, "%02X", static_cast<unsigned>(t_[at]) & 0xFFu);
        report(at, "toml.control_in_key", say(text::diag.control_in_key, {code}));
    }

    void too_deep() {
        report(pos_, "toml.too_deep", say(text::diag.too_deep, {std::to_string(max_depth)}));
    }

    void non_ascii_key(std::size_t begin, std::size_t end) {
        const std::string_view key = t_.substr(begin, end - begin);
        std::size_t first = begin;
        while (first < end && static_cast<unsigned char>(t_[first]) < 0x80) ++first;
        if (find_invalid_utf8(key)) {
            report(first, "toml.non_ascii_key", say(text::diag.key_not_utf8));
            return;
        }
        Bilingual msg = say(text::diag.non_ascii_key, {key});
        if (const auto folded = fold_accents(key))
            msg += say(text::diag.without_accents, {*folded});
        msg += say(text::diag.put_in_quotes, {key});
        report(first, "toml.non_ascii_key", std::move(msg));
    }

    /// A dotted key: bare or quoted parts separated by '.'.
    /// Returns the number of parts read.
    int keys() {
        int parts = 0;
        for (;;) {
            skip_ws();
            if (eof()) {
                stop();
                return parts;
            }
            const unsigned char c = cur();
            if (c == '"') {
                if (!basic_string()) return parts;
            } else if (c == '\'') {
                if (!literal_string()) return parts;
            } else if (is_bare_key_char(c) || c >= 0x80) {
                const std::size_t begin = pos_;
                bool ascii = true;
                while (!eof() && (is_bare_key_char(cur()) || cur() >= 0x80)) {
                    if (cur() >= 0x80) ascii = false;
                    ++pos_;
                }
                if (!ascii) {
                    non_ascii_key(begin, pos_);
                    return parts;
                }
            } else if (is_control(c) && c != '\n' && c != '\r') {
                control_in_key(pos_);
                return parts;
            } else {
                stop();
                return parts;
            }
            skip_ws();
            if (!eof() && is_control(cur()) && cur() != '\n' && cur() != '\r') {
                control_in_key(pos_);
                return parts;
            }
            if (++parts > max_depth) {
                too_deep();
                return parts;
            }
            if (eof() || cur() != '.') return parts;
            ++pos_;
        }
    }

    void header() {
        ++pos_; // '['
        const bool array = !eof() && cur() == '[';
        if (array) ++pos_;
        header_parts_ = keys();
        if (stopped_) return;
        skip_ws();
        if (!take(']')) return;
        if (array) take(']');
    }

    bool basic_string() {
        ++pos_;
        while (!eof()) {
            const unsigned char c = cur();
            if (c == '\n') return stop();
            if (c == '\\') {
                pos_ += 2;
                continue;
            }
            ++pos_;
            if (c == '"') return true;
        }
        return stop();
    }
    bool literal_string() {
        ++pos_;
        while (!eof()) {
            const unsigned char c = cur();
            if (c == '\n') return stop();
            ++pos_;
            if (c == '\'') return true;
        }
        return stop();
    }
    /// """...""" or '''...''' (a closing delimiter may be followed by up to two more quotes).
    bool multiline_string(char q, bool escapes) {
        pos_ += 3;
        while (!eof()) {
            if (escapes && cur() == '\\') {
                pos_ += 2;
                continue;
            }
            if (t_[pos_] == q && peek(1) == static_cast<unsigned char>(q) &&
                peek(2) == static_cast<unsigned char>(q)) {
                pos_ += 3;
                for (int k = 0; k < 2 && !eof() && t_[pos_] == q; ++k) ++pos_;
                return true;
            }
            ++pos_;
        }
        return stop();
    }

    void value(int depth) {
        if (depth > max_depth) {
            too_deep();
            return;
        }
        if (eof()) {
            stop();
            return;
        }
        const unsigned char c = cur();
        if (c == '"') {
            if (peek(1) == '"' && peek(2) == '"')
                multiline_string('"', true);
            else
                basic_string();
        } else if (c == '\'') {
            if (peek(1) == '\'' && peek(2) == '\'')
                multiline_string('\'', false);
            else
                literal_string();
        } else if (c == '[') {
            array(depth);
        } else if (c == '{') {
            inline_table(depth);
        } else {
            // A number, a boolean or a date-time: up to the next separator.
            const std::size_t begin = pos_;
            while (!eof() && cur() != ',' && cur() != ']' && cur() != '}' && cur() != '#' &&
                   cur() != '\n' && cur() != '\r')
                ++pos_;
            if (pos_ == begin) stop();
        }
    }

    void array(int depth) {
        ++pos_; // '['
        for (;;) {
            skip_blank_lines();
            if (eof()) {
                stop();
                return;
            }
            if (cur() == ']') {
                ++pos_;
                return;
            }
            value(depth + 1);
            if (stopped_) return;
            skip_blank_lines();
            if (!eof() && cur() == ',') {
                ++pos_;
                continue;
            }
            take(']');
            return;
        }
    }

    void inline_table(int depth) {
        ++pos_; // '{'
        skip_ws();
        if (!eof() && cur() == '}') {
            ++pos_;
            return;
        }
        for (;;) {
            const int parts = keys();
            if (stopped_) return;
            skip_ws();
            if (!take('=')) return;
            skip_ws();
            value(depth + parts);
            if (stopped_) return;
            skip_ws();
            if (!eof() && cur() == ',') {
                ++pos_;
                continue;
            }
            take('}');
            return;
        }
    }

    std::string_view t_;
    const std::string& name_;
    Diagnostics& diags_;
    std::size_t pos_ = 0;
    int header_parts_ = 0; ///< parts of the last [table] header
    bool stopped_ = false;
    bool reported_ = false;
};

} // namespace

bool precheck_toml(std::string_view text, const std::string& name, Diagnostics& diags) {
    return Scanner(text, name, diags).run();
}

} // namespace riposte::loader
