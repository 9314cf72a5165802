#include "output/json_writer.hpp"

#include "riposte/output.hpp"

#include <charconv>

namespace riposte::output_detail {

void JsonWriter::newline_indent(std::size_t depth) {
    out_ += '\n';
    out_.append(depth * 2, ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (stack_.empty()) return;
    Level& top = stack_.back();
    if (!top.empty) out_ += ',';
    top.empty = false;
    newline_indent(stack_.size());
}

void JsonWriter::key(std::string_view k) {
    before_value();
    out_ += json_string(k);
    out_ += ": ";
    after_key_ = true;
}

void JsonWriter::open(char c, bool object) {
    before_value();
    out_ += c;
    stack_.push_back({object, true});
}

void JsonWriter::close(char c) {
    if (stack_.empty()) return;
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) newline_indent(stack_.size());
    out_ += c;
}

void JsonWriter::begin_object() {
    open('{', true);
}
void JsonWriter::end_object() {
    close('}');
}
void JsonWriter::begin_array() {
    open('[', false);
}
void JsonWriter::end_array() {
    close(']');
}

void JsonWriter::string(std::string_view v) {
    before_value();
    out_ += json_string(v);
}

void JsonWriter::integer(std::int64_t v) {
    before_value();
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, res.ptr);
}

void JsonWriter::unsigned_integer(std::uint64_t v) {
    before_value();
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, res.ptr);
}

void JsonWriter::number(double v, int decimals) {
    before_value();
    const std::string text = format_fixed(v, decimals);
    out_ += text.empty() ? "null" : text;
}

void JsonWriter::decimal(double v, int max_decimals) {
    before_value();
    const std::string text = format_decimal(v, max_decimals);
    out_ += text.empty() ? "null" : text;
}

void JsonWriter::boolean(bool v) {
    before_value();
    out_ += v ? "true" : "false";
}

void JsonWriter::null() {
    before_value();
    out_ += "null";
}

std::string JsonWriter::drain() {
    std::string text = std::move(out_);
    out_.clear();
    return text;
}

std::string JsonWriter::take() {
    while (!stack_.empty()) close(stack_.back().object ? '}' : ']');
    out_ += '\n';
    return std::move(out_);
}

} // namespace riposte::output_detail
