#!/usr/bin/env python3
"""The core graph work of `gateways analyse`, done with igraph, NetworKit or NetworkX.

Reads a roster CSV written by `gateways-bench generate` (any columns: `staff_id` and `team` are
found by the header, quoted fields are read as CSV) and times, for one tool per process:
parse (csv.reader, ids mapped to dense indices), build (the tool's bipartite graph), connected
components, articulation points + bridges, the projection onto teams (shared-member counts) and
betweenness sampled from k = 64 source vertices. Prints one markdown table row per file.
`--clock cpu` times each phase by the process's CPU time (every thread), which a machine shared
with other work inflates far less than wall time.

    pip install igraph networkit          # networkx and scipy are assumed present
    python3 Benchmarks/peers_bench.py --tool igraph FILE.csv [FILE.csv ...]
    python3 Benchmarks/peers_bench.py --tool networkit FILE.csv [FILE.csv ...]
    python3 Benchmarks/peers_bench.py --tool networkx FILE.csv [FILE.csv ...]

NetworKit has no bipartite projection and no articulation points: the projection is the sparse
product B^T B (scipy) and the cut phase is its BiconnectedComponents, which finds the blocks the
articulation points join. NetworKit runs on every core; igraph and NetworkX on one.
"""

import argparse
import csv
import random
import resource
import sys
import time


CLOCK = time.perf_counter


def timed(fn):
    start = CLOCK()
    value = fn()
    return value, CLOCK() - start


def parse(path):
    """Person and team indices of every membership, and the counts of each side."""
    people, teams = {}, {}
    edge_people, edge_teams = [], []
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = [h.strip().lower() for h in next(reader)]
        ip, it = header.index("staff_id"), header.index("team")
        for row in reader:
            if not row:
                continue
            person = people.setdefault(row[ip], len(people))
            team = row[it]
            if team:
                edge_people.append(person)
                edge_teams.append(teams.setdefault(team, len(teams)))
    return len(people), len(teams), edge_people, edge_teams


def run_igraph(parsed, seed):
    import igraph as ig

    n_people, n_teams, ep, et = parsed
    row = {}

    def build():
        edges = [(p, n_people + t) for p, t in zip(ep, et)]
        g = ig.Graph(n=n_people + n_teams, edges=edges)
        g.vs["type"] = [False] * n_people + [True] * n_teams
        return g

    g, row["build"] = timed(build)
    _, row["components"] = timed(lambda: g.connected_components())
    _, row["cuts"] = timed(lambda: (g.articulation_points(), g.bridges()))
    _, row["projection"] = timed(
        lambda: g.bipartite_projection(which=1, multiplicity=True))
    rng = random.Random(seed)
    sources = rng.sample(range(g.vcount()), min(64, g.vcount()))
    _, row["betweenness"] = timed(lambda: g.betweenness(sources=sources, directed=False))
    return row


def run_networkit(parsed, seed):
    import networkit as nk
    import numpy as np
    import scipy.sparse as sp

    n_people, n_teams, ep, et = parsed
    row = {}
    nk.setSeed(seed, False)

    def build():
        g = nk.Graph(n_people + n_teams)
        src = np.asarray(ep, dtype=np.uint64)
        dst = np.asarray(et, dtype=np.uint64) + n_people
        g.addEdges((src, dst))
        return g

    g, row["build"] = timed(build)
    _, row["components"] = timed(lambda: nk.components.ConnectedComponents(g).run())
    _, row["cuts"] = timed(lambda: nk.components.BiconnectedComponents(g).run())

    def projection():
        b = sp.csr_matrix(
            (np.ones(len(ep), dtype=np.int32), (np.asarray(ep), np.asarray(et))),
            shape=(n_people, n_teams))
        return (b.T @ b).tocsr()

    _, row["projection"] = timed(projection)
    _, row["betweenness"] = timed(
        lambda: nk.centrality.EstimateBetweenness(g, min(64, g.numberOfNodes()), False, True).run())
    return row


def run_networkx(parsed, seed):
    import networkx as nx
    from networkx.algorithms import bipartite

    n_people, n_teams, ep, et = parsed
    row = {}

    def build():
        g = nx.Graph()
        g.add_nodes_from(range(n_people), bipartite=0)
        g.add_nodes_from(range(n_people, n_people + n_teams), bipartite=1)
        g.add_edges_from((p, n_people + t) for p, t in zip(ep, et))
        return g

    g, row["build"] = timed(build)
    _, row["components"] = timed(lambda: list(nx.connected_components(g)))
    _, row["cuts"] = timed(lambda: (list(nx.articulation_points(g)), list(nx.bridges(g))))
    teams = range(n_people, n_people + n_teams)
    _, row["projection"] = timed(lambda: bipartite.weighted_projected_graph(g, teams))
    _, row["betweenness"] = timed(
        lambda: nx.betweenness_centrality(g, k=min(64, len(g)), seed=seed))
    return row


TOOLS = {"igraph": run_igraph, "networkit": run_networkit, "networkx": run_networkx}
PHASES = ("parse", "build", "components", "cuts", "projection", "betweenness")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--tool", choices=sorted(TOOLS), required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                        help="wall: elapsed time; cpu: the process's CPU time over all its "
                        "threads (for a machine shared with other work)")
    args = parser.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    print(f"| {args.tool} | memberships | people | teams | parse | build | components "
          "| art. points + bridges | projection | betweenness k=64 | total | peak RSS |")
    print("|---|" + "---:|" * 11)
    for path in args.files:
        parsed, parse_time = timed(lambda: parse(path))
        row = TOOLS[args.tool](parsed, args.seed)
        row["parse"] = parse_time
        total = sum(row[k] for k in PHASES)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
        s = lambda x: f"{x:.2f} s"
        print(f"| {path.rsplit('/', 1)[-1]} | {len(parsed[2])} | {parsed[0]} | {parsed[1]} | "
              + " | ".join(s(row[k]) for k in PHASES)
              + f" | {s(total)} | {peak:.0f} MB |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
