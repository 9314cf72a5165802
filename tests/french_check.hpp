#pragma once
// Test helpers: finding English in what a French user reads. The English pieces of the string
// table (every entry in include/riposte/text/), and the words only English sentences hold.
#include "riposte/text/strings.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <string>
#include <vector>

namespace riposte::test {

/// The pieces of English text of the table that French must never show: every literal
/// fragment (between placeholders) of an English entry that differs from its French one, long
/// enough to be a phrase rather than a shared word ("Plan", "min", "p90"), and found in no
/// French entry.
inline std::vector<std::string> english_only_fragments() {
    const std::vector<text::Text> all = text::all_texts();
    std::vector<std::string> out;
    for (const text::Text& t : all) {
        if (t.en == t.fr) continue;
        std::string en(t.en);
        std::size_t start = 0;
        while (start <= en.size()) {
            std::size_t open = en.find('{', start);
            if (open == std::string::npos) open = en.size();
            std::string piece = en.substr(start, open - start);
            while (!piece.empty() && std::isspace(static_cast<unsigned char>(piece.front())))
                piece.erase(piece.begin());
            while (!piece.empty() && std::isspace(static_cast<unsigned char>(piece.back())))
                piece.pop_back();
            const bool phrase = piece.size() >= 10 && piece.find(' ') != std::string::npos;
            bool in_french = false;
            for (const text::Text& f : all) in_french = in_french || f.fr.find(piece) != f.fr.npos;
            if (phrase && !in_french) out.push_back(piece);
            const std::size_t close = en.find('}', open);
            if (close == std::string::npos) break;
            start = close + 1;
        }
    }
    return out;
}

/// Words that only English sentences hold: a French diagnostic with one of them kept some
/// English (a parser's detail, a message left out of the table). The bad files below quote no
/// such word.
inline bool has_english_word(const std::string& message) {
    static const char* words[] = {" the ",    " must ",   " write ",  " expected ", " found ",
                                  " should ", " cannot ", " needs ",  " unknown ",  " missing ",
                                  " with ",   " than ",   " before ", " after ",    " which ",
                                  " is ",     " are ",    " has ",    " not ",      " or "};
    const std::string padded = " " + message + " ";
    for (const char* w : words)
        if (padded.find(w) != std::string::npos) return true;
    return false;
}

inline void check_no_english(const std::string& french, const std::vector<std::string>& english,
                             const char* what) {
    for (const std::string& e : english) {
        INFO(what << ": \"" << e << "\"");
        CHECK(french.find(e) == std::string::npos);
    }
}

} // namespace riposte::test
