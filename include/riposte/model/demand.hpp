#pragma once
// The people who want a dose and where each of them stands: waiting, booked, or listed for a
// walk-in visit. People are numbered (commune, group) after (commune, group), and within one
// pair in the order of the day they first ask, so that a day's requests and the waiting queues
// hold runs of consecutive ids, not one id each (a national run has tens of millions of people).
// Waiting people sit in one queue per (commune, group) and retry day (everyone of a queue asks
// again on the same days), first come first served. Bookkeeping, like SlotBook: no clock and no
// random draws; the model's booking (booking.cpp) decides who books where, and tells the demand.
#include "riposte/core/huge_pages.hpp"
#include "riposte/core/ids.hpp"
#include "riposte/core/rng.hpp"

#include <cstdint>
#include <vector>

namespace riposte {

class Demand {
  public:
    enum State : std::uint8_t { Waiting = 0, Booked = 1, Listed = 2 };
    static constexpr std::int16_t none = -1;

    /// 12 bytes: a national run holds one per person who wants a dose (about 45 million). The
    /// fields stay packed integers on purpose (a GroupId or CentreId is 4 bytes, and would make
    /// it 16: 180 MB more on France); commune_id(), group_id() and dose2_centre_id() read them
    /// as ids.
    struct Person {
        std::int32_t commune = 0;
        std::int16_t group = 0;
        std::int16_t dose2_centre = none; ///< centres are fewer than 32,768
        std::int16_t dose2_day = -1;
        std::int8_t doses = 0; ///< doses received
        std::uint8_t state = Waiting;

        [[nodiscard]] CommuneId commune_id() const { return CommuneId{commune}; }
        [[nodiscard]] GroupId group_id() const { return GroupId{group}; }
        /// The centre booked for the second dose (none() when there is none).
        [[nodiscard]] CentreId dose2_centre_id() const { return CentreId{dose2_centre}; }
    };
    static_assert(sizeof(Person) == 12, "a national run holds tens of millions of these");
    /// People [first, first + count).
    struct IdRun {
        std::int32_t first;
        std::int32_t count;
    };
    struct WaitQueue {
        std::vector<IdRun> runs; ///< [head, end): waiting, or stale copies (booked since)
        std::uint32_t head = 0;
        std::uint32_t listed = 0; ///< runs before this index already had their failure effects
        std::int64_t size = 0;    ///< people in runs [head, end)
        std::uint32_t drawn = 0;  ///< keys drawn for the day's booking order (booking.cpp)
    };

    /// `communes` × `groups` pairs over a run of `days` days; people retry every `retry_days`.
    void reset(std::size_t communes, std::size_t groups, int days, int retry_days);
    [[nodiscard]] std::size_t pairs() const { return key_base_.size(); }
    [[nodiscard]] int retry_days() const { return retry_; }

    // ---- people
    void reserve(std::size_t people) { persons_.reserve(people); }
    /// Pair `k`'s people start here (pairs are added in order), their keys from `key_base`.
    void begin_pair(std::size_t k, std::uint64_t key_base) {
        key_base_[k] = key_base;
        first_[k] = static_cast<std::int32_t>(persons_.size());
    }
    /// `count` more people of `commune` and `group` (the pair begun last); the first one's id.
    std::int32_t add_people(int commune, int group, std::int32_t count);
    [[nodiscard]] std::size_t people() const { return persons_.size(); }
    [[nodiscard]] Person& person(std::int32_t p) { return persons_[static_cast<std::size_t>(p)]; }
    [[nodiscard]] const Person& person(std::int32_t p) const {
        return persons_[static_cast<std::size_t>(p)];
    }
    [[nodiscard]] std::uint64_t key_base(std::size_t k) const { return key_base_[k]; }
    /// Pair `k`'s people: ids [first(k), end(k)).
    [[nodiscard]] std::int32_t first(std::size_t k) const { return first_[k]; }
    [[nodiscard]] std::int32_t end(std::size_t k) const {
        return k + 1 < first_.size() ? first_[k + 1] : static_cast<std::int32_t>(persons_.size());
    }
    /// Person `p`'s stable key (for their own draws), in pair `k` (theirs).
    [[nodiscard]] std::uint64_t key(std::int32_t p, std::size_t k) const {
        return mix64(key_base_[k] + static_cast<std::uint64_t>(p - first_[k]));
    }

    // ---- requests: people asking for an appointment on a day
    void request(int day, IdRun run) { requests_[static_cast<std::size_t>(day)].push_back(run); }
    /// The day's requests, taken (the day's list is left empty).
    std::vector<IdRun> take_requests(int day);

    // ---- waiting queues: [k * retry_days + day % retry_days]
    [[nodiscard]] std::size_t queues() const { return queues_.size(); }
    [[nodiscard]] WaitQueue& queue(std::uint32_t q) { return queues_[q]; }
    [[nodiscard]] const WaitQueue& queue(std::uint32_t q) const { return queues_[q]; }
    /// A run of people joins the back of queue `q`.
    void join(std::uint32_t q, IdRun run) {
        WaitQueue& wq = queues_[q];
        wq.runs.push_back(run);
        wq.size += run.count;
    }
    /// Drops the booked copies at the front of queue `q`, and gives back the spent front of
    /// its storage. Inline: the booking calls it for every head it takes.
    void drop_stale(std::uint32_t q) {
        WaitQueue& wq = queues_[q];
        while (wq.head < wq.runs.size()) {
            IdRun& r = wq.runs[wq.head];
            while (r.count > 0) {
                const Person& dp = persons_[static_cast<std::size_t>(r.first)];
                if (dp.doses == 0 && dp.state != Booked) break;
                ++r.first;
                --r.count;
                --wq.size;
            }
            if (r.count > 0) break;
            ++wq.head;
        }
        // a queue's storage is given back as it empties
        if (wq.head == wq.runs.size()) {
            std::vector<IdRun>{}.swap(wq.runs);
            wq.head = wq.listed = 0;
            wq.size = 0;
        } else if (wq.head >= 16 && wq.head * 2 >= wq.runs.size()) {
            wq.runs.erase(wq.runs.begin(), wq.runs.begin() + wq.head);
            wq.listed = wq.listed > wq.head ? wq.listed - wq.head : 0;
            wq.head = 0;
        }
    }

    // ---- walk-in lists: people of a commune who could not book, for a walk-in visit
    [[nodiscard]] std::vector<std::int32_t>& walk_in_list(int commune) {
        return walk_in_[static_cast<std::size_t>(commune)];
    }
    /// Person `p` goes on their commune's walk-in list.
    void list_for_walk_in(std::int32_t p) {
        Person& dp = person(p);
        dp.state = Listed;
        walk_in_[static_cast<std::size_t>(dp.commune)].push_back(p);
    }

  private:
    // read at random (a national run's tens of millions): on huge pages
    std::vector<Person, HugePageAllocator<Person>> persons_;
    std::vector<std::uint64_t> key_base_;            // per (commune, group)
    std::vector<std::int32_t> first_;                // first person id per (commune, group)
    std::vector<std::vector<IdRun>> requests_;       // per day
    std::vector<WaitQueue> queues_;                  // [k * retry_ + day % retry_]
    std::vector<std::vector<std::int32_t>> walk_in_; // per commune
    int retry_ = 1;
};
static_assert(sizeof(Demand::Person) == 12);

} // namespace riposte
