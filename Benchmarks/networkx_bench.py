#!/usr/bin/env python3
"""The gateways-bench phases done with NetworkX, for comparison.

Reads a `staff_id,team` CSV written by `gateways-bench generate` and times the same work as
`gateways-bench run`: parse, bipartite graph build, connected components, the weighted
projection onto groups, articulation points + bridges, the E-I index of every group and
betweenness centrality sampled from k = 64 pivots. Prints one markdown table row per file.

    python3 Benchmarks/networkx_bench.py FILE.csv [FILE.csv ...] [--seed 42] [--repeats 3]
"""

import argparse
import csv
import resource
import sys
import time

import networkx as nx
from networkx.algorithms import bipartite


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def parse(path):
    people, rows = [], []
    with open(path, newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for person, team in reader:
            if team:
                rows.append((person, team))
            else:
                people.append(person)
    return people, rows


def build(parsed):
    people, rows = parsed
    graph = nx.Graph()
    graph.add_nodes_from((("s", p) for p in people), bipartite=0)
    graph.add_nodes_from((("s", p) for p, _ in rows), bipartite=0)
    graph.add_nodes_from((("t", t) for _, t in rows), bipartite=1)
    graph.add_edges_from((("s", p), ("t", t)) for p, t in rows)
    return graph


def ei_indices(graph, groups):
    # Person projection degrees with sets, then E = sum over members of (d(p) - (m - 1)).
    degree = {}
    for node in graph:
        if node[0] == "s":
            co = set()
            for g in graph[node]:
                co.update(graph[g])
            co.discard(node)
            degree[node] = len(co)
    result = {}
    for g in groups:
        members = graph[g]
        m = len(members)
        internal = m * (m - 1) // 2
        external = sum(degree[p] - (m - 1) for p in members)
        total = internal + external
        result[g] = None if total == 0 else (external - internal) / total
    return result


def measure(path, repeats, seed):
    best = None
    for _ in range(repeats):
        row = {}
        parsed, row["parse"] = timed(lambda: parse(path))
        graph, row["build"] = timed(lambda: build(parsed))
        groups = [n for n in graph if n[0] == "t"]
        _, row["components"] = timed(lambda: list(nx.connected_components(graph)))
        _, row["projection"] = timed(lambda: bipartite.weighted_projected_graph(graph, groups))
        _, row["cuts"] = timed(
            lambda: (list(nx.articulation_points(graph)), list(nx.bridges(graph))))
        _, row["ei"] = timed(lambda: ei_indices(graph, groups))
        _, row["betweenness"] = timed(
            lambda: nx.betweenness_centrality(graph, k=min(64, len(graph)), seed=seed))
        row["memberships"] = graph.number_of_edges()
        row["people"] = len(graph) - len(groups)
        row["groups"] = len(groups)
        if best is None:
            best = row
        else:
            for key in ("parse", "build", "components", "projection", "cuts", "ei",
                        "betweenness"):
                best[key] = min(best[key], row[key])
    best["peak"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeats", type=int, default=None)
    args = parser.parse_args()
    print("| memberships | people | groups | parse | build | components | projection "
          "| art. points + bridges | E-I | betweenness k=64 | core total | peak RSS |")
    print("|" + "---:|" * 12)
    for path in args.files:
        with open(path) as handle:
            lines = sum(1 for _ in handle)
        repeats = args.repeats or (3 if lines < 250_000 else 1)
        r = measure(path, repeats, args.seed)
        core = r["build"] + r["components"] + r["cuts"] + r["ei"]
        ms = lambda s: f"{s * 1000:.2f} ms"
        print(f"| {r['memberships']} | {r['people']} | {r['groups']} | {ms(r['parse'])} "
              f"| {ms(r['build'])} | {ms(r['components'])} | {ms(r['projection'])} "
              f"| {ms(r['cuts'])} | {ms(r['ei'])} | {ms(r['betweenness'])} | {ms(core)} "
              f"| {r['peak']:.0f} MB |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
