#pragma once
// Strong ids: a centre, a station, a role, a profession or a person of the roster is named by an
// Id of its own type instead of a bare integer, so that a role cannot be passed where a
// profession is expected, and a vector of centres cannot be indexed by a station.
//
// Id<Tag, Rep> wraps one integer (same size, trivially copyable, no cost at run time): built
// explicitly from an integer, read back with value() (the integer) or index() (std::size_t, to
// index a plain container at a boundary). The default value is none() (the integer -1), the
// "no such thing" the code used to write as -1.
//
// IdVector<IdT, T> is a std::vector<T> indexed only by IdT: `centres[c]` with c a CentreId needs
// no cast, `centres[s]` with s a StationId does not compile, and `centres.ids()` iterates the ids.
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <type_traits>
#include <utility>
#include <vector>

namespace riposte {

template <class Tag, class Rep = std::int32_t> class Id {
    static_assert(std::is_integral_v<Rep> && std::is_signed_v<Rep>,
                  "an id's representation is a signed integer (-1 is none)");

  public:
    using rep_type = Rep;
    using tag_type = Tag;

    /// none()
    constexpr Id() noexcept = default;
    /// From an integer (an index, a value read from a file): explicit, never implicit.
    template <std::integral I> constexpr explicit Id(I v) noexcept : v_(static_cast<Rep>(v)) {}

    /// The id that names nothing (the integer -1).
    [[nodiscard]] static constexpr Id none() noexcept { return Id{}; }

    [[nodiscard]] constexpr Rep value() const noexcept { return v_; }
    /// To index a plain container (undefined for none()).
    [[nodiscard]] constexpr std::size_t index() const noexcept {
        return static_cast<std::size_t>(v_);
    }
    /// False for none() (and any negative value).
    [[nodiscard]] constexpr bool valid() const noexcept { return v_ >= 0; }

    /// The next id (iteration over a range of ids).
    constexpr Id& operator++() noexcept {
        ++v_;
        return *this;
    }
    constexpr Id operator++(int) noexcept {
        Id old = *this;
        ++v_;
        return old;
    }

    friend constexpr bool operator==(Id, Id) noexcept = default;
    friend constexpr auto operator<=>(Id, Id) noexcept = default;

  private:
    Rep v_ = -1;
};

struct CentreTag {};
struct StationTag {};
struct StationNodeTag {};
struct RoleTag {};
struct ProfessionTag {};
struct PersonTag {};
struct CommuneTag {};
struct GroupTag {};
struct TeamTag {};

using CentreId = Id<CentreTag>;   ///< index into Plan::centres
using StationId = Id<StationTag>; ///< index into one centre's Centre::stations
/// A station of the run: index into StationNetwork (every centre's stations, centre after
/// centre), not to be confused with a StationId (its index within its centre).
using StationNodeId = Id<StationNodeTag>;
using RoleId = Id<RoleTag>;             ///< index into World::roles
using ProfessionId = Id<ProfessionTag>; ///< index into World::professions
using PersonId = Id<PersonTag>;         ///< index into Roster::people (the expanded pool)
using CommuneId = Id<CommuneTag>;       ///< index into Territory::communes
using GroupId = Id<GroupTag>;           ///< index into World::groups
using TeamId = Id<TeamTag>;             ///< index into Plan::mobile_teams

template <class T> inline constexpr bool is_id_v = false;
template <class Tag, class Rep> inline constexpr bool is_id_v<Id<Tag, Rep>> = true;

/// The ids first, first+1, ..., last-1, as a range for `for (CentreId c : ...)`.
template <class IdT> class IdRange {
  public:
    class iterator {
      public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = IdT;
        using difference_type = std::ptrdiff_t;
        using pointer = const IdT*;
        using reference = IdT;
        constexpr iterator() noexcept = default;
        constexpr explicit iterator(IdT id) noexcept : id_(id) {}
        constexpr IdT operator*() const noexcept { return id_; }
        constexpr iterator& operator++() noexcept {
            ++id_;
            return *this;
        }
        constexpr iterator operator++(int) noexcept {
            iterator old = *this;
            ++id_;
            return old;
        }
        friend constexpr bool operator==(iterator, iterator) noexcept = default;

      private:
        IdT id_{};
    };

    constexpr IdRange(IdT first, IdT last) noexcept : first_(first), last_(last) {}
    [[nodiscard]] constexpr iterator begin() const noexcept { return iterator{first_}; }
    [[nodiscard]] constexpr iterator end() const noexcept { return iterator{last_}; }
    [[nodiscard]] constexpr std::size_t size() const noexcept {
        return last_.value() > first_.value()
                   ? static_cast<std::size_t>(last_.value() - first_.value())
                   : 0;
    }
    [[nodiscard]] constexpr bool empty() const noexcept { return size() == 0; }

  private:
    IdT first_, last_;
};

/// The ids 0 .. n-1.
template <class IdT> [[nodiscard]] constexpr IdRange<IdT> id_range(std::size_t n) noexcept {
    return IdRange<IdT>{IdT{0}, IdT{n}};
}

/// A std::vector<T> indexed only by IdT. The underlying vector is reachable (vector()) for the
/// boundaries that need it (algorithms, plain-index code outside the model, the loaders' name
/// helpers that take a `const std::vector<std::string>&`).
template <class IdT, class T> class IdVector {
    static_assert(is_id_v<IdT>, "IdVector is indexed by an Id");
    using Vec = std::vector<T>;

  public:
    using id_type = IdT;
    using value_type = T;
    using size_type = typename Vec::size_type;
    using reference = typename Vec::reference;
    using const_reference = typename Vec::const_reference;
    using iterator = typename Vec::iterator;
    using const_iterator = typename Vec::const_iterator;

    IdVector() = default;
    explicit IdVector(size_type n) : v_(n) {}
    IdVector(size_type n, const T& value) : v_(n, value) {}
    IdVector(std::initializer_list<T> init) : v_(init) {}
    explicit IdVector(Vec v) : v_(std::move(v)) {}

    reference operator[](IdT id) { return v_[id.index()]; }
    const_reference operator[](IdT id) const { return v_[id.index()]; }
    reference at(IdT id) { return v_.at(id.index()); }
    const_reference at(IdT id) const { return v_.at(id.index()); }
    /// True when `id` names an element.
    [[nodiscard]] bool contains(IdT id) const noexcept {
        return id.valid() && id.index() < v_.size();
    }

    [[nodiscard]] size_type size() const noexcept { return v_.size(); }
    [[nodiscard]] bool empty() const noexcept { return v_.empty(); }
    /// Every id, in order: `for (CentreId c : centres.ids())`.
    [[nodiscard]] IdRange<IdT> ids() const noexcept { return id_range<IdT>(v_.size()); }
    /// The id the next push_back gets.
    [[nodiscard]] IdT next_id() const noexcept { return IdT{v_.size()}; }
    /// The id of the first element equal to `x`, none() when there is none (a name looked up
    /// in World::roles).
    template <class U> [[nodiscard]] IdT find(const U& x) const {
        for (std::size_t k = 0; k < v_.size(); ++k)
            if (v_[k] == x) return IdT{k};
        return IdT::none();
    }
    /// The id of the element `it` points to (an iterator from begin()/std::find).
    [[nodiscard]] IdT id_of(const_iterator it) const noexcept {
        return IdT{static_cast<std::size_t>(it - v_.begin())};
    }

    iterator begin() noexcept { return v_.begin(); }
    iterator end() noexcept { return v_.end(); }
    const_iterator begin() const noexcept { return v_.begin(); }
    const_iterator end() const noexcept { return v_.end(); }
    reference front() { return v_.front(); }
    const_reference front() const { return v_.front(); }
    reference back() { return v_.back(); }
    const_reference back() const { return v_.back(); }

    void push_back(const T& x) { v_.push_back(x); }
    void push_back(T&& x) { v_.push_back(std::move(x)); }
    template <class... Args> reference emplace_back(Args&&... args) {
        return v_.emplace_back(std::forward<Args>(args)...);
    }
    void resize(size_type n) { v_.resize(n); }
    void resize(size_type n, const T& value) { v_.resize(n, value); }
    void assign(size_type n, const T& value) { v_.assign(n, value); }
    void reserve(size_type n) { v_.reserve(n); }
    void clear() noexcept { v_.clear(); }

    [[nodiscard]] Vec& vector() noexcept { return v_; }
    [[nodiscard]] const Vec& vector() const noexcept { return v_; }

    friend bool operator==(const IdVector&, const IdVector&) = default;

  private:
    Vec v_;
};

} // namespace riposte

template <class Tag, class Rep> struct std::hash<riposte::Id<Tag, Rep>> {
    std::size_t operator()(riposte::Id<Tag, Rep> id) const noexcept {
        return std::hash<Rep>{}(id.value());
    }
};
