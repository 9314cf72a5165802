// CSV for French Excel: ';' between fields, a decimal comma, a UTF-8 byte order mark.
#include "riposte/output.hpp"

#include <string>
#include <vector>

namespace riposte {

namespace {

/// Splits an RFC 4180 document into records of fields (quotes removed, doubled quotes
/// undone). Tolerates a trailing newline and CRLF.
std::vector<std::vector<std::string>> records(std::string_view csv, char sep) {
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> rec;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == sep) {
            rec.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\n') {
            rec.push_back(std::move(field));
            field.clear();
            out.push_back(std::move(rec));
            rec.clear();
            any = false;
        } else if (c != '\r') {
            field += c;
            any = true;
        }
    }
    if (any || !field.empty()) {
        rec.push_back(std::move(field));
        out.push_back(std::move(rec));
    }
    return out;
}

/// A decimal number written with `point` as its decimal separator (digits, one optional
/// separator, an optional leading minus).
bool is_decimal(const std::string& f, char point) {
    std::size_t i = f.size() > 1 && f[0] == '-' ? 1 : 0;
    bool digits = false, sep = false;
    for (; i < f.size(); ++i) {
        if (f[i] >= '0' && f[i] <= '9') {
            digits = true;
        } else if (f[i] == point && !sep && digits && i + 1 < f.size()) {
            sep = true;
        } else {
            return false;
        }
    }
    return digits;
}

std::string field_for(const std::string& f, char sep) {
    if (f.find_first_of(std::string("\"\r\n") + sep) == std::string::npos) return f;
    std::string q = "\"";
    for (char c : f) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

std::string convert(std::string_view csv, char from_sep, char to_sep, char from_point,
                    char to_point) {
    std::string out;
    for (auto& rec : records(csv, from_sep)) {
        for (std::size_t k = 0; k < rec.size(); ++k) {
            std::string f = rec[k];
            if (is_decimal(f, from_point))
                for (char& c : f)
                    if (c == from_point) c = to_point;
            if (k > 0) out += to_sep;
            out += field_for(f, to_sep);
        }
        out += '\n';
    }
    return out;
}

constexpr std::string_view bom = "\xEF\xBB\xBF";

} // namespace

std::string excel_csv(std::string_view csv) {
    return std::string(bom) + convert(csv, ',', ';', '.', ',');
}

bool is_excel_csv(std::string_view csv) {
    if (csv.substr(0, bom.size()) != bom) return false;
    const std::string_view header = csv.substr(bom.size(), csv.find('\n') - bom.size());
    return header.find(';') != std::string_view::npos;
}

std::string standard_csv(std::string_view csv) {
    if (!is_excel_csv(csv)) return std::string(csv);
    return convert(csv.substr(bom.size()), ';', ',', ',', '.');
}

} // namespace riposte
