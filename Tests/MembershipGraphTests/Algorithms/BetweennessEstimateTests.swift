import Foundation
import Testing

@testable import MembershipGraph

struct BetweennessEstimateTests {
  /// A seeded graph of a few hundred nodes: one fairly connected part and some small ones.
  private func mediumGraph(seed: Int) -> BipartiteGraph {
    var rng = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 1)
    let people = Int.random(in: 80...160, using: &rng)
    let groups = Int.random(in: 20...50, using: &rng)
    var pairs: [(PersonIndex, GroupIndex)] = []
    for p in 0..<people {
      for _ in 0..<Int.random(in: 0...2, using: &rng) {
        // Most people join one of the first groups, so there is one main component.
        let limit = p < people * 3 / 4 ? groups * 3 / 4 : groups
        pairs.append((PersonIndex(p), GroupIndex(Int.random(in: 0..<limit, using: &rng))))
      }
    }
    return BipartiteGraph(personCount: people, groupCount: groups, memberships: pairs)
  }

  /// Against exact Brandes: every node's estimate within the stated epsilon, on nearly every
  /// seed (the bound allows one seed in ten to miss; the sampler's own seeds are fixed, so the
  /// count is deterministic).
  @Test func theEstimateIsWithinEpsilonOfExactBrandesForNearlyEverySeed() {
    var within = 0
    var largestError = 0.0
    let seeds = 0..<30
    for seed in seeds {
      let graph = mediumGraph(seed: seed)
      let exact = graph.betweennessCentrality()
      let estimate = graph.betweennessEstimate(
        epsilon: 0.05, delta: 0.1, seed: UInt64(seed) + 100)
      #expect(estimate.epsilon <= 0.05 * Double(graph.nodeCount) / Double(graph.nodeCount - 2))
      #expect(estimate.samples < 100_000)
      let error = zip(exact, estimate.values).map { abs($0 - $1) }.max() ?? 0
      largestError = max(largestError, error)
      if error <= estimate.epsilon { within += 1 }
      // Not all zeros: the estimate finds the nodes that carry paths.
      #expect(estimate.values.contains { $0 > 0 })
    }
    #expect(within >= seeds.count * 9 / 10, "largest error \(largestError)")
  }

  @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOtherValues() {
    let graph = mediumGraph(seed: 3)
    let first = graph.betweennessEstimate(epsilon: 0.05, delta: 0.1, seed: 9)
    let again = graph.betweennessEstimate(epsilon: 0.05, delta: 0.1, seed: 9)
    let other = graph.betweennessEstimate(epsilon: 0.05, delta: 0.1, seed: 10)
    #expect(first == again)
    #expect(first.values.map(\.bitPattern) == again.values.map(\.bitPattern))
    #expect(first.values != other.values)
    #expect(first.samples == other.samples)
  }

  /// On a path every shortest path is the only one, so the middle node's estimate is the
  /// share of sampled pairs on its two sides; the ends are never inside a path.
  @Test func onAPathTheEndsAreZeroAndTheMiddleIsNearItsExactValue() {
    let graph = pathGraph(memberships: 10)  // 11 nodes
    let exact = graph.betweennessCentrality()
    let estimate = graph.betweennessEstimate(epsilon: 0.02, delta: 0.1, seed: 1)
    // The vertex diameter of the path is 11 nodes; the bound from the first node is exact.
    #expect(estimate.vertexDiameterBound == 11)
    // The ends of the path: p0 (unified index 0) and p5 (index 5).
    #expect(estimate.values[0] == 0 && estimate.values[5] == 0)
    #expect(exact[0] == 0 && exact[5] == 0)
    for (e, a) in zip(exact, estimate.values) { #expect(abs(e - a) <= estimate.epsilon) }
  }

  /// The most samples follow Riondato and Kornaropoulos' bound (at confidence δ/2, the other
  /// half going to the adaptive stop's intervals), and a cap fixes the work and states the
  /// error those samples give. On a path the middle's share is about a half, so the intervals
  /// stay wide and sampling runs to the cap.
  @Test func theSampleCountFollowsTheBoundAndACapStatesTheLargerError() {
    let graph = pathGraph(memberships: 10)
    let n = Double(graph.nodeCount)
    let logTerm = Double(3) + 1 + log(20.0)  // ⌊log2(11 − 2)⌋ = 3, δ/2 = 0.05
    let full = graph.betweennessEstimate(epsilon: 0.02, delta: 0.1, seed: 1)
    #expect(full.samples == Int((0.5 / (0.02 * 0.02) * logTerm).rounded(.up)))
    #expect(full.maximumSamples == full.samples)
    #expect(full.stop == .sampleCap)
    let capped = graph.betweennessEstimate(
      epsilon: 0.02, delta: 0.1, maximumSamples: 500, seed: 1)
    #expect(capped.samples == 500)
    #expect(abs(capped.epsilon - (0.5 * logTerm / 500).squareRoot() * n / (n - 2)) < 1e-12)
    #expect(capped.epsilon > full.epsilon)
  }

  /// Three hub people joined in a chain, each with twenty teams of three people found nowhere
  /// else: the hubs carry most paths and every other person none, so the first checkpoint
  /// (1,000 samples) already sets the top three apart, and their exact values lie in their
  /// intervals.
  @Test func clearTopPeopleStopTheSamplingEarly() {
    var pairs: [(PersonIndex, GroupIndex)] = []
    var people = 3
    var groups = 0
    for hub in 0..<3 {
      for _ in 0..<20 {
        pairs.append((PersonIndex(hub), GroupIndex(groups)))
        for _ in 0..<3 {
          pairs.append((PersonIndex(people), GroupIndex(groups)))
          people += 1
        }
        groups += 1
      }
    }
    for (a, b) in [(0, 1), (1, 2)] {
      pairs.append((PersonIndex(a), GroupIndex(groups)))
      pairs.append((PersonIndex(b), GroupIndex(groups)))
      groups += 1
    }
    let graph = BipartiteGraph(personCount: people, groupCount: groups, memberships: pairs)
    let estimate = graph.betweennessEstimate(
      epsilon: 0.001, delta: 0.1, maximumSamples: 50_000, seed: 6, separatingTopPeople: 3)
    #expect(estimate.stop == .topSeparated(3))
    #expect(estimate.samples == 1_000)
    #expect(estimate.maximumSamples == 50_000)
    let ranked = (0..<people).sorted { estimate.values[$0] > estimate.values[$1] }
    #expect(Set(ranked.prefix(3)) == [0, 1, 2])
    let exact = graph.betweennessCentrality()
    for node in 0..<graph.nodeCount {
      #expect(estimate.interval(of: node).contains(exact[node]), "node \(node)")
    }
    // Without asking for the top, the same graph samples on until its error is met.
    let plain = graph.betweennessEstimate(
      epsilon: 0.05, delta: 0.1, maximumSamples: 50_000, seed: 6)
    #expect(plain.stop != .topSeparated(3))
    #expect(plain.epsilon <= 0.05 * Double(graph.nodeCount) / Double(graph.nodeCount - 2))
  }

  /// Pairs in different components have no path: an isolated node and the nodes of a second
  /// component of two get nothing.
  @Test func nodesWithoutInnerPathsGetZero() {
    // p0-g0-p1-g1-p2 (a path), p3-g2 (a pair), p4 alone.
    let graph = BipartiteGraph(
      personCount: 5, groupCount: 3,
      memberships: [
        (PersonIndex(0), GroupIndex(0)), (PersonIndex(1), GroupIndex(0)),
        (PersonIndex(1), GroupIndex(1)), (PersonIndex(2), GroupIndex(1)),
        (PersonIndex(3), GroupIndex(2)),
      ])
    let estimate = graph.betweennessEstimate(epsilon: 0.05, delta: 0.1, seed: 4)
    let exact = graph.betweennessCentrality()
    for i in 0..<graph.nodeCount where exact[i] == 0 { #expect(estimate.values[i] == 0) }
    #expect(estimate.values[1] > 0)
  }

  /// A chain of `k` diamonds: person i is on teams 2i and 2i + 1, and so is person i + 1, so
  /// there are 2^k shortest paths from the first person to the last.
  private func diamondChain(_ k: Int) -> BipartiteGraph {
    var pairs: [(PersonIndex, GroupIndex)] = []
    for i in 0..<k {
      for g in [2 * i, 2 * i + 1] {
        pairs.append((PersonIndex(i), GroupIndex(g)))
        pairs.append((PersonIndex(i + 1), GroupIndex(g)))
      }
    }
    return BipartiteGraph(personCount: k + 1, groupCount: 2 * k, memberships: pairs)
  }

  /// Past about a thousand diamonds the path counts pass Double's range (2^1024); the sampler
  /// scales them per level, so the path drawn stays uniform: each diamond's two teams are
  /// chosen about equally often, however far along the chain. (Unscaled, every choice past
  /// the overflow went to the same team.)
  @Test func aPathDrawnAlongALadderOfThousandsOfDiamondsStaysUniform() {
    let k = 2_500
    let graph = diamondChain(k)
    let samples = 80
    let counts = graph.sampledPathCounts(from: 0, to: k, samples: samples, seed: 5)
    // Every inner person lies on every path, and exactly one team of each diamond does.
    for person in 1..<k { #expect(counts[person] == samples) }
    let teams = (k + 1)..<graph.nodeCount
    #expect(teams.map { counts[$0] }.reduce(0, +) == samples * k)
    // The first teams of the diamonds far along the chain (past 2^1024 paths from either end)
    // and near its ends: about half the paths each (binomial, 80 * 300 or more draws per range).
    for range in [0..<1_000, 1_100..<1_400, 1_500..<2_500] {
      let first = range.map { counts[k + 1 + 2 * $0] }.reduce(0, +)
      let share = Double(first) / Double(samples * range.count)
      #expect(abs(share - 0.5) < 0.02, "share \(share) in \(range)")
    }
    let estimate = graph.betweennessEstimate(
      epsilon: 0.2, delta: 0.1, maximumSamples: 100, seed: 3)
    #expect(estimate.values.allSatisfy { $0.isFinite })
  }

  /// A star: every pair of leaves has its one path through the centre, and the leaves (all
  /// pendant, which the searches leave out) are inside none.
  @Test func aStarsCentreCarriesEveryPathBetweenItsLeaves() {
    let leaves = 40
    let graph = BipartiteGraph(
      personCount: leaves, groupCount: 1,
      memberships: (0..<leaves).map { (PersonIndex($0), GroupIndex(0)) })
    let estimate = graph.betweennessEstimate(epsilon: 0.05, delta: 0.1, seed: 8)
    #expect(abs(estimate.values[leaves] - 1) <= estimate.epsilon)
    #expect(estimate.values[0..<leaves].allSatisfy { $0 == 0 })
  }

  @Test(arguments: 0..<40)
  func exactWorkIsNodesTimesEntriesPerComponent(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed))
    let graph = randomGraph(using: &rng)
    let adjacency = naiveAdjacency(graph)
    var seen = [Bool](repeating: false, count: graph.nodeCount)
    var expected = 0
    for start in 0..<graph.nodeCount where !seen[start] {
      seen[start] = true
      var stack = [start]
      var nodes = 0
      var entries = 0
      while let v = stack.popLast() {
        nodes += 1
        entries += adjacency[v].count
        for w in adjacency[v] where !seen[w] {
          seen[w] = true
          stack.append(w)
        }
      }
      expected += nodes * max(1, entries)
    }
    #expect(graph.exactBetweennessWork == expected)
  }
}
