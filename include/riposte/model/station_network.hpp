#pragma once
// The stations of every centre at run time, and the paths patients take through them. Each
// station is a queue with a pool of servers (ServerPool) or an area with places, watched by
// staff; an outage slows its services for a while. Bookkeeping, like SlotBook: the model owns
// the clock, the patients and the events, and tells the network what happens (staff come and
// go, a patient takes a place, an outage starts); the network answers what the model and the
// live state ask (who is present, what is queued, is the station stopped).
//
// Stations are numbered across the run (StationNodeId), centre after centre in plan order, each
// centre's in its plan order; a centre's stations are contiguous. A node also knows its index
// within its centre (a StationId).
#include "riposte/core/rng.hpp"
#include "riposte/model/server_pool.hpp"
#include "riposte/results.hpp"
#include "riposte/scenario.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace riposte {

/// Queueing accounting of a station, kept by the model: today's figures and the whole run's
/// (after warm-up).
struct StationAcc {
    static constexpr double bin_min = 0.25; // whole-run wait histogram: quarter-minute bins
    static constexpr std::size_t bins = 1440;
    StationDayRow day;
    std::vector<std::uint32_t> wait_s; // today, whole seconds
    SimTime occ_since;                 // areas: last change of the places used
    std::int64_t arrivals = 0, started = 0, waited = 0;
    double wait_sum_min = 0, busy_s = 0, busy_all_s = 0, staffed_s = 0, place_s = 0, open_s = 0;
    std::vector<std::uint32_t> hist; // run, by wait; the last bin holds the longer waits
    double wait_max_min = 0;
};

class StationNetwork {
  public:
    /// One station at run time. Laid out for the patient flow of a large run, where every
    /// event finds its station out of the caches: what a service start or end reads is in the
    /// first six cache lines (the servers, the queue, the posts and flags copied from the
    /// plan, the service stream, the day's accounting), the rest after.
    class alignas(64) Node {
      public:
        Node(const Station& def, CentreId centre, StationId local, Rng rng)
            : def_(&def), posts_(def.posts), role_(def.role), area_(def.kind == StationKind::Area),
              watched_(def.role.valid()), gives_dose_(def.gives_dose),
              takes_sample_(def.takes_sample), capacity_(def.capacity), centre_(centre),
              local_(local), rng_(rng) {}

        [[nodiscard]] const Station& def() const { return *def_; }
        [[nodiscard]] bool is_area() const { return area_; }
        /// The plan's posts (0: one per person present), role, and where the product is taken
        /// (copies of def()'s, kept with the station's hot fields).
        [[nodiscard]] int posts() const { return posts_; }
        [[nodiscard]] RoleId role() const { return role_; }
        [[nodiscard]] bool gives_dose() const { return gives_dose_; }
        [[nodiscard]] bool takes_sample() const { return takes_sample_; }
        [[nodiscard]] CentreId centre() const { return centre_; }
        /// The station after this one on path `p` (Path), -1 when the path ends here or does
        /// not pass here: what a patient leaving this station reads next (a prefetch hint).
        [[nodiscard]] std::int32_t next_on(int p) const { return next_[p]; }
        /// Index within the centre's stations.
        [[nodiscard]] StationId local() const { return local_; }

        // ---- staff
        /// Servers (a queue station): who serves, and the queue (see ServerPool).
        [[nodiscard]] ServerPool& pool() { return pool_; }
        [[nodiscard]] const ServerPool& pool() const { return pool_; }
        /// Areas: one more (fewer) person watches it.
        void watch() { ++watchers_; }
        void unwatch() { --watchers_; }
        /// Staff present: servers, or people watching an area.
        [[nodiscard]] int present() const { return is_area() ? watchers_ : pool_.active_count(); }
        /// Nobody serves it (an area is stopped when it needs watching and nobody does).
        [[nodiscard]] bool stopped() const {
            return is_area() ? watched_ && watchers_ == 0 : pool_.active_count() == 0;
        }

        // ---- patients
        /// A patient joins the queue (an area's queue for a place: the pool's queue, an area
        /// having no servers).
        void enqueue(std::int32_t patient) { pool_.enqueue(patient); }
        [[nodiscard]] std::size_t queued() const { return pool_.queue_length(); }
        /// Areas: someone queues, a place is free, and someone watches (or nobody needs to).
        [[nodiscard]] bool place_ready() const {
            return !(watched_ && watchers_ == 0) && places_used_ < capacity_ &&
                   !pool_.queue_empty();
        }
        /// Areas: the next patient of the queue takes a place (the caller checked place_ready()).
        std::int32_t take_place() {
            const std::int32_t p = pool_.dequeue();
            ++places_used_;
            return p;
        }
        /// Areas: a patient leaves their place.
        void free_place() { --places_used_; }
        [[nodiscard]] int places_used() const { return places_used_; }
        /// Everyone queued leaves the queue (closing, premises lost), in queue order.
        std::vector<std::int32_t> send_home();

        // ---- service
        /// The service stream (the draws of this station's services).
        [[nodiscard]] Rng& rng() { return rng_; }
        /// An outage: services take `factor` times longer until `until`.
        void slow(double factor, SimTime until) {
            slow_factor_ = factor;
            slow_until_ = until;
        }
        /// A service drawn at `drawn` that starts `now`: stretched while an outage holds.
        [[nodiscard]] SimTime service_time(SimTime drawn, SimTime now) const {
            return slow_until_ > now
                       ? round_seconds(static_cast<double>(drawn.seconds()) * slow_factor_)
                       : drawn;
        }

      private:
        friend class StationNetwork; // sets next_
        const Station* def_;
        ServerPool pool_;
        int posts_;
        RoleId role_;
        bool area_, watched_, gives_dose_, takes_sample_;
        int capacity_; // areas: places
        int places_used_ = 0;
        int watchers_ = 0;
        CentreId centre_{0};
        StationId local_{0};
        std::int32_t next_[3] = {-1, -1, -1}; // by Path, see next_on()
        double slow_factor_ = 1;
        SimTime slow_until_;
        Rng rng_;

      public:
        StationAcc acc; ///< the model's accounting of the station
    };

    /// The paths through a centre: stations in the order a patient goes through them.
    enum class Path : std::uint8_t { Vaccination, Antigen, Pcr };

    /// Adds centre `def`'s stations (the next centre), `service_rngs` one per station in plan
    /// order, and builds its paths: vaccination through the stations not for testing only;
    /// antigen tests through those not for vaccination only; PCR tests the same, leaving once
    /// sampled. `roles` is the world's number of roles.
    void add_centre(const Centre& def, std::size_t roles, std::vector<Rng> service_rngs);

    [[nodiscard]] std::size_t size() const { return nodes_.size(); }
    [[nodiscard]] Node& operator[](StationNodeId id) { return nodes_[id]; }
    [[nodiscard]] const Node& operator[](StationNodeId id) const { return nodes_[id]; }
    [[nodiscard]] auto begin() { return nodes_.begin(); }
    [[nodiscard]] auto end() { return nodes_.end(); }
    [[nodiscard]] auto begin() const { return nodes_.begin(); }
    [[nodiscard]] auto end() const { return nodes_.end(); }

    /// Centre `centre`'s stations: ids [first, last).
    [[nodiscard]] StationNodeId first(CentreId centre) const { return at(centre).first; }
    [[nodiscard]] StationNodeId last(CentreId centre) const { return at(centre).last; }
    /// Centre `centre`'s stations, for `for (StationNodeId st : stations.of(centre))`.
    [[nodiscard]] IdRange<StationNodeId> of(CentreId centre) const {
        return {at(centre).first, at(centre).last};
    }
    [[nodiscard]] const std::vector<StationNodeId>& path(CentreId centre, Path p) const {
        const CentreStations& c = at(centre);
        return p == Path::Vaccination ? c.vaccination : p == Path::Antigen ? c.antigen : c.pcr;
    }
    /// The same path, read from one array holding every centre's paths (dense: it stays in
    /// the caches when a national run reads a patient's next station).
    [[nodiscard]] std::span<const StationNodeId> path_span(CentreId centre, Path p) const {
        const CentreStations& c = at(centre);
        const auto k = static_cast<std::size_t>(p);
        return {paths_.data() + c.path_at[k], c.path_len[k]};
    }
    /// Centre `centre`'s stations staffed by `role` (none: the role works off any station).
    [[nodiscard]] const std::vector<StationNodeId>& of_role(CentreId centre, RoleId role) const {
        return at(centre).of_role[role];
    }

    /// Slows centre `centre`'s stations called `name` (every one when empty) until `until`;
    /// how many were slowed.
    int slow(CentreId centre, std::string_view name, double factor, SimTime until);

  private:
    struct CentreStations {
        StationNodeId first{0}, last{0};
        std::vector<StationNodeId> vaccination, antigen, pcr;
        std::uint32_t path_at[3] = {0, 0, 0}, path_len[3] = {0, 0, 0}; // by Path, in paths_
        IdVector<RoleId, std::vector<StationNodeId>> of_role;
    };
    [[nodiscard]] const CentreStations& at(CentreId centre) const { return centres_[centre]; }
    IdVector<StationNodeId, Node> nodes_;
    IdVector<CentreId, CentreStations> centres_;
    std::vector<StationNodeId> paths_; // every centre's paths, one after the other
};

} // namespace riposte
