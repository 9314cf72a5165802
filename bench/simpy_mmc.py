#!/usr/bin/env python3
"""The riposte benchmark's M/M/c reference model, written in SimPy 3 for comparison.

Same model as riposte::run_mmc() (sim/model/mmc.cpp): Poisson arrivals at lambda per hour,
c exponential servers at mu per hour, one FIFO queue; `warmup` customers are simulated and
discarded, then `customers` are measured. The wait (time queued before service) is averaged
over the measured customers and over `batches` consecutive batches (batch means) for a 95%
confidence interval.

Events are counted as in riposte: two model events per customer (arrival, end of service), so
that the two rates compare the same work. SimPy's own kernel events (process start, request,
release, timeout, ...) are reported as well, for information.

Prints one JSON object on stdout. Exit status 3 when SimPy cannot be imported.
"""

import argparse
import json
import math
import platform
import random
import sys
import time

# Two-sided 95% Student t quantiles, dof 1..30 (beyond: normal approximation).
T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def t975(dof):
    if dof < 1:
        return float("nan")
    return T975[dof - 1] if dof <= len(T975) else 1.96


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--lambda-per-hour", type=float, default=50.0)
    p.add_argument("--mu-per-hour", type=float, default=10.0)
    p.add_argument("--servers", type=int, default=6)
    p.add_argument("--customers", type=int, default=1_000_000)
    p.add_argument("--warmup", type=int, default=10_000)
    p.add_argument("--batches", type=int, default=20)
    p.add_argument("--seed", type=int, default=2024)
    a = p.parse_args()
    if a.customers < a.batches or a.batches < 2 or a.servers < 1 or a.warmup < 0:
        p.error("need customers >= batches >= 2, servers >= 1, warmup >= 0")
    if a.lambda_per_hour <= 0 or a.mu_per_hour <= 0:
        p.error("rates must be positive")
    return a


def run(a, simpy):
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=a.servers)
    arrivals = random.Random(a.seed)
    services = random.Random(a.seed + 1)
    arrival_rate = a.lambda_per_hour / 60.0  # per minute: SimPy time is in minutes
    service_rate = a.mu_per_hour / 60.0
    total = a.warmup + a.customers
    warmup = a.warmup
    batch_size = a.customers // a.batches

    waits = {"sum": 0.0, "n": 0, "batch_sum": 0.0, "batch_n": 0}
    batch_means = []

    def customer(i):
        arrived = env.now
        with servers.request() as req:
            yield req
            if i >= warmup:
                w = env.now - arrived
                waits["sum"] += w
                waits["n"] += 1
                waits["batch_sum"] += w
                waits["batch_n"] += 1
                if waits["batch_n"] == batch_size:
                    batch_means.append(waits["batch_sum"] / batch_size)
                    waits["batch_sum"] = 0.0
                    waits["batch_n"] = 0
            yield env.timeout(services.expovariate(service_rate))

    def source():
        for i in range(total):
            yield env.timeout(arrivals.expovariate(arrival_rate))
            env.process(customer(i))

    env.process(source())
    start = time.perf_counter()
    env.run()
    wall = time.perf_counter() - start

    n = len(batch_means)
    mean_b = sum(batch_means) / n
    var_b = sum((b - mean_b) ** 2 for b in batch_means) / (n - 1)
    model_events = 2 * total
    kernel_events = next(env._eid)  # SimPy 3 numbers every scheduled event from this counter
    return {
        "engine": "SimPy " + getattr(simpy, "__version__", "?"),
        "python": platform.python_version(),
        "customers": a.customers,
        "warmup": a.warmup,
        "model_events": model_events,
        "kernel_events": kernel_events,
        "wall_s": wall,
        "events_per_s": model_events / wall,
        "kernel_events_per_s": kernel_events / wall,
        "mean_wait_min": waits["sum"] / waits["n"],
        "batch_mean_wait_min": mean_b,
        "ci95_min": t975(n - 1) * math.sqrt(var_b / n),
        "batches": n,
    }


def main():
    a = parse_args()
    try:
        import simpy
    except ImportError as e:
        print(json.dumps({"error": "cannot import simpy: %s" % e}))
        return 3
    print(json.dumps(run(a, simpy)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
