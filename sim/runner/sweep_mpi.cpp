// The MPI transport of sweeps (riposte/sweep.hpp), built with the optional CMake component
// RIPOSTE_MPI. Rank 0 runs tasks on its own worker threads and, on its main thread, hands the
// next task to whichever rank reports (dynamic load balancing: a rank asks for a task when it
// has finished the previous one, sending its result with the request). Only rank 0 gathers
// results, so it alone records the checkpoint and writes the outputs. Only the main thread of
// each rank calls MPI (thread level "funneled").
#include "riposte/sweep.hpp"

#include "runner/sweep_internal.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#if RIPOSTE_MPI
#include <mpi.h>
#endif

namespace riposte {

namespace {

MpiJob job_state;
bool job_initialised = false;
[[maybe_unused]] bool job_finalised = false;

} // namespace

bool mpi_built() {
    return RIPOSTE_MPI != 0;
}

bool under_mpi_launcher() {
    for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "PMI_RANK"})
        if (std::getenv(v) != nullptr) return true;
    return false;
}

int launcher_rank() {
    for (const char* v : {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK"})
        if (const char* text = std::getenv(v)) {
            char* end = nullptr;
            const long rank = std::strtol(text, &end, 10);
            if (end != text && *end == '\0' && rank >= 0 && rank < 1'000'000)
                return static_cast<int>(rank);
        }
    return 0;
}

MpiJob mpi_job() {
    if (job_initialised) return job_state;
    job_initialised = true;
#if RIPOSTE_MPI
    if (!under_mpi_launcher()) return job_state;
    int provided = 0;
    if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
        throw std::runtime_error("MPI could not be initialised");
    MPI_Comm_rank(MPI_COMM_WORLD, &job_state.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &job_state.size);
    job_state.active = true;
#endif
    return job_state;
}

bool mpi_all_agree(bool ok) {
#if RIPOSTE_MPI
    if (job_state.active && !job_finalised) {
        int mine = ok ? 1 : 0;
        int all = 0;
        MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
        return all != 0;
    }
#endif
    return ok;
}

void mpi_finish() {
#if RIPOSTE_MPI
    if (job_state.active && !job_finalised) {
        job_finalised = true;
        MPI_Finalize();
    }
#endif
}

namespace sweep_detail {

#if RIPOSTE_MPI

namespace {

constexpr int tag_result = 1; ///< worker → 0: a finished task (empty: the first request)
constexpr int tag_task = 2;   ///< 0 → worker: the index of the task to run
constexpr int tag_stop = 3;   ///< 0 → worker: no more tasks
constexpr int tag_failed = 4; ///< worker → 0: a task threw (the message); the worker leaves
constexpr int tag_quit = 5;   ///< worker → 0: interrupted; the worker leaves

SweepOutcome root(const std::vector<SweepVariant>& variants, const SweepOptions& options,
                  int size) {
    TaskQueue queue(variants, options);
    std::thread local([&] { queue.run_threads(std::max(1, options.threads)); });
    int active = size - 1;
    while (active > 0) {
        int flag = 0;
        MPI_Status st;
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
        if (!flag) {
            // a short sleep, not a busy wait: this core runs a worker thread too
            std::this_thread::sleep_for(std::chrono::microseconds(500));
            continue;
        }
        int count = 0;
        MPI_Get_count(&st, MPI_CHAR, &count);
        std::string buf(static_cast<std::size_t>(std::max(0, count)), '\0');
        MPI_Recv(buf.data(), count, MPI_CHAR, st.MPI_SOURCE, st.MPI_TAG, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        if (st.MPI_TAG == tag_failed) {
            queue.fail(std::make_exception_ptr(
                std::runtime_error("rank " + std::to_string(st.MPI_SOURCE) + ": " + buf)));
            --active;
            continue;
        }
        if (st.MPI_TAG == tag_quit) {
            --active;
            continue;
        }
        if (!buf.empty()) {
            auto r = decode_task(buf);
            if (!r) {
                queue.fail(std::make_exception_ptr(std::runtime_error(
                    "rank " + std::to_string(st.MPI_SOURCE) + " sent an unreadable result")));
            } else {
                queue.finish(std::move(*r));
            }
        }
        const auto next = queue.take();
        if (next) {
            const auto index = static_cast<std::int64_t>(*next);
            MPI_Send(&index, 1, MPI_INT64_T, st.MPI_SOURCE, tag_task, MPI_COMM_WORLD);
        } else {
            MPI_Send(nullptr, 0, MPI_CHAR, st.MPI_SOURCE, tag_stop, MPI_COMM_WORLD);
            --active;
        }
    }
    local.join();
    return queue.outcome();
}

SweepOutcome worker(const std::vector<SweepVariant>& variants, const SweepOptions& options) {
    SweepOutcome out;
    out.gathered = false;
    const auto nv = static_cast<std::int64_t>(variants.size());
    const auto cancelled = [&] { return options.cancel && options.cancel->load(); };
    std::string payload;
    for (;;) {
        MPI_Send(payload.data(), static_cast<int>(payload.size()), MPI_CHAR, 0, tag_result,
                 MPI_COMM_WORLD);
        MPI_Status st;
        MPI_Probe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &st);
        if (st.MPI_TAG != tag_task) {
            MPI_Recv(nullptr, 0, MPI_CHAR, 0, st.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            return out;
        }
        std::int64_t index = 0;
        MPI_Recv(&index, 1, MPI_INT64_T, 0, tag_task, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        const int v = static_cast<int>(index % nv);
        const int rep = static_cast<int>(index / nv);
        try {
            bool completed = false;
            TaskResult r = run_task(variants[static_cast<std::size_t>(v)], rep, options.seed,
                                    cancelled, completed, options.evidence);
            if (!completed) {
                MPI_Send(nullptr, 0, MPI_CHAR, 0, tag_quit, MPI_COMM_WORLD);
                return out;
            }
            r.variant = v;
            payload = encode_task(r);
            ++out.ran;
        } catch (const std::exception& e) {
            const std::string msg = e.what();
            MPI_Send(msg.data(), static_cast<int>(msg.size()), MPI_CHAR, 0, tag_failed,
                     MPI_COMM_WORLD);
            throw;
        }
    }
}

/// Rank 0's outcome (or its failure) to every rank (SweepOptions::share).
SweepOutcome share(const std::vector<SweepVariant>& variants, const SweepOptions& options, int rank,
                   const std::function<SweepOutcome()>& run) {
    SweepOutcome out;
    std::string text;
    std::exception_ptr failure;
    try {
        out = run();
    } catch (const std::exception& e) {
        failure = std::current_exception();
        text = std::string("failed ") + e.what();
    }
    if (rank == 0 && !failure) {
        text = "outcome " + std::to_string(out.total) + " " + std::to_string(out.ran) + " " +
               (out.complete ? "1" : "0") + "\n";
        for (const TaskResult& t : out.tasks) {
            text += encode_task(t);
            text += '\n';
        }
    }
    // a rank other than 0 whose task threw has told rank 0 (tag_failed) and leaves
    if (rank != 0 && failure) std::rethrow_exception(failure);
    std::uint64_t n = text.size();
    MPI_Bcast(&n, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
    text.resize(static_cast<std::size_t>(n));
    constexpr std::uint64_t chunk = 1U << 30;
    for (std::uint64_t at = 0; at < n; at += chunk)
        MPI_Bcast(text.data() + at, static_cast<int>(std::min(chunk, n - at)), MPI_CHAR, 0,
                  MPI_COMM_WORLD);
    if (rank == 0) {
        if (failure) std::rethrow_exception(failure);
        return out;
    }
    if (text.rfind("failed ", 0) == 0) throw std::runtime_error(text.substr(7));
    std::size_t pos = text.find('\n');
    const std::string head = text.substr(0, pos);
    int complete = 0;
    if (std::sscanf(head.c_str(), "outcome %d %d %d", &out.total, &out.ran, &complete) != 3)
        throw std::runtime_error("rank 0 sent an unreadable outcome");
    out.complete = complete != 0;
    out.gathered = true;
    std::vector<TaskResult> tasks;
    while (pos != std::string::npos && pos + 1 < text.size()) {
        const std::size_t end = text.find('\n', pos + 1);
        auto t = decode_task(std::string_view(text).substr(pos + 1, end - pos - 1));
        if (!t) throw std::runtime_error("rank 0 sent an unreadable result");
        tasks.push_back(std::move(*t));
        pos = end;
    }
    out.sets = sets_from_tasks(variants, tasks, options.replications);
    out.tasks = std::move(tasks);
    return out;
}

} // namespace

SweepOutcome run_sweep_mpi(const std::vector<SweepVariant>& variants, const SweepOptions& options) {
    const MpiJob job = mpi_job();
    if (job.active && job.size > 1 && options.share && !variants.empty()) {
        SweepOptions o = options;
        o.share = false;
        return share(variants, options, job.rank, [&] { return run_sweep_mpi(variants, o); });
    }
    if (!job.active || job.size == 1 || variants.empty()) {
        if (job.rank != 0) {
            SweepOutcome out;
            out.gathered = false;
            return out;
        }
        TaskQueue queue(variants, options);
        if (!variants.empty()) queue.run_threads(std::max(1, options.threads));
        return queue.outcome();
    }
    return job.rank == 0 ? root(variants, options, job.size) : worker(variants, options);
}

#else

SweepOutcome run_sweep_mpi(const std::vector<SweepVariant>&, const SweepOptions&) {
    throw std::runtime_error("this riposte was built without MPI (CMake option RIPOSTE_MPI=ON "
                             "adds it; see docs/sweeps.md)");
}

#endif

} // namespace sweep_detail

} // namespace riposte
