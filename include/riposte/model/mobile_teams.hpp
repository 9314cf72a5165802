#pragma once
// The plan's mobile teams at run time: each team's dose stock and deliveries, its usual round
// (communes in visiting order, and how far along it the team is), the second doses it owes,
// the communes a decision sent it to, and the day's round under way: where the team is, its
// clock, its opened vial. The round runs one home visit per event (the model's TeamStep), so
// that a change at 10:00 reaches a team in the middle of its day. Bookkeeping, like SlotBook:
// no clock of its own and no random draws; the model gives the travel and visit times, keeps
// the demand accounting and schedules the steps. A team is named by its TeamId (its index in
// Plan::mobile_teams), a commune by a CommuneId, a group by a GroupId.
#include "riposte/core/ids.hpp"
#include "riposte/core/rng.hpp"
#include "riposte/results.hpp"

#include <cstdint>
#include <deque>
#include <map>
#include <vector>

namespace riposte {

class MobileTeams {
  public:
    /// A second dose owed to someone vaccinated at home.
    struct Due {
        int day;
        CommuneId commune;
        GroupId group;
    };
    /// The day's round under way.
    struct Round {
        bool active = false;
        int day = 0;
        double now = 0, end = 0; ///< seconds since the day's midnight, exact
        CommuneId at{0};         ///< commune where the team is
        int vial_left = 0;
        double vial_expires = 0;
        bool first_doses = false;       ///< second doses due are done; on to first doses
        std::size_t tries = 0;          ///< communes tried today
        GroupId group{0};               ///< group to visit next at the current commune
        Rng rng;                        ///< the day's visit durations
        std::vector<CommuneId> sent_to; ///< communes the team was sent to today (a decision)
        std::size_t sent_next = 0;
    };

    /// `teams` teams over a run of `days` days, with no doses and no round.
    void reset(std::size_t teams, int days);
    [[nodiscard]] std::size_t size() const { return teams_.size(); }
    /// Every team's id, in plan order.
    [[nodiscard]] IdRange<TeamId> ids() const { return teams_.ids(); }

    // ---- set-up
    /// The team's usual round: communes in visiting order.
    void set_round(TeamId t, std::vector<CommuneId> communes) { at(t).round = std::move(communes); }
    /// Doses arriving per day.
    void set_deliveries(TeamId t, std::vector<std::int64_t> doses) {
        at(t).alloc = std::move(doses);
    }

    // ---- stock
    /// Day `day`'s delivery arrives: the doses delivered (0: none due).
    std::int64_t deliver(TeamId t, int day);
    [[nodiscard]] std::int64_t stock(TeamId t) const { return at(t).stock; }

    // ---- the day
    /// The team cannot go out today: `row` (its day's row) says why.
    void stay_in(TeamId t, MobileDayRow row);
    /// The day's round starts at `start_s` (seconds since midnight) from `base`, until `end_s`:
    /// to the communes a decision sent it to that day, else along its usual round.
    void start_round(TeamId t, MobileDayRow row, int day, double start_s, double end_s,
                     CommuneId base, Rng rng);
    [[nodiscard]] const Round& round(TeamId t) const { return at(t).now; }
    /// The stream of the day's visit durations.
    [[nodiscard]] Rng& round_rng(TeamId t) { return at(t).now.rng; }
    /// Day of the last round started (-1: none).
    [[nodiscard]] int last_round_day(TeamId t) const { return at(t).last_round_day; }
    /// Drives to commune `m`, `there_s` away, if it can still drive back to base (`back_s`
    /// more) before the round's end; false, and nothing changed, otherwise.
    bool drive_to(TeamId t, CommuneId m, double there_s, double back_s);
    /// One home visit of `visit_s`, then `between_s` on to the next home, if the team can
    /// still drive back (`back_s`) before the round's end and has a dose (a vial of
    /// `doses_per_vial` is opened when needed, good for `shelf_s`); false otherwise.
    bool visit(TeamId t, double visit_s, double back_s, double between_s, int doses_per_vial,
               double shelf_s);
    /// A dose given at the visit just made: a first dose, or a second dose owed.
    void count_dose(TeamId t, bool second);
    /// The round ends: the opened vial is thrown away (not kept overnight).
    void end_round(TeamId t);
    /// The day's row so far.
    [[nodiscard]] const MobileDayRow& row(TeamId t) const { return at(t).row; }
    /// The day's row, once, when the team had a day: true and `row` filled.
    bool take_row(TeamId t, MobileDayRow& row);

    // ---- second doses
    void owe_second_dose(TeamId t, Due due) { at(t).second_doses.push_back(due); }
    /// The first second dose owed, if it is due by `day` (else null).
    [[nodiscard]] const Due* second_dose_due(TeamId t, int day) const;
    void second_dose_given(TeamId t) { at(t).second_doses.pop_front(); }
    /// The second doses due are done for today: on to first doses.
    void on_to_first_doses(TeamId t) { at(t).now.first_doses = true; }

    // ---- first doses, commune after commune
    /// The commune the round is at (the communes sent to today, else the usual round) and the
    /// group to visit there next; false when every commune was tried today.
    bool current_commune(TeamId t, CommuneId& commune, GroupId& group) const;
    /// Group `group` of the current commune is next.
    void set_group(TeamId t, GroupId group) { at(t).now.group = group; }
    /// The current commune is done (or has nobody left): on to the next one.
    void commune_done(TeamId t);
    /// Communes of the usual round done so far.
    [[nodiscard]] std::size_t round_position(TeamId t) const { return at(t).next; }

    // ---- decisions
    /// The team goes to `communes` on `day`: today's round under way turns there at once, a
    /// later day's round goes there when it starts.
    void send(TeamId t, int day, std::vector<CommuneId> communes);

  private:
    struct Team {
        std::int64_t stock = 0;
        std::vector<std::int64_t> alloc; // doses arriving per day
        std::size_t next = 0;            // position in the usual round
        std::vector<CommuneId> round;    // communes, in visiting order
        std::deque<Due> second_doses;    // home-bound people waiting for their second dose
        Round now;                       // the day's round
        int last_round_day = -1;
        std::map<int, std::vector<CommuneId>> sent; // day -> communes (send_mobile_team)
        MobileDayRow row; // the day's row, added to the results at the day's end
        bool row_pending = false;
    };
    [[nodiscard]] Team& at(TeamId t) { return teams_[t]; }
    [[nodiscard]] const Team& at(TeamId t) const { return teams_[t]; }
    IdVector<TeamId, Team> teams_;
};

} // namespace riposte
