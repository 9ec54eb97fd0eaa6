import Dispatch
import Foundation

/// A betweenness estimate with its guarantee: with probability at least `1 - delta`, every
/// node's estimate is within `epsilon` of its normalised betweenness centrality, every node's
/// betweenness lies in its ``interval(of:)``, and, when ``stop`` is
/// ``Stop/topSeparated(_:)``, the `k` people with the highest estimates are the `k` people of
/// highest betweenness.
public struct BetweennessEstimate: Sendable, Hashable {
  /// Why sampling stopped.
  public enum Stop: Sendable, Hashable {
    /// The `k` people with the highest estimates were set apart from every other person: the
    /// lowest of their intervals' lower ends is above every other person's upper end.
    case topSeparated(Int)
    /// Every node's interval was within `epsilon` of its estimate, as asked.
    case withinEpsilon
    /// The most samples allowed were taken (Riondato and Kornaropoulos' number for the
    /// `epsilon` asked, or a smaller cap).
    case sampleCap
  }

  /// The estimated normalised betweenness of every node, by unified index (people, then
  /// groups), on the scale of ``BipartiteGraph/betweennessCentrality(normalized:)``.
  public var values: [Double]
  /// The number of shortest paths sampled.
  public var samples: Int
  /// The most shortest paths the estimate would have sampled.
  public var maximumSamples: Int
  /// The largest error of any node's estimate, with probability at least `1 - delta`.
  public var epsilon: Double
  /// The probability that some estimate is further than `epsilon` from the truth.
  public var delta: Double
  /// The seed the pairs and paths were drawn with.
  public var seed: UInt64
  /// The upper bound on the vertex diameter (the most nodes on a shortest path) the number of
  /// samples was derived from.
  public var vertexDiameterBound: Int
  /// Why sampling stopped.
  public var stop: Stop
  /// `ln(1 / δ')` of each one-sided Bernstein bound (δ' = δ / (4 · checkpoints · nodes)).
  let bernsteinLog: Double

  /// The interval that holds the node's betweenness (with the guarantee above): the
  /// estimate less its empirical Bernstein lower width, plus its upper width, within 0...1.
  /// - Complexity: O(1).
  public func interval(of node: Int) -> ClosedRange<Double> {
    let n = values.count
    let scale = n > 2 ? Double(n) / Double(n - 2) : 1
    let count = values[node] / scale * Double(samples)
    let bounds = PathSampleBounds(log: bernsteinLog, samples: samples)
    let low = max(0, values[node] - bounds.lowerWidth(count: count) * scale)
    let high = min(1, values[node] + bounds.upperWidth(count: count) * scale)
    return low...max(low, high)
  }
}

/// Bernstein's inequality for the mean of `samples` draws of a 0/1 variable (is the node inside
/// the sampled path), whose variance is at most its mean μ, solved for μ: with probability at
/// least `1 - e^-log` each, μ ≥ p̂ − lower and μ ≤ p̂ + upper, for the observed share p̂ =
/// count / samples. These are KADABRA's f and g (Borassi and Natale 2016, Theorem 4.2) at a
/// fixed number of samples.
struct PathSampleBounds {
  let log: Double
  let samples: Int

  /// (L / τ) · (−2/3 + √(4/9 + 2c / L)), the largest t with τt² ≤ L(2(p̂ − t) + 2t/3).
  func lowerWidth(count: Double) -> Double {
    log / Double(samples) * (-2.0 / 3 + (4.0 / 9 + 2 * count / log).squareRoot())
  }

  /// (L / τ) · (4/3 + √(16/9 + 2c / L)), the largest t with τt² ≤ L(2(p̂ + t) + 2t/3).
  func upperWidth(count: Double) -> Double {
    log / Double(samples) * (4.0 / 3 + (16.0 / 9 + 2 * count / log).squareRoot())
  }
}

extension BipartiteGraph {
  /// The work of exact betweenness (``betweennessCentrality(normalized:)``): the sum over
  /// connected components of nodes times adjacency entries, each source's two passes visiting
  /// its own component only. Lets a caller choose exact betweenness where it is cheap.
  ///
  /// ```swift
  /// let exact = graph.exactBetweennessWork <= 100_000_000
  /// ```
  ///
  /// - Complexity: O(n + m).
  public var exactBetweennessWork: Int { Self.exactBetweennessWork(of: componentSummary()) }

  /// ``exactBetweennessWork`` from a ``componentSummary()`` already made, so a caller that
  /// goes on to ``betweennessEstimate(epsilon:delta:maximumSamples:seed:separatingTopPeople:summary:)``
  /// walks the graph once.
  /// - Complexity: O(components).
  package static func exactBetweennessWork(
    of summary: (labels: [Int32], nodes: [Int], entries: [Int], vertexDiameterBound: Int)
  ) -> Int {
    var work = 0
    for c in summary.nodes.indices {
      let (product, overflow) = summary.nodes[c].multipliedReportingOverflow(
        by: max(1, summary.entries[c]))
      if overflow { return .max }
      work = work.addingReportingOverflow(product).overflow ? .max : work + product
      if work == .max { return work }
    }
    return work
  }

  /// An estimate of every node's normalised betweenness centrality from randomly sampled
  /// shortest paths, with a stated error and confidence, that stops as soon as its goal is met
  /// (Riondato and Kornaropoulos 2014, "Fast approximation of betweenness centrality through
  /// sampling", WSDM, extended in Data Mining and Knowledge Discovery 30, 2016; the adaptive
  /// stop of KADABRA, Borassi and Natale 2016, "KADABRA is an ADaptive Algorithm for
  /// Betweenness via Random Approximation", ESA).
  ///
  /// Each sample draws an ordered pair of distinct nodes `(u, v)` uniformly, finds the shortest
  /// `u`–`v` paths by a balanced bidirectional breadth-first search (as in KADABRA), picks one
  /// of them uniformly at random and counts each node inside it; a pair in two components has
  /// no path and counts no one. A node's share of the samples estimates its betweenness.
  ///
  /// **How many samples.** At most
  ///
  ///     ω = ⌈(c / ε²) · (⌊log2(VD − 2)⌋ + 1 + ln(2 / δ))⌉,  c = 0.5,
  ///
  /// and at most `maximumSamples`, where VD bounds the vertex diameter (the most nodes on any
  /// shortest path): with ω samples every estimate is within ε of the truth with probability at
  /// least `1 − δ/2` (the VC-dimension bound of Riondato and Kornaropoulos, Theorem 2). VD is
  /// bounded by `2e + 1` for the eccentricity `e` of one node in each component, from one
  /// breadth-first search per component.
  ///
  /// **When to stop.** Samples are taken in rounds that end at fixed checkpoints (1,000
  /// samples, then a quarter more each time, up to the cap). At each checkpoint every node gets
  /// an interval from Bernstein's inequality for its count (its variance is at most its mean;
  /// KADABRA's f and g), each side failing with probability `δ / (4 · J · n)` for `J`
  /// checkpoints and `n` nodes, so all the intervals of all the checkpoints hold together with
  /// probability at least `1 − δ/2`. Sampling stops at the first checkpoint where
  /// - `separatingTopPeople` is `k > 0`, there are more than `k` people, and the `k` people
  ///   with the highest counts are set apart: the lowest lower end of their intervals is above
  ///   the highest upper end of every other person's (``BetweennessEstimate/Stop/topSeparated(_:)``);
  /// - or every node's interval is within ε of its estimate (``BetweennessEstimate/Stop/withinEpsilon``);
  /// - or the cap is reached (``BetweennessEstimate/Stop/sampleCap``).
  ///
  /// So with probability at least `1 − δ` every node's betweenness lies within the stated
  /// `epsilon` of its estimate (the widest Bernstein interval at the stop, or at the cap the
  /// Riondato–Kornaropoulos error if smaller) and within its ``BetweennessEstimate/interval(of:)``,
  /// and a `topSeparated` stop names the top `k` people exactly (their order among themselves
  /// is not certified). Values and `epsilon` are rescaled from Riondato and Kornaropoulos'
  /// normalisation (ordered pairs, `n(n − 1)`) to that of ``betweennessCentrality(normalized:)``
  /// (pairs not including the node, `(n − 1)(n − 2)`), a factor of `n / (n − 2)`.
  ///
  /// The searches run without the pendant nodes (one neighbour: most people of a large roster,
  /// on one team), which are never inside a shortest path: a pendant end is replaced by its
  /// neighbour, which is then inside the path. Path counts are scaled down level by level where
  /// they grow past 2^256 (they double with every square of a long ladder), so they never
  /// overflow and the path drawn stays uniform.
  ///
  /// Each round is drawn in a fixed number of chunks, each with its own ``SeededGenerator``
  /// seeded from `seed`, the round and the chunk's number, and counted in integers, so the
  /// result is the same bytes whatever the number of cores.
  ///
  /// ```swift
  /// let estimate = graph.betweennessEstimate(
  ///   epsilon: 0.01, delta: 0.1, seed: 2007, separatingTopPeople: 10)
  /// print(estimate.values[0], "±", estimate.epsilon, estimate.stop)
  /// ```
  ///
  /// - Parameters:
  ///   - epsilon: the error wanted, in normalised betweenness (0 to 1).
  ///   - delta: the probability allowed for any estimate to miss by more.
  ///   - maximumSamples: the most samples taken, whatever `epsilon` asks.
  ///   - seed: fixes the pairs and the paths drawn.
  ///   - separatingTopPeople: stop once this many people are set apart as the top (0: never).
  /// - Returns: the estimate of every node, with the samples taken, the error they give and why
  ///   sampling stopped.
  /// - Precondition: `epsilon > 0`, `0 < delta < 1`, `maximumSamples >= 1`,
  ///   `separatingTopPeople >= 0`.
  /// - Complexity: O(n + m) for the bound, then per sample a bidirectional search, at worst
  ///   O(n + m) but on small-world graphs about the square root of that, and O(n) per
  ///   checkpoint (at most about 12 for a cap of 10^4); O(n) memory per chunk (four chunks).
  public func betweennessEstimate(
    epsilon: Double, delta: Double, maximumSamples: Int = 100_000, seed: UInt64,
    separatingTopPeople: Int = 0
  ) -> BetweennessEstimate {
    betweennessEstimate(
      epsilon: epsilon, delta: delta, maximumSamples: maximumSamples, seed: seed,
      separatingTopPeople: separatingTopPeople, summary: componentSummary())
  }

  /// ``betweennessEstimate(epsilon:delta:maximumSamples:seed:separatingTopPeople:)`` from the
  /// graph's ``componentSummary()``, made once by a caller that needs it too.
  /// - Complexity: as the estimate, less the summary's O(n + m).
  package func betweennessEstimate(
    epsilon: Double, delta: Double, maximumSamples: Int, seed: UInt64,
    separatingTopPeople: Int,
    summary: (labels: [Int32], nodes: [Int], entries: [Int], vertexDiameterBound: Int)
  ) -> BetweennessEstimate {
    let k = separatingTopPeople
    precondition(epsilon > 0 && delta > 0 && delta < 1, "epsilon > 0 and 0 < delta < 1")
    precondition(maximumSamples >= 1, "at least one sample")
    precondition(k >= 0, "a negative number of top people")
    let n = nodeCount
    let diameter = summary.vertexDiameterBound
    let logTerm = Double(Self.floorLog2(max(1, diameter - 2))) + 1 + log(2 / delta)
    let c = 0.5
    let wanted = (c / (epsilon * epsilon) * logTerm).rounded(.up)
    let cap = max(1, wanted >= Double(maximumSamples) ? maximumSamples : Int(wanted))
    let capEpsilon = (c * logTerm / Double(cap)).squareRoot()
    let scale = n > 2 ? Double(n) / Double(n - 2) : 1
    var checkpoints = [min(cap, 1_000)]
    while let last = checkpoints.last, last < cap {
      checkpoints.append(min(cap, last + (last + 3) / 4))
    }
    let bernsteinLog = log(4 * Double(checkpoints.count) * Double(max(1, n)) / delta)
    guard n >= 3 else {
      return BetweennessEstimate(
        values: [Double](repeating: 0, count: n), samples: cap, maximumSamples: cap,
        epsilon: capEpsilon * scale, delta: delta, seed: seed, vertexDiameterBound: diameter,
        stop: .sampleCap, bernsteinLog: bernsteinLog)
    }
    let sampler = RoundSampler(graph: self, component: summary.labels)
    defer { sampler.deallocate() }
    var totals = [Int](repeating: 0, count: n)
    var taken = 0
    var stop = BetweennessEstimate.Stop.sampleCap
    var stated = capEpsilon
    for (round, checkpoint) in checkpoints.enumerated() {
      sampler.sample(taken..<checkpoint, round: round, seed: seed)
      taken = checkpoint
      sampler.total(into: &totals)
      let bounds = PathSampleBounds(log: bernsteinLog, samples: taken)
      let widest = bounds.upperWidth(count: Double(totals.max() ?? 0))
      stated = taken == cap ? min(widest, capEpsilon) : widest
      if k > 0 && personCount > k {
        // The k-th and (k+1)-th highest counts among people (widths grow with the count).
        var top: [Int] = []
        for p in 0..<personCount {
          let count = totals[p]
          if top.count == k + 1 {
            if count <= top[k] { continue }
            top.removeLast()
          }
          var i = top.count
          top.append(count)
          while i > 0 && top[i - 1] < count {
            top[i] = top[i - 1]
            i -= 1
          }
          top[i] = count
        }
        let lowest = Double(top[k - 1])
        let highestOther = Double(top[k])
        let lowerEnd = (lowest - bounds.lowerWidth(count: lowest) * Double(taken))
        let upperEnd = (highestOther + bounds.upperWidth(count: highestOther) * Double(taken))
        if lowest > 0 && lowerEnd > upperEnd {
          stop = .topSeparated(k)
          break
        }
      }
      if widest <= epsilon {
        stop = .withinEpsilon
        break
      }
    }
    let values = totals.map { Double($0) / Double(taken) * scale }
    return BetweennessEstimate(
      values: values, samples: taken, maximumSamples: cap, epsilon: stated * scale,
      delta: delta, seed: seed, vertexDiameterBound: diameter, stop: stop,
      bernsteinLog: bernsteinLog)
  }

  /// For each node, the number of sampled shortest paths it lies inside, from `samples`
  /// samples drawn in one round.
  /// - Complexity: O(samples · (n + m)) at worst; O(chunks · n) memory.
  package func sampledPathCounts(samples: Int, seed: UInt64, component: [Int32]) -> [Int] {
    let sampler = RoundSampler(graph: self, component: component)
    defer { sampler.deallocate() }
    sampler.sample(0..<samples, round: 0, seed: seed)
    var totals = [Int](repeating: 0, count: nodeCount)
    sampler.total(into: &totals)
    return totals
  }

  /// For each node, how many of `samples` shortest paths drawn between `u` and `v` (distinct
  /// nodes of one component, neither pendant) it lies inside: the sampler's single step, for
  /// tests of the paths' distribution.
  /// - Complexity: O(samples · (n + m)).
  package func sampledPathCounts(from u: Int, to v: Int, samples: Int, seed: UInt64) -> [Int] {
    let core = SearchCore(self)
    var rng = SeededGenerator(seed: seed)
    let counts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: core.count)
    counts.initialize(repeating: 0)
    defer { counts.deallocate() }
    let search = PathSampler(nodeCount: core.count)
    defer { search.deallocate() }
    let (a, b) = (Int(core.compact[u]), Int(core.compact[v]))
    core.offsets.withUnsafeBufferPointer { off in
      core.targets.withUnsafeBufferPointer { tgt in
        for _ in 0..<samples {
          search.sample(from: a, to: b, offsets: off, targets: tgt, rng: &rng, into: counts)
        }
      }
    }
    var result = [Int](repeating: 0, count: nodeCount)
    for c in 0..<core.count { result[Int(core.original[c])] = Int(counts[c]) }
    return result
  }

  /// The adjacency without its pendant nodes (those with one neighbour), and each node's
  /// anchor: its one neighbour if it is pendant, itself otherwise. A pendant node is never
  /// inside a shortest path, so the shortest paths between two nodes that are not pendant are
  /// the same without them; pendant nodes keep no entries. Most people of a large roster are on
  /// one team, so this leaves the searches a fraction of the entries.
  /// - Complexity: O(n + m).
  static func withoutPendants(_ adjacency: (offsets: [Int32], targets: [Int32])) -> (
    offsets: [Int32], targets: [Int32], anchor: [Int32]
  ) {
    let (offsets, targets) = adjacency
    let n = offsets.count - 1
    var anchor = [Int32](repeating: 0, count: n)
    for v in 0..<n {
      let pendant = offsets[v + 1] - offsets[v] == 1
      anchor[v] = pendant ? targets[Int(offsets[v])] : Int32(truncatingIfNeeded: v)
    }
    var coreOffsets = [Int32](repeating: 0, count: n + 1)
    var coreTargets: [Int32] = []
    coreTargets.reserveCapacity(targets.count)
    for v in 0..<n {
      if anchor[v] == Int32(truncatingIfNeeded: v) {
        for e in Int(offsets[v])..<Int(offsets[v + 1]) {
          let w = Int(targets[e])
          if anchor[w] == Int32(truncatingIfNeeded: w) { coreTargets.append(targets[e]) }
        }
      }
      coreOffsets[v + 1] = Int32(truncatingIfNeeded: coreTargets.count)
    }
    return (coreOffsets, coreTargets, anchor)
  }

  /// Component labels, each component's node and adjacency-entry counts, and an upper bound
  /// on the vertex diameter (`2e + 1` for the eccentricity `e` of each component's first node).
  /// - Complexity: O(n + m).
  package func componentSummary() -> (
    labels: [Int32], nodes: [Int], entries: [Int], vertexDiameterBound: Int
  ) {
    let n = nodeCount
    let (offsets, targets) = unifiedAdjacency()
    var labels = [Int32](repeating: -1, count: n)
    var distance = [Int32](repeating: 0, count: n)
    var queue = [Int32](repeating: 0, count: n)
    var nodes: [Int] = []
    var entries: [Int] = []
    var bound = n > 0 ? 1 : 0
    for root in 0..<n where labels[root] < 0 {
      let label = Int32(truncatingIfNeeded: nodes.count)
      labels[root] = label
      distance[root] = 0
      queue[0] = Int32(truncatingIfNeeded: root)
      var head = 0
      var tail = 1
      var edgeEntries = 0
      var eccentricity: Int32 = 0
      while head < tail {
        let v = Int(queue[head])
        head += 1
        eccentricity = max(eccentricity, distance[v])
        edgeEntries += Int(offsets[v + 1] - offsets[v])
        for e in Int(offsets[v])..<Int(offsets[v + 1]) {
          let w = Int(targets[e])
          if labels[w] < 0 {
            labels[w] = label
            distance[w] = distance[v] + 1
            queue[tail] = Int32(truncatingIfNeeded: w)
            tail += 1
          }
        }
      }
      nodes.append(tail)
      entries.append(edgeEntries)
      bound = max(bound, min(tail, 2 * Int(eccentricity) + 1))
    }
    return (labels, nodes, entries, bound)
  }

  /// ⌊log2(x)⌋ for x ≥ 1.
  static func floorLog2(_ x: Int) -> Int { Int.bitWidth - 1 - x.leadingZeroBitCount }
}

/// The graph the path searches walk: its nodes that are not pendant (``BipartiteGraph/withoutPendants(_:)``),
/// renumbered densely in their order, so the searches' buffers hold only the nodes they can
/// reach (most people of a large roster are pendant). Each node keeps its neighbours in their
/// order, so the searches meet the same nodes in the same order and draw the same paths.
private struct SearchCore {
  /// The number of nodes kept.
  let count: Int
  /// The adjacency of the nodes kept, by their new numbers.
  let offsets: [Int32]
  let targets: [Int32]
  /// Per node of the graph: its anchor (its one neighbour if it is pendant, else itself).
  let anchor: [Int32]
  /// Per node of the graph: its new number, -1 if it is pendant.
  let compact: [Int32]
  /// Per node kept: its number in the graph.
  let original: [Int32]

  init(_ graph: BipartiteGraph) {
    let (offsets, targets, anchor) = BipartiteGraph.withoutPendants(graph.unifiedAdjacency())
    let n = anchor.count
    var compact = [Int32](repeating: -1, count: n)
    var original: [Int32] = []
    for v in 0..<n where anchor[v] == Int32(truncatingIfNeeded: v) {
      compact[v] = Int32(truncatingIfNeeded: original.count)
      original.append(Int32(truncatingIfNeeded: v))
    }
    var coreOffsets = [Int32](repeating: 0, count: original.count + 1)
    var coreTargets = [Int32](repeating: 0, count: targets.count)
    var next = 0
    for (c, v) in original.enumerated() {
      for e in Int(offsets[Int(v)])..<Int(offsets[Int(v) + 1]) {
        coreTargets[next] = compact[Int(targets[e])]
        next += 1
      }
      coreOffsets[c + 1] = Int32(truncatingIfNeeded: next)
    }
    count = original.count
    self.offsets = coreOffsets
    self.targets = coreTargets
    self.anchor = anchor
    self.compact = compact
    self.original = original
  }
}

/// The path sampler's state across rounds: the graph without its pendant nodes, and four
/// chunks, each with its own search buffers and counts, which rounds keep adding to.
private final class RoundSampler: @unchecked Sendable {
  static let chunkCount = 4
  let n: Int
  let core: SearchCore
  let component: [Int32]
  /// Each chunk's counts, by the core's numbers.
  let partials: UnsafeMutableBufferPointer<Int32>
  let searches: [PathSampler]

  init(graph: BipartiteGraph, component: [Int32]) {
    n = graph.nodeCount
    core = SearchCore(graph)
    self.component = component
    partials = .allocate(capacity: Self.chunkCount * core.count)
    partials.initialize(repeating: 0)
    searches = (0..<Self.chunkCount).map { [core] _ in PathSampler(nodeCount: core.count) }
  }

  func deallocate() {
    partials.deallocate()
    for search in searches { search.deallocate() }
  }

  /// Draws the samples `range` of round `round`, split into the chunks, on the cores.
  func sample(_ range: Range<Int>, round: Int, seed: UInt64) {
    let n = self.n
    let core = self.core
    let size = core.count
    DispatchQueue.concurrentPerform(iterations: Self.chunkCount) { chunk in
      let lower = range.lowerBound + range.count * chunk / Self.chunkCount
      let upper = range.lowerBound + range.count * (chunk + 1) / Self.chunkCount
      var rng = SeededGenerator(
        seed: seed ^ (0x9E37_79B9_7F4A_7C15 &* UInt64(chunk + 1))
          ^ (0xD1B5_4A32_D192_ED03 &* UInt64(round)))
      // Each chunk counts into its own slice of the shared buffer.
      let out = UnsafeMutableBufferPointer(
        rebasing: partials[(chunk * size)..<(chunk * size + size)])
      let search = searches[chunk]
      core.offsets.withUnsafeBufferPointer { off in
        core.targets.withUnsafeBufferPointer { tgt in
          core.anchor.withUnsafeBufferPointer { anchor in
            core.compact.withUnsafeBufferPointer { compact in
              component.withUnsafeBufferPointer { component in
                for _ in lower..<upper {
                  let u = Int.random(in: 0..<n, using: &rng)
                  var v = Int.random(in: 0..<(n - 1), using: &rng)
                  if v >= u { v += 1 }
                  guard component[u] == component[v] else { continue }
                  // A pendant end's shortest paths are those of its one neighbour (its anchor)
                  // with the end added, so the search runs between the anchors, without
                  // pendant nodes.
                  let (a, b) = (Int(anchor[u]), Int(anchor[v]))
                  if a == v || b == u { continue }  // one end hangs on the other: nothing inside
                  let (ca, cb) = (Int(compact[a]), Int(compact[b]))
                  if a == b {  // both hang on one node: the path is u, a, v
                    out[ca] += 1
                    continue
                  }
                  if a != u { out[ca] += 1 }
                  if b != v { out[cb] += 1 }
                  search.sample(from: ca, to: cb, offsets: off, targets: tgt, rng: &rng, into: out)
                }
              }
            }
          }
        }
      }
    }
  }

  /// Every node's count so far, the chunks summed (pendant nodes are inside no path).
  func total(into totals: inout [Int]) {
    let size = core.count
    for v in 0..<n { totals[v] = 0 }
    for c in 0..<size {
      var sum = 0
      for chunk in 0..<Self.chunkCount { sum += Int(partials[chunk * size + c]) }
      totals[Int(core.original[c])] = sum
    }
  }
}

/// The per-chunk buffers of the path sampler, reset only where a search touched them.
///
/// Each node's search state is one record of ``stride`` bytes, so a search reads one place per
/// node it meets: its distance from the source side and from the target side (`Int32`, -1 if
/// unseen; side 0 and 1), then its shortest-path counts from each side (`Double`).
private struct PathSampler {
  /// The nodes' records.
  let state: UnsafeMutableRawPointer
  let nodeCount: Int
  /// Every node either search labelled, in order, for the reset.
  let touched: UnsafeMutableBufferPointer<Int32>
  /// The two frontiers and the next level of the side being expanded.
  let frontier: UnsafeMutableBufferPointer<Int32>

  /// The bytes of one node's record.
  static let stride = 24

  /// Counts above 2^256 are scaled by 2^-256, so a product of two stays far below overflow.
  static let rescaleAbove = 0x1p256
  static let rescaleFactor = 0x1p-256

  init(nodeCount n: Int) {
    nodeCount = n
    state = .allocate(byteCount: max(1, n) * Self.stride, alignment: 8)
    for x in 0..<n { Self.reset(state + x &* Self.stride) }
    touched = .allocate(capacity: 2 * n)
    frontier = .allocate(capacity: 3 * n)
  }

  func deallocate() {
    state.deallocate()
    touched.deallocate()
    frontier.deallocate()
  }

  /// Marks a record unseen from both sides, with no paths.
  @inline(__always)
  private static func reset(_ record: UnsafeMutableRawPointer) {
    record.storeBytes(of: -1, toByteOffset: 0, as: Int32.self)
    record.storeBytes(of: -1, toByteOffset: 4, as: Int32.self)
    record.storeBytes(of: 0, toByteOffset: 8, as: Double.self)
    record.storeBytes(of: 0, toByteOffset: 16, as: Double.self)
  }

  @inline(__always)
  private func record(_ x: Int) -> UnsafeMutableRawPointer { state + x &* Self.stride }

  /// The node's distance from `side` (0 forward, 1 backward), -1 if unseen.
  @inline(__always)
  private func distance(_ x: Int, _ side: Int) -> Int32 {
    record(x).load(fromByteOffset: side &* 4, as: Int32.self)
  }

  /// The node's shortest-path count from `side`.
  @inline(__always)
  private func sigma(_ x: Int, _ side: Int) -> Double {
    record(x).load(fromByteOffset: 8 &+ side &* 8, as: Double.self)
  }

  @inline(__always)
  private func setSigma(_ x: Int, _ side: Int, _ value: Double) {
    record(x).storeBytes(of: value, toByteOffset: 8 &+ side &* 8, as: Double.self)
  }

  /// Draws one shortest `u`–`v` path uniformly (u and v in one component, u ≠ v) and adds one
  /// to the count of each node inside it.
  ///
  /// Levels are expanded whole, always on the side whose frontier has fewer adjacency entries.
  /// When a level reaches nodes the other side has labelled, those nodes are exactly the
  /// middle nodes of the shortest paths (at one distance from each end), and the number of
  /// shortest paths through each is the product of its two counts.
  func sample(
    from u: Int, to v: Int, offsets: UnsafeBufferPointer<Int32>,
    targets: UnsafeBufferPointer<Int32>, rng: inout SeededGenerator,
    into counts: UnsafeMutableBufferPointer<Int32>
  ) {
    let n = nodeCount
    var touchedCount = 0
    record(u).storeBytes(of: 0, toByteOffset: 0, as: Int32.self)
    setSigma(u, 0, 1)
    record(v).storeBytes(of: 0, toByteOffset: 4, as: Int32.self)
    setSigma(v, 1, 1)
    touched[0] = Int32(truncatingIfNeeded: u)
    touched[1] = Int32(truncatingIfNeeded: v)
    touchedCount = 2
    // Frontier of the forward side in frontier[0..<n], backward in frontier[n..<2n], the next
    // level in frontier[2n..<3n].
    var forwardRange = 0..<1
    var backwardRange = n..<(n + 1)
    frontier[0] = Int32(truncatingIfNeeded: u)
    frontier[n] = Int32(truncatingIfNeeded: v)
    var meetingStart = 2 * n
    var meetingEnd = 2 * n
    searching: while true {
      func degreeSum(_ range: Range<Int>) -> Int {
        var sum = 0
        for i in range {
          let x = Int(frontier[i])
          sum += Int(offsets[x + 1] - offsets[x])
        }
        return sum
      }
      let expandForward = degreeSum(forwardRange) <= degreeSum(backwardRange)
      // Byte offsets, within a record, of this side's distance and count and of the other
      // side's distance.
      let side = expandForward ? 0 : 1
      let mine = side &* 4
      let theirs = 4 &- mine
      let mySigma = 8 &+ side &* 8
      let range = expandForward ? forwardRange : backwardRange
      var next = 2 * n
      var met = false
      for i in range {
        let x = Int(frontier[i])
        let level = distance(x, side) + 1
        let sigmaX = sigma(x, side)
        for e in Int(offsets[x])..<Int(offsets[x + 1]) {
          let y = Int(targets[e])
          let r = record(y)
          let seen = r.load(fromByteOffset: mine, as: Int32.self)
          if seen < 0 {
            r.storeBytes(of: level, toByteOffset: mine, as: Int32.self)
            r.storeBytes(of: sigmaX, toByteOffset: mySigma, as: Double.self)
            let other = r.load(fromByteOffset: theirs, as: Int32.self)
            if other >= 0 { met = true }
            frontier[next] = Int32(truncatingIfNeeded: y)
            next += 1
            if other < 0 {
              touched[touchedCount] = Int32(truncatingIfNeeded: y)
              touchedCount += 1
            }
          } else if seen == level {
            r.storeBytes(
              of: r.load(fromByteOffset: mySigma, as: Double.self) + sigmaX,
              toByteOffset: mySigma, as: Double.self)
          }
        }
      }
      if met {
        meetingStart = 2 * n
        meetingEnd = next
        break searching
      }
      if next == 2 * n { break searching }  // no path (cannot happen within one component)
      // Path counts double with every square of a long ladder and would overflow a Double
      // past about a thousand levels: a level whose counts are large is scaled down whole.
      // Choices compare counts within one level only, so the paths drawn stay uniform.
      var largest = 0.0
      for i in (2 * n)..<next { largest = max(largest, sigma(Int(frontier[i]), side)) }
      if largest > Self.rescaleAbove {
        for i in (2 * n)..<next {
          let y = Int(frontier[i])
          setSigma(y, side, sigma(y, side) * Self.rescaleFactor)
        }
      }
      // The new level becomes this side's frontier.
      let base = expandForward ? 0 : n
      for i in 0..<(next - 2 * n) { frontier[base + i] = frontier[2 * n + i] }
      if expandForward {
        forwardRange = 0..<(next - 2 * n)
      } else {
        backwardRange = n..<(n + next - 2 * n)
      }
    }
    if meetingEnd > meetingStart {
      // Choose a middle node in proportion to the shortest paths through it.
      var total = 0.0
      for i in meetingStart..<meetingEnd {
        let y = Int(frontier[i])
        if distance(y, 0) >= 0 && distance(y, 1) >= 0 { total += sigma(y, 0) * sigma(y, 1) }
      }
      var pick = Double.random(in: 0..<1, using: &rng) * total
      var middle = -1
      for i in meetingStart..<meetingEnd {
        let y = Int(frontier[i])
        guard distance(y, 0) >= 0 && distance(y, 1) >= 0 else { continue }
        middle = y
        pick -= sigma(y, 0) * sigma(y, 1)
        if pick < 0 { break }
      }
      if middle >= 0 {
        if middle != u && middle != v { counts[middle] += 1 }
        walk(from: middle, side: 0, offsets, targets, &rng, counts)
        walk(from: middle, side: 1, offsets, targets, &rng, counts)
      }
    }
    for i in 0..<touchedCount { Self.reset(record(Int(touched[i]))) }
  }

  /// Walks from `start` back to the source of `side`, choosing each predecessor in proportion
  /// to its path count (so the path is uniform among shortest ones), counting the inner nodes.
  private func walk(
    from start: Int, side: Int, _ offsets: UnsafeBufferPointer<Int32>,
    _ targets: UnsafeBufferPointer<Int32>, _ rng: inout SeededGenerator,
    _ counts: UnsafeMutableBufferPointer<Int32>
  ) {
    var x = start
    while distance(x, side) > 1 {
      let level = distance(x, side) - 1
      // The predecessors' own total, not sigma[x]: their level may be scaled differently.
      var total = 0.0
      for e in Int(offsets[x])..<Int(offsets[x + 1]) {
        let w = Int(targets[e])
        if distance(w, side) == level { total += sigma(w, side) }
      }
      var pick = Double.random(in: 0..<1, using: &rng) * total
      var chosen = -1
      for e in Int(offsets[x])..<Int(offsets[x + 1]) {
        let w = Int(targets[e])
        guard distance(w, side) == level else { continue }
        chosen = w
        pick -= sigma(w, side)
        if pick < 0 { break }
      }
      guard chosen >= 0 else { return }
      counts[chosen] += 1
      x = chosen
    }
  }
}
