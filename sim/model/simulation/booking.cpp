// Booking: waiting queues per (commune, group), taken in a reproducible random order between
// queues, slots within the horizon, both injections together, walk-in-only visits.
#include "model/simulation/simulation_impl.hpp"

namespace riposte {

// Who books first. Everyone waiting is in a queue of their (commune, group) and retry day,
// in the order they asked (first come, first served within the queue). Everyone of a (commune,
// group) asks the same centres for the same slots, so a queue whose head finds nothing has
// nobody who finds anything today: it is skipped whole, and its people wait for their retry day
// without being touched. Between queues the order is random: the contenders of the day are
// interleaved as if each had drawn a uniform key and the day went in key order. A queue of n
// contenders enters the day with the smallest of n uniform keys; when its head has booked, the
// next head gets the next order statistic. So how many of each queue book today has the same
// law as when every person drew a key (the order before issue 12), without a key, a sort or a
// heap entry per person: only the people who book and the queues that are due are touched.
// The draws come from a stream per queue and day, so a queue's order depends on nothing else.
bool Simulation::Impl::find_booking_screened(int commune, int group, int d, Booking& b) {
    if (group_class_.empty()) {
        const std::size_t ng = w_.groups.size();
        group_class_.assign(ng, 0);
        for (std::size_t g = 0; g < ng; ++g) {
            group_class_[g] = group_classes_;
            for (std::size_t o = 0; o < g; ++o)
                if (w_.groups[o].doses == w_.groups[g].doses &&
                    w_.groups[o].interval_days == w_.groups[g].interval_days) {
                    group_class_[g] = group_class_[o];
                    break;
                }
            if (group_class_[g] == group_classes_) ++group_classes_;
        }
        booking_failed_.assign(w_.territory.communes.size() * group_classes_, 0);
    }
    std::uint32_t& failed = booking_failed_[static_cast<std::size_t>(commune) * group_classes_ +
                                            group_class_[static_cast<std::size_t>(group)]];
    if (failed == booking_run_) return false;
    if (find_booking(commune, group, d, b)) return true;
    failed = booking_run_;
    return false;
}

void Simulation::Impl::begin_bookings(int d) {
    ++booking_run_;
    BookingDay& b = booking_;
    b = BookingDay{};
    b.day = d;
    b.phase = BookingDay::Intake;
    b.list = demand_.take_requests(d);
    b.day_salt = mix64(opt_.seed ^ (static_cast<std::uint64_t>(opt_.replication) << 32) ^
                       static_cast<std::uint64_t>(d) * 0x9e3779b97f4a7c15ULL);
}

bool Simulation::Impl::booking_next_head(std::uint32_t q, double after, BookingDay::Head& out) {
    BookingDay& b = booking_;
    demand_.drop_stale(q);
    WaitQueue& wq = demand_.queue(q);
    if (wq.size == 0) return false;
    const std::uint32_t drawn = wq.drawn++;
    // the smallest of the queue's n keys above `after` (next_order_key)
    const auto retry = static_cast<std::uint32_t>(demand_.retry_days());
    const std::size_t k = q / retry;
    const std::uint64_t x =
        mix64(b.day_salt ^ mix64(demand_.key_base(k) + (q % retry) * 0x632be59bd9b4e019ULL +
                                 (static_cast<std::uint64_t>(drawn) << 20)));
    const double u = (static_cast<double>(x >> 11) + 0.5) * 0x1.0p-53; // in (0, 1)
    out = {next_order_key(after, static_cast<std::size_t>(wq.size), u), q, wq.runs[wq.head].first};
    return true;
}

namespace {

// The day's order of queue heads is a min-heap on (key, queue). Keys are in (0, 1], so their
// bits order as the doubles do; a queue has one head at most, so no two heads are equal and the
// heads come out in the same order whatever the heap's layout. The heap is 4-ary with 16-byte
// heads, a node's four children in one cache line (BookingDay::HeadHeap): a national day's
// heads (hundreds of thousands) make a heap of several megabytes, where each level down is a
// cache miss. (Templates: the head type is private to the simulation.)
template <class Head> bool head_after(const Head& a, const Head& b) {
    const auto ka = std::bit_cast<std::uint64_t>(a.key);
    const auto kb = std::bit_cast<std::uint64_t>(b.key);
    return ka != kb ? ka > kb : a.queue > b.queue;
}

// The smallest of node i's children (i has at least one) in a heap of n nodes.
template <class Head>
std::size_t heads_least_child(const Head* heap, std::size_t n, std::size_t i) {
    const std::size_t first = 4 * i + 1;
    const std::size_t last = std::min(first + 4, n);
    std::size_t c = first;
    for (std::size_t j = first + 1; j < last; ++j)
        if (head_after(heap[c], heap[j])) c = j;
    return c;
}

// Puts `h` at node i (whose subtrees are heaps) and moves it down until the heap holds.
template <class Head>
void heads_sift_down(Head* heap, std::size_t n, std::size_t i, const Head& h) {
    while (4 * i + 1 < n) {
        const std::size_t c = heads_least_child(heap, n, i);
        if (!head_after(h, heap[c])) break;
        heap[i] = heap[c];
        i = c;
    }
    heap[i] = h;
}

template <class Heap> void heads_make(Heap& heap) {
    const std::size_t n = heap.size();
    if (n < 2) return;
    for (std::size_t i = (n - 2) / 4 + 1; i-- > 0;) {
        const auto h = heap.at(i);
        heads_sift_down(heap.data(), n, i, h);
    }
}

// Puts `h` in place of the smallest head (the one just taken) and restores the heap.
template <class Heap, class Head> void heads_replace_top(Heap& heap, const Head& h) {
    heads_sift_down(heap.data(), heap.size(), 0, h);
}

template <class Heap> void heads_pop_top(Heap& heap) {
    const auto last = heap.take_back();
    if (!heap.empty()) heads_replace_top(heap, last);
}

} // namespace

void Simulation::Impl::queue_failed(std::uint32_t q, int d) {
    // Failing to book has an effect only where there are walk-ins: off to the nearest walk-in-only
    // centre if one is within reach, else on the commune's walk-in list (once). The effects never
    // touch the slots, so they are taken as the queue fails, in the queue's order.
    if (!any_walk_ins_ && !any_walk_in_only_) return;
    WaitQueue& wq = demand_.queue(q);
    const std::size_t k = q / static_cast<std::size_t>(demand_.retry_days());
    const std::size_t commune = k / w_.groups.size();
    auto list = [&](std::int32_t p) {
        DemandPerson& dp = demand_.person(p);
        if (dp.doses > 0 || dp.state == Booked || dp.state == Listed) return;
        demand_.list_for_walk_in(p);
    };
    if (any_walk_in_only_ && !walkin_choices_[commune].empty()) {
        // everyone waiting tries a walk-in-only centre; those who found none stay, in order
        std::vector<IdRun> stay;
        std::int64_t size = 0;
        for (std::size_t i = wq.head; i < wq.runs.size(); ++i)
            for (std::int32_t p = wq.runs[i].first; p < wq.runs[i].first + wq.runs[i].count; ++p) {
                const DemandPerson& dp = demand_.person(p);
                if (dp.doses > 0 || dp.state == Booked) continue; // a stale copy: dropped
                if (plan_walk_in(p, d, 1, true)) continue;        // leaves the queue
                if (any_walk_ins_) list(p);
                if (!stay.empty() && stay.back().first + stay.back().count == p)
                    ++stay.back().count;
                else
                    stay.push_back({p, 1});
                ++size;
            }
        wq.runs = std::move(stay);
        wq.head = 0;
        wq.listed = static_cast<std::uint32_t>(wq.runs.size());
        wq.size = size;
        return;
    }
    if (!any_walk_ins_) return;
    for (std::size_t i = std::max(wq.head, wq.listed); i < wq.runs.size(); ++i)
        for (std::int32_t p = wq.runs[i].first; p < wq.runs[i].first + wq.runs[i].count; ++p)
            list(p);
    wq.listed = static_cast<std::uint32_t>(wq.runs.size());
}

bool Simulation::Impl::continue_bookings() {
    BookingDay& b = booking_;
    const int d = b.day;
    const auto r = static_cast<std::uint32_t>(d % demand_.retry_days());
    const auto R = static_cast<std::uint32_t>(demand_.retry_days());
    if (b.phase == BookingDay::Intake) {
        // today's new requests join the back of their queue, in the order they came
        for (; b.at < b.list.size(); ++b.at) {
            if (slice_spent()) return false;
            const IdRun run = b.list[b.at];
            const DemandPerson& dp = demand_.person(run.first);
            demand_.join(static_cast<std::uint32_t>(cg(dp.commune, dp.group) * R + r), run);
        }
        b.list.clear();
        b.list.shrink_to_fit();
        b.at = 0;
        b.phase = BookingDay::Heads;
    }
    if (b.phase == BookingDay::Heads) {
        // every queue asking today enters the day's order. Without walk-ins, a queue whose
        // (commune, group) can book nothing is left out (failing has no effect); leaving it out
        // moves no other queue (each draws its keys from its own stream).
        const std::size_t n = demand_.queues() / R;
        const bool screen = !any_walk_ins_ && !any_walk_in_only_;
        const std::size_t ng = w_.groups.size();
        for (; b.at < n; ++b.at) {
            const auto q = static_cast<std::uint32_t>(b.at * R + r);
            if (demand_.queue(q).size == 0) continue;
            if (slice_spent()) return false;
            Booking found;
            if (screen && !find_booking_screened(static_cast<int>(b.at / ng),
                                                 static_cast<int>(b.at % ng), d, found))
                continue;
            BookingDay::Head h;
            demand_.queue(q).drawn = 0;
            if (booking_next_head(q, 0.0, h)) b.heads.push_back(h);
        }
        heads_make(b.heads);
        b.phase = BookingDay::Merge;
    }
    if (b.phase == BookingDay::Merge) {
        // the smallest head books, and the queue's next head takes its place in the heap
        auto next_or_pop = [&](const BookingDay::Head& h) {
            BookingDay::Head n;
            if (booking_next_head(h.queue, h.key, n))
                heads_replace_top(b.heads, n);
            else
                heads_pop_top(b.heads);
        };
        while (!b.heads.empty()) {
            if (slice_spent()) return false;
            const BookingDay::Head h = b.heads.at(0);
            if (prefetch_next_ && b.heads.size() > 1) {
                // the next queue and its head person are fetched while this one books (on a
                // large territory both are cache misses: the day's queues do not fit; on a
                // small one the hint is pure instructions): the next is a child of the top
                const BookingDay::Head& n =
                    b.heads.at(heads_least_child(b.heads.data(), b.heads.size(), 0));
                __builtin_prefetch(&demand_.queue(n.queue));
                __builtin_prefetch(&demand_.person(n.person));
                // and the centres its (commune, group) asks first
                if (const auto& choices = vacc_choices_[n.queue / R / w_.groups.size()];
                    !choices.empty())
                    __builtin_prefetch(choices.data());
            }
            WaitQueue& wq = demand_.queue(h.queue);
            if (!any_walk_ins_ && !any_walk_in_only_) {
                // the (commune, group) first (it may be known to fail, the queue not touched)
                const std::size_t k = h.queue / R;
                Booking found;
                if (!find_booking_screened(static_cast<int>(k / w_.groups.size()),
                                           static_cast<int>(k % w_.groups.size()), d, found)) {
                    heads_pop_top(b.heads); // queue_failed has nothing to do without walk-ins
                    continue;
                }
                demand_.drop_stale(h.queue);
                if (wq.size == 0) {
                    heads_pop_top(b.heads);
                    continue;
                }
                IdRun& head = wq.runs[wq.head];
                book_found(head.first, found); // what try_book would find: the slots are the same
                ++head.first;
                --head.count;
                --wq.size;
                next_or_pop(h);
                continue;
            }
            demand_.drop_stale(h.queue); // someone may have been booked since the key was drawn
            if (wq.size == 0) {
                heads_pop_top(b.heads);
                continue;
            }
            IdRun& head = wq.runs[wq.head];
            if (try_book(head.first, d)) {
                ++head.first;
                --head.count;
                --wq.size;
                next_or_pop(h);
                continue;
            }
            // nothing left for this (commune, group) today: nobody behind can book either
            heads_pop_top(b.heads);
            queue_failed(h.queue, d);
        }
    }
    booking_ = BookingDay{};
    return true;
}

void Simulation::Impl::cancel_second_dose(DemandPerson& dp) {
    if (dp.dose2_centre == none) return;
    centres_[CentreId{dp.dose2_centre}].slots.cancel(dp.dose2_day);
    dp.dose2_centre = none;
    dp.dose2_day = -1;
}

void Simulation::Impl::rebook_later(std::int32_t p, int d) {
    const int next = d + std::max(1, w_.behaviour.retry_days);
    DemandPerson& dp = demand_.person(p);
    if (dp.state == Booked) dp.state = Waiting;
    if (next < w_.days) demand_.request(next, {p, 1});
}

bool Simulation::Impl::find_slot(CentreId c, int from, int to, int& day) const {
    const int e = centres_[c].slots.first_free(from, to);
    if (e < 0) return false;
    day = e;
    return true;
}

bool Simulation::Impl::find_booking(int commune, int group, int d, Booking& b) const {
    const auto& grp = w_.groups[static_cast<std::size_t>(group)];
    const int horizon = horizon_changes_.empty() ? plan_.booking.horizon_days : booking_horizon(d);
    for (const auto& [c, minutes] : vacc_choices_[static_cast<std::size_t>(commune)]) {
        int e = 0;
        int from = d; // same-day booking: requests are handled at midnight
        while (find_slot(CentreId{c}, from, d + horizon, e)) {
            // book both injections together (as French booking platforms did): the second
            // must fit within a week after the interval, unless it falls past the horizon
            b = {CentreId{c}, e, -1};
            if (grp.doses >= 2) {
                const int e2_from = e + grp.interval_days;
                if (e2_from < w_.days) {
                    int e2 = 0;
                    if (!find_slot(CentreId{c}, e2_from, e2_from + 7, e2)) {
                        from = e + 1;
                        continue;
                    }
                    b.day2 = e2;
                }
            }
            return true;
        }
    }
    return false;
}

bool Simulation::Impl::can_book(int commune, int group, int d) const {
    Booking b;
    return find_booking(commune, group, d, b);
}

bool Simulation::Impl::try_book(std::int32_t p, int d) {
    DemandPerson& dp = demand_.person(p);
    Booking b;
    if (!find_booking(dp.commune, dp.group, d, b)) return false;
    book_found(p, b);
    return true;
}

void Simulation::Impl::book_found(std::int32_t p, const Booking& b) {
    DemandPerson& dp = demand_.person(p);
    book(b.centre, b.day, p, 1);
    if (b.day2 >= 0) {
        book(b.centre, b.day2, p, 2);
        dp.dose2_centre = static_cast<std::int16_t>(b.centre.value());
        dp.dose2_day = static_cast<std::int16_t>(b.day2);
    }
    dp.state = Booked;
}

bool Simulation::Impl::plan_walk_in(std::int32_t p, int from_day, std::int8_t dose,
                                    bool draw_delay) {
    DemandPerson& dp = demand_.person(p);
    int day = from_day;
    if (draw_delay) {
        Rng r = rng_for(person_key(p) ^ mix64((static_cast<std::uint64_t>(from_day) << 8) |
                                              static_cast<std::uint64_t>(dose)),
                        Purpose::WalkIn);
        day += static_cast<int>(std::max(0.0, w_.behaviour.walk_in_delay.sample(r)) / 86400.0);
    }
    const auto& choices = walkin_choices_[static_cast<std::size_t>(dp.commune)];
    if (choices.empty()) return false;
    for (int e = std::max(0, day); e < w_.days; ++e)
        for (const auto& [c, minutes] : choices)
            if (plan_.centres[static_cast<std::size_t>(c)].open_on(e, w_.start_weekday)) {
                walk_visits_[static_cast<std::size_t>(c)][static_cast<std::size_t>(e)].push_back(
                    {p, dose});
                dp.state = Booked;
                return true;
            }
    return false;
}

double Simulation::Impl::walk_in_time_of_day(const Centre& def, CentreCalendar::Hours hours,
                                             Rng& r) const {
    // an hour by the centre's profile (flat if none) over the opening hours, then a uniform
    // instant within the open part of that hour
    const bool flat = std::all_of(def.hourly_profile.begin(), def.hourly_profile.end(),
                                  [](double x) { return x <= 0; });
    std::array<double, 24> weight{};
    double total = 0;
    const auto opens = static_cast<double>(hours.opens.seconds());
    const auto closes = static_cast<double>(hours.closes.seconds());
    for (std::size_t h = 0; h < 24; ++h) {
        const double lo = std::max(opens, 3600.0 * static_cast<double>(h));
        const double hi = std::min(closes, 3600.0 * static_cast<double>(h + 1));
        if (hi <= lo) continue;
        weight[h] = (flat ? 1.0 : def.hourly_profile[h]) * (hi - lo) / 3600.0;
        total += weight[h];
    }
    if (total <= 0) return opens;
    double u = r.uniform01() * total;
    for (std::size_t h = 0; h < 24; ++h) {
        if (weight[h] <= 0) continue;
        if (u < weight[h] || h == 23) {
            const double lo = std::max(opens, 3600.0 * static_cast<double>(h));
            const double hi = std::min(closes, 3600.0 * static_cast<double>(h + 1));
            return std::min(hi - 1.0, lo + r.uniform01() * (hi - lo));
        }
        u -= weight[h];
    }
    return opens;
}

void Simulation::Impl::book(CentreId c, int day, std::int32_t p, std::int8_t dose) {
    CentreRt& rt = centres_[c];
    const std::int64_t k = rt.slots.book(day);
    const auto pos =
        static_cast<std::int32_t>((k * rt.stride) % std::max<std::int64_t>(1, rt.n_positions));
    rt.bookings[static_cast<std::size_t>(day)].push_back({p, pos, dose});
}

} // namespace riposte
