#pragma once
// Internal to sim/output: a minimal streaming JSON writer, pretty-printed with two-space
// indentation. Numbers are formatted with std::to_chars (locale-independent); a non-finite
// double is written null.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace riposte::output_detail {

class JsonWriter {
  public:
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    /// Inside an object: the key of the next value.
    void key(std::string_view k);

    void string(std::string_view v);
    void integer(std::int64_t v);
    void unsigned_integer(std::uint64_t v);
    void number(double v, int decimals);
    /// At most `max_decimals` decimals, trailing zeros removed (format_decimal); null if
    /// not finite.
    void decimal(double v, int max_decimals);
    void boolean(bool v);
    void null();

    // key + value in one call
    void field(std::string_view k, std::string_view v) {
        key(k);
        string(v);
    }
    void field(std::string_view k, const char* v) {
        key(k);
        string(v);
    }
    void field(std::string_view k, std::int64_t v) {
        key(k);
        integer(v);
    }
    void field(std::string_view k, int v) {
        key(k);
        integer(v);
    }
    void field(std::string_view k, double v, int decimals) {
        key(k);
        number(v, decimals);
    }

    /// The document, ending with a newline.
    [[nodiscard]] std::string take();
    /// The text written since the last drain(), leaving the writer where it is: a long
    /// document can go to a file piece by piece (take() then gives the rest).
    [[nodiscard]] std::string drain();

  private:
    struct Level {
        bool object = false;
        bool empty = true;
    };
    void before_value();
    void newline_indent(std::size_t depth);
    void open(char c, bool object);
    void close(char c);

    std::string out_;
    std::vector<Level> stack_;
    bool after_key_ = false;
};

} // namespace riposte::output_detail
