// The staffing hours ledger (see riposte/model/hours_ledger.hpp).
#include "riposte/model/hours_ledger.hpp"

#include "riposte/core/invariant.hpp"

#include <algorithm>

namespace riposte {

HoursLedger::HoursLedger(std::vector<double> weekly_hours, int start_weekday)
    : start_weekday_(start_weekday) {
    people_.resize(weekly_hours.size());
    for (const PersonId i : people_.ids()) people_[i].weekly_hours = weekly_hours[i.index()];
}

void HoursLedger::commit(PersonId person, SimTime begin, SimTime end) {
    RIPOSTE_INVARIANT(end > begin);
    Person& p = people_[person];
    const auto it = std::upper_bound(p.spans.begin(), p.spans.end(), begin,
                                     [](SimTime t, const Span& s) { return t < s.begin; });
    p.spans.insert(it, Span{begin, end});
    p.longest = std::max(p.longest, end - begin);
    add_week_seconds(p, week_of(begin.day()), (end - begin).seconds());
}

void HoursLedger::add_week_seconds(Person& p, int week, std::int64_t seconds) {
    // a person's spans mostly come week after week: the last week first
    auto w = !p.weeks.empty() && p.weeks.back().first == week
                 ? std::prev(p.weeks.end())
                 : std::lower_bound(
                       p.weeks.begin(), p.weeks.end(), week,
                       [](const std::pair<int, std::int64_t>& x, int wk) { return x.first < wk; });
    if (w == p.weeks.end() || w->first != week) w = p.weeks.insert(w, {week, 0});
    w->second += seconds;
}

void HoursLedger::commit_all(const std::vector<Commitment>& list) {
    // the commitments grouped by person, each person's in list order (a counting sort)
    std::vector<std::uint32_t> first(people_.size() + 1, 0);
    for (const Commitment& c : list) {
        RIPOSTE_INVARIANT(c.end > c.begin && c.person.index() < people_.size());
        ++first[c.person.index() + 1];
    }
    for (std::size_t i = 1; i < first.size(); ++i) first[i] += first[i - 1];
    std::vector<Span> by_person(list.size());
    {
        std::vector<std::uint32_t> at(first.begin(), first.end() - 1);
        for (const Commitment& c : list) by_person[at[c.person.index()]++] = {c.begin, c.end};
    }
    for (const PersonId i : people_.ids()) {
        const std::uint32_t b = first[i.index()], e = first[i.index() + 1];
        if (b == e) continue;
        Person& p = people_[i];
        // commit() puts a span after those beginning at or before it: the spans kept, then
        // the new ones in list order, stably sorted by begin
        const std::size_t kept = p.spans.size();
        p.spans.reserve(kept + (e - b));
        p.spans.insert(p.spans.end(), by_person.begin() + b, by_person.begin() + e);
        std::stable_sort(p.spans.begin() + static_cast<std::ptrdiff_t>(kept), p.spans.end(),
                         [](const Span& x, const Span& y) { return x.begin < y.begin; });
        std::inplace_merge(p.spans.begin(), p.spans.begin() + static_cast<std::ptrdiff_t>(kept),
                           p.spans.end(),
                           [](const Span& x, const Span& y) { return x.begin < y.begin; });
        for (std::uint32_t k = b; k < e; ++k) {
            const Span& s = by_person[k];
            p.longest = std::max(p.longest, s.end - s.begin);
            add_week_seconds(p, week_of(s.begin.day()), (s.end - s.begin).seconds());
        }
    }
}

bool HoursLedger::release(PersonId person, SimTime begin, SimTime end) {
    Person& p = people_[person];
    auto it = std::lower_bound(p.spans.begin(), p.spans.end(), begin,
                               [](const Span& s, SimTime t) { return s.begin < t; });
    while (it != p.spans.end() && it->begin == begin && it->end != end) ++it;
    if (it == p.spans.end() || it->begin != begin) return false;
    p.spans.erase(it);
    const int week = week_of(begin.day());
    auto w = std::lower_bound(
        p.weeks.begin(), p.weeks.end(), week,
        [](const std::pair<int, std::int64_t>& x, int wk) { return x.first < wk; });
    RIPOSTE_INVARIANT(w != p.weeks.end() && w->first == week);
    w->second -= (end - begin).seconds();
    return true;
}

} // namespace riposte
