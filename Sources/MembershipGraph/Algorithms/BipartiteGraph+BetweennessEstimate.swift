import Dispatch
import Foundation

/// A betweenness estimate with its guarantee: with probability at least `1 - delta`, every
/// node's estimate is within `epsilon` of its normalised betweenness centrality.
public struct BetweennessEstimate: Sendable, Hashable {
  /// The estimated normalised betweenness of every node, by unified index (people, then
  /// groups), on the scale of ``BipartiteGraph/betweennessCentrality(normalized:)``.
  public var values: [Double]
  /// The number of shortest paths sampled.
  public var samples: Int
  /// The largest error of any node's estimate, with probability at least `1 - delta`.
  public var epsilon: Double
  /// The probability that some estimate is further than `epsilon` from the truth.
  public var delta: Double
  /// The seed the pairs and paths were drawn with.
  public var seed: UInt64
  /// The upper bound on the vertex diameter (the most nodes on a shortest path) the number of
  /// samples was derived from.
  public var vertexDiameterBound: Int
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
  public var exactBetweennessWork: Int {
    let summary = componentSummary()
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
  /// shortest paths, with a stated error and confidence (Riondato and Kornaropoulos 2014,
  /// "Fast approximation of betweenness centrality through sampling", WSDM; extended in Data
  /// Mining and Knowledge Discovery 30, 2016).
  ///
  /// Each sample draws an ordered pair of distinct nodes `(u, v)` uniformly, finds the shortest
  /// `u`–`v` paths by a balanced bidirectional breadth-first search (as in KADABRA, Borassi and
  /// Natale 2016, "KADABRA is an ADaptive Algorithm for Betweenness via Random Approximation",
  /// ESA), picks one of them uniformly at random and credits each node inside it with
  /// `1 / samples`; a pair in two components has no path and credits no one. With
  ///
  ///     samples = ⌈(c / ε²) · (⌊log2(VD − 2)⌋ + 1 + ln(1 / δ))⌉,  c = 0.5,
  ///
  /// where VD bounds the vertex diameter (the most nodes on any shortest path), every
  /// estimate is within ε of the true value with probability at least `1 − δ` (the VC-dimension
  /// bound of Riondato and Kornaropoulos, Theorem 2). VD is bounded by `2e + 1` for the
  /// eccentricity `e` of one node in each component, from one breadth-first search per
  /// component. The number of samples is capped at `maximumSamples`, so the work is fixed; when
  /// the cap applies, `epsilon` is the error the samples taken guarantee (the same bound solved
  /// for ε). Values and `epsilon` are rescaled from Riondato and Kornaropoulos' normalisation
  /// (ordered pairs, `n(n − 1)`) to that of ``betweennessCentrality(normalized:)`` (pairs not
  /// including the node, `(n − 1)(n − 2)`), a factor of `n / (n − 2)`.
  ///
  /// The searches run without the pendant nodes (one neighbour: most people of a large roster,
  /// on one team), which are never inside a shortest path: a pendant end is replaced by its
  /// neighbour, which is then inside the path. Path counts are scaled down level by level where
  /// they grow past 2^256 (they double with every square of a long ladder), so they never
  /// overflow and the path drawn stays uniform.
  ///
  /// Samples are drawn in a fixed number of chunks, each with its own ``SeededGenerator``
  /// seeded from `seed` and the chunk's number, and counted in integers, so the result is the
  /// same bytes whatever the number of cores.
  ///
  /// ```swift
  /// let estimate = graph.betweennessEstimate(epsilon: 0.01, delta: 0.1, seed: 2007)
  /// print(estimate.values[0], "±", estimate.epsilon)
  /// ```
  ///
  /// - Parameters:
  ///   - epsilon: the error wanted, in normalised betweenness (0 to 1).
  ///   - delta: the probability allowed for any estimate to miss by more.
  ///   - maximumSamples: the most samples taken, whatever `epsilon` asks.
  ///   - seed: fixes the pairs and the paths drawn.
  /// - Returns: the estimate of every node, with the samples taken and the error they give.
  /// - Precondition: `epsilon > 0`, `0 < delta < 1`, `maximumSamples >= 1`.
  /// - Complexity: O(n + m) for the bound, then per sample a bidirectional search, at worst
  ///   O(n + m) but on small-world graphs about the square root of that; O(n) memory per
  ///   chunk (four chunks).
  public func betweennessEstimate(
    epsilon: Double, delta: Double, maximumSamples: Int = 100_000, seed: UInt64
  ) -> BetweennessEstimate {
    precondition(epsilon > 0 && delta > 0 && delta < 1, "epsilon > 0 and 0 < delta < 1")
    precondition(maximumSamples >= 1, "at least one sample")
    let n = nodeCount
    let summary = componentSummary()
    let diameter = summary.vertexDiameterBound
    let logTerm = Double(Self.floorLog2(max(1, diameter - 2))) + 1 + log(1 / delta)
    let c = 0.5
    let wanted = (c / (epsilon * epsilon) * logTerm).rounded(.up)
    let samples = max(1, wanted >= Double(maximumSamples) ? maximumSamples : Int(wanted))
    let achieved = (c * logTerm / Double(samples)).squareRoot()
    let scale = n > 2 ? Double(n) / Double(n - 2) : 1
    guard n >= 3 else {
      return BetweennessEstimate(
        values: [Double](repeating: 0, count: n), samples: samples, epsilon: achieved * scale,
        delta: delta, seed: seed, vertexDiameterBound: diameter)
    }
    let counts = sampledPathCounts(samples: samples, seed: seed, component: summary.labels)
    let values = counts.map { Double($0) / Double(samples) * scale }
    return BetweennessEstimate(
      values: values, samples: samples, epsilon: achieved * scale, delta: delta, seed: seed,
      vertexDiameterBound: diameter)
  }

  /// For each node, the number of sampled shortest paths it lies inside.
  /// - Complexity: O(samples · (n + m)) at worst; O(chunks · n) memory.
  package func sampledPathCounts(samples: Int, seed: UInt64, component: [Int32]) -> [Int] {
    let n = nodeCount
    let (offsets, targets, anchor) = Self.withoutPendants(unifiedAdjacency())
    let chunkCount = 4
    let partials = UnsafeMutableBufferPointer<Int32>.allocate(capacity: chunkCount * n)
    partials.initialize(repeating: 0)
    defer { partials.deallocate() }
    let shared = DisjointCounts(buffer: partials)
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
      let lower = samples * chunk / chunkCount
      let upper = samples * (chunk + 1) / chunkCount
      var rng = SeededGenerator(seed: seed ^ (0x9E37_79B9_7F4A_7C15 &* UInt64(chunk + 1)))
      // Each chunk counts into its own n-slot slice of the shared buffer.
      let out = UnsafeMutableBufferPointer(rebasing: shared.buffer[(chunk * n)..<(chunk * n + n)])
      let search = PathSampler(nodeCount: n)
      offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tgt in
          for _ in lower..<upper {
            let u = Int.random(in: 0..<n, using: &rng)
            var v = Int.random(in: 0..<(n - 1), using: &rng)
            if v >= u { v += 1 }
            guard component[u] == component[v] else { continue }
            // A pendant end's shortest paths are those of its one neighbour (its anchor) with
            // the end added, so the search runs between the anchors, without pendant nodes.
            let (a, b) = (Int(anchor[u]), Int(anchor[v]))
            if a == v || b == u { continue }  // one end hangs on the other: nothing inside
            if a == b {  // both hang on one node: the path is u, a, v
              out[a] += 1
              continue
            }
            if a != u { out[a] += 1 }
            if b != v { out[b] += 1 }
            search.sample(from: a, to: b, offsets: off, targets: tgt, rng: &rng, into: out)
          }
        }
      }
      search.deallocate()
    }
    var result = [Int](repeating: 0, count: n)
    for chunk in 0..<chunkCount {
      for v in 0..<n { result[v] += Int(partials[chunk * n + v]) }
    }
    return result
  }

  /// For each node, how many of `samples` shortest paths drawn between `u` and `v` (distinct
  /// nodes of one component, neither pendant) it lies inside: the sampler's single step, for
  /// tests of the paths' distribution.
  /// - Complexity: O(samples · (n + m)).
  package func sampledPathCounts(from u: Int, to v: Int, samples: Int, seed: UInt64) -> [Int] {
    let n = nodeCount
    let (offsets, targets, _) = Self.withoutPendants(unifiedAdjacency())
    var rng = SeededGenerator(seed: seed)
    let counts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
    counts.initialize(repeating: 0)
    defer { counts.deallocate() }
    let search = PathSampler(nodeCount: n)
    defer { search.deallocate() }
    offsets.withUnsafeBufferPointer { off in
      targets.withUnsafeBufferPointer { tgt in
        for _ in 0..<samples {
          search.sample(from: u, to: v, offsets: off, targets: tgt, rng: &rng, into: counts)
        }
      }
    }
    return counts.map(Int.init)
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

/// A buffer handed to worker threads that write disjoint slices of it.
private struct DisjointCounts: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Int32>
}

/// The per-chunk buffers of the path sampler, reset only where a search touched them.
private struct PathSampler {
  /// Distance from the source side (`forward`) and the target side (`backward`), -1 if unseen.
  let forward: UnsafeMutableBufferPointer<Int32>
  let backward: UnsafeMutableBufferPointer<Int32>
  /// Shortest-path counts from each side.
  let sigmaForward: UnsafeMutableBufferPointer<Double>
  let sigmaBackward: UnsafeMutableBufferPointer<Double>
  /// Every node either search labelled, in order, for the reset.
  let touched: UnsafeMutableBufferPointer<Int32>
  /// The two frontiers and the next level of the side being expanded.
  let frontier: UnsafeMutableBufferPointer<Int32>

  /// Counts above 2^256 are scaled by 2^-256, so a product of two stays far below overflow.
  static let rescaleAbove = 0x1p256
  static let rescaleFactor = 0x1p-256

  init(nodeCount n: Int) {
    forward = .allocate(capacity: n)
    forward.initialize(repeating: -1)
    backward = .allocate(capacity: n)
    backward.initialize(repeating: -1)
    sigmaForward = .allocate(capacity: n)
    sigmaForward.initialize(repeating: 0)
    sigmaBackward = .allocate(capacity: n)
    sigmaBackward.initialize(repeating: 0)
    touched = .allocate(capacity: 2 * n)
    frontier = .allocate(capacity: 3 * n)
  }

  func deallocate() {
    forward.deallocate()
    backward.deallocate()
    sigmaForward.deallocate()
    sigmaBackward.deallocate()
    touched.deallocate()
    frontier.deallocate()
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
    let n = forward.count
    var touchedCount = 0
    forward[u] = 0
    sigmaForward[u] = 1
    backward[v] = 0
    sigmaBackward[v] = 1
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
      let (mine, mySigma, theirs) =
        expandForward
        ? (forward, sigmaForward, backward) : (backward, sigmaBackward, forward)
      let range = expandForward ? forwardRange : backwardRange
      var next = 2 * n
      var met = false
      for i in range {
        let x = Int(frontier[i])
        let level = mine[x] + 1
        let sigmaX = mySigma[x]
        for e in Int(offsets[x])..<Int(offsets[x + 1]) {
          let y = Int(targets[e])
          if mine[y] < 0 {
            mine[y] = level
            mySigma[y] = sigmaX
            if theirs[y] >= 0 { met = true }
            frontier[next] = Int32(truncatingIfNeeded: y)
            next += 1
            if theirs[y] < 0 {
              touched[touchedCount] = Int32(truncatingIfNeeded: y)
              touchedCount += 1
            }
          } else if mine[y] == level {
            mySigma[y] += sigmaX
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
      for i in (2 * n)..<next { largest = max(largest, mySigma[Int(frontier[i])]) }
      if largest > Self.rescaleAbove {
        for i in (2 * n)..<next { mySigma[Int(frontier[i])] *= Self.rescaleFactor }
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
        if forward[y] >= 0 && backward[y] >= 0 { total += sigmaForward[y] * sigmaBackward[y] }
      }
      var pick = Double.random(in: 0..<1, using: &rng) * total
      var middle = -1
      for i in meetingStart..<meetingEnd {
        let y = Int(frontier[i])
        guard forward[y] >= 0 && backward[y] >= 0 else { continue }
        middle = y
        pick -= sigmaForward[y] * sigmaBackward[y]
        if pick < 0 { break }
      }
      if middle >= 0 {
        if middle != u && middle != v { counts[middle] += 1 }
        walk(
          from: middle, toward: u, distance: forward, sigma: sigmaForward, offsets, targets, &rng,
          counts)
        walk(
          from: middle, toward: v, distance: backward, sigma: sigmaBackward, offsets, targets, &rng,
          counts)
      }
    }
    for i in 0..<touchedCount {
      let x = Int(touched[i])
      forward[x] = -1
      backward[x] = -1
      sigmaForward[x] = 0
      sigmaBackward[x] = 0
    }
  }

  /// Walks from `start` back to the side's source, choosing each predecessor in proportion to
  /// its path count (so the path is uniform among shortest ones), counting the inner nodes.
  private func walk(
    from start: Int, toward source: Int, distance: UnsafeMutableBufferPointer<Int32>,
    sigma: UnsafeMutableBufferPointer<Double>, _ offsets: UnsafeBufferPointer<Int32>,
    _ targets: UnsafeBufferPointer<Int32>, _ rng: inout SeededGenerator,
    _ counts: UnsafeMutableBufferPointer<Int32>
  ) {
    var x = start
    while distance[x] > 1 {
      let level = distance[x] - 1
      // The predecessors' own total, not sigma[x]: their level may be scaled differently.
      var total = 0.0
      for e in Int(offsets[x])..<Int(offsets[x + 1]) {
        let w = Int(targets[e])
        if distance[w] == level { total += sigma[w] }
      }
      var pick = Double.random(in: 0..<1, using: &rng) * total
      var chosen = -1
      for e in Int(offsets[x])..<Int(offsets[x + 1]) {
        let w = Int(targets[e])
        guard distance[w] == level else { continue }
        chosen = w
        pick -= sigma[w]
        if pick < 0 { break }
      }
      guard chosen >= 0 else { return }
      counts[chosen] += 1
      x = chosen
    }
  }
}
