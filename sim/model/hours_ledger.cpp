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
    const int week = week_of(begin.day());
    auto w = std::lower_bound(
        p.weeks.begin(), p.weeks.end(), week,
        [](const std::pair<int, std::int64_t>& x, int wk) { return x.first < wk; });
    if (w == p.weeks.end() || w->first != week) w = p.weeks.insert(w, {week, 0});
    w->second += (end - begin).seconds();
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
