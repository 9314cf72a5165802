// Readers for riposte's own result files (CSV, JSON), used by the HTML report. They accept
// any well-formed document and report a malformed one as "file:line: error: ..." rather than
// guessing.
#include "riposte/core/text_format.hpp"
#include "riposte/report.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <system_error>

namespace riposte {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// CSV

int CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return static_cast<int>(i);
    return -1;
}

std::optional<CsvTable> parse_csv(std::string_view text, std::string_view name,
                                  std::string& error) {
    CsvTable table;
    std::vector<std::string> record;
    std::string field;
    bool in_quotes = false;
    bool field_quoted = false;
    int line = 1;
    int record_line = 1;
    const auto fail = [&](int at, const std::string& what) {
        error = std::string(name) + ":" + std::to_string(at) + ": error: " + what;
        return std::nullopt;
    };
    std::size_t i = 0;
    // a UTF-8 byte order mark is tolerated
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    bool record_has_content = false;
    const auto end_record = [&]() -> bool {
        record.push_back(std::move(field));
        field.clear();
        field_quoted = false;
        if (table.header.empty()) {
            table.header = std::move(record);
        } else {
            if (record.size() != table.header.size()) return false;
            table.rows.push_back(std::move(record));
        }
        record.clear();
        record_has_content = false;
        return true;
    };
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        switch (c) {
        case '"':
            if (!field.empty() || field_quoted)
                return fail(line, "a quote inside an unquoted field; quote the whole field and "
                                  "double inner quotes (\"\")");
            in_quotes = true;
            field_quoted = true;
            record_has_content = true;
            break;
        case ',':
            record.push_back(std::move(field));
            field.clear();
            field_quoted = false;
            record_has_content = true;
            break;
        case '\r':
            break;
        case '\n':
            if (record_has_content || !field.empty()) {
                const std::size_t got = record.size() + 1;
                if (!end_record())
                    return fail(record_line, "expected " + std::to_string(table.header.size()) +
                                                 " fields as in the header, found " +
                                                 std::to_string(got));
            }
            ++line;
            record_line = line;
            break;
        default:
            field += c;
            record_has_content = true;
        }
    }
    if (in_quotes) return fail(record_line, "a quoted field is never closed");
    if (record_has_content || !field.empty()) {
        const std::size_t got = record.size() + 1;
        if (!end_record())
            return fail(record_line, "expected " + std::to_string(table.header.size()) +
                                         " fields as in the header, found " + std::to_string(got));
    }
    if (table.header.empty()) return fail(1, "empty file: expected a header row");
    return table;
}

// ---------------------------------------------------------------------------------------------
// JSON

const JsonValue* JsonValue::find(std::string_view key) const {
    if (type != Type::Object) return nullptr;
    for (const auto& [k, v] : object)
        if (k == key) return &v;
    return nullptr;
}

std::string JsonValue::text(std::string_view key, std::string fallback) const {
    const JsonValue* v = find(key);
    return v != nullptr && v->type == Type::String ? v->string : fallback;
}

double JsonValue::num(std::string_view key, double fallback) const {
    const JsonValue* v = find(key);
    return v != nullptr && v->type == Type::Number ? v->number : fallback;
}

bool JsonValue::flag(std::string_view key, bool fallback) const {
    const JsonValue* v = find(key);
    return v != nullptr && v->type == Type::Bool ? v->boolean : fallback;
}

namespace {

class JsonParser {
  public:
    JsonParser(std::string_view text, std::string_view name) : s_(text), name_(name) {}

    std::optional<JsonValue> document(std::string& error) {
        JsonValue v;
        skip_space();
        if (!value(v, 0)) {
            error = error_;
            return std::nullopt;
        }
        skip_space();
        if (pos_ != s_.size()) {
            set_error("unexpected text after the end of the document");
            error = error_;
            return std::nullopt;
        }
        return v;
    }

  private:
    static constexpr int max_depth = 200;

    bool set_error(const std::string& what) {
        if (error_.empty())
            error_ = std::string(name_) + ":" + std::to_string(line_) + ": error: " + what;
        return false;
    }
    void skip_space() {
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (c == '\n') ++line_;
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            ++pos_;
        }
    }
    bool literal(std::string_view word) {
        if (s_.substr(pos_, word.size()) != word) return set_error("unknown value");
        pos_ += word.size();
        return true;
    }
    bool hex4(std::uint32_t& cp) {
        if (pos_ + 4 > s_.size()) return set_error("truncated \\u escape");
        cp = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = s_[pos_++];
            cp <<= 4;
            if (c >= '0' && c <= '9') {
                cp |= static_cast<std::uint32_t>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                cp |= static_cast<std::uint32_t>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                cp |= static_cast<std::uint32_t>(c - 'A' + 10);
            } else {
                return set_error("bad \\u escape");
            }
        }
        return true;
    }
    bool string(std::string& out) {
        ++pos_; // opening quote
        while (pos_ < s_.size()) {
            const char c = s_[pos_++];
            if (c == '"') return true;
            if (c == '\n') return set_error("line break inside a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= s_.size()) break;
            const char e = s_[pos_++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!hex4(cp)) return false;
                if (cp >= 0xd800 && cp < 0xdc00 && s_.substr(pos_, 2) == "\\u") {
                    pos_ += 2;
                    std::uint32_t lo = 0;
                    if (!hex4(lo)) return false;
                    if (lo >= 0xdc00 && lo < 0xe000) {
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                    } else {
                        cp = 0xfffd;
                    }
                } else if (cp >= 0xd800 && cp < 0xe000) {
                    cp = 0xfffd;
                }
                append_utf8(out, cp);
                break;
            }
            default:
                return set_error("unknown escape in a string");
            }
        }
        return set_error("a string is never closed");
    }
    bool number(double& out) {
        const std::size_t start = pos_;
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' ||
                c == 'E') {
                ++pos_;
            } else {
                break;
            }
        }
        const char* first = s_.data() + start;
        const char* last = s_.data() + pos_;
        const auto res = std::from_chars(first, last, out);
        if (res.ec != std::errc{} || res.ptr != last) return set_error("bad number");
        return true;
    }
    bool value(JsonValue& v, int depth) {
        if (depth > max_depth) return set_error("nesting too deep");
        if (pos_ >= s_.size()) return set_error("unexpected end of the document");
        const char c = s_[pos_];
        if (c == '{') {
            v.type = JsonValue::Type::Object;
            ++pos_;
            skip_space();
            if (pos_ < s_.size() && s_[pos_] == '}') {
                ++pos_;
                return true;
            }
            for (;;) {
                skip_space();
                if (pos_ >= s_.size() || s_[pos_] != '"') return set_error("expected a key");
                std::string key;
                if (!string(key)) return false;
                skip_space();
                if (pos_ >= s_.size() || s_[pos_] != ':') return set_error("expected ':'");
                ++pos_;
                skip_space();
                JsonValue member;
                if (!value(member, depth + 1)) return false;
                v.object.push_back({std::move(key), std::move(member)});
                skip_space();
                if (pos_ < s_.size() && s_[pos_] == ',') {
                    ++pos_;
                    continue;
                }
                if (pos_ < s_.size() && s_[pos_] == '}') {
                    ++pos_;
                    return true;
                }
                return set_error("expected ',' or '}'");
            }
        }
        if (c == '[') {
            v.type = JsonValue::Type::Array;
            ++pos_;
            skip_space();
            if (pos_ < s_.size() && s_[pos_] == ']') {
                ++pos_;
                return true;
            }
            for (;;) {
                skip_space();
                JsonValue item;
                if (!value(item, depth + 1)) return false;
                v.array.push_back(std::move(item));
                skip_space();
                if (pos_ < s_.size() && s_[pos_] == ',') {
                    ++pos_;
                    continue;
                }
                if (pos_ < s_.size() && s_[pos_] == ']') {
                    ++pos_;
                    return true;
                }
                return set_error("expected ',' or ']'");
            }
        }
        if (c == '"') {
            v.type = JsonValue::Type::String;
            return string(v.string);
        }
        if (c == 't') {
            v.type = JsonValue::Type::Bool;
            v.boolean = true;
            return literal("true");
        }
        if (c == 'f') {
            v.type = JsonValue::Type::Bool;
            return literal("false");
        }
        if (c == 'n') {
            v.type = JsonValue::Type::Null;
            return literal("null");
        }
        v.type = JsonValue::Type::Number;
        return number(v.number);
    }

    std::string_view s_;
    std::string_view name_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::string error_;
};

} // namespace

std::optional<JsonValue> parse_json(std::string_view text, std::string_view name,
                                    std::string& error) {
    return JsonParser(text, name).document(error);
}

} // namespace riposte
