import Dispatch

extension BipartiteGraph {
  /// The betweenness centrality of every node, people and groups alike, by the algorithm of
  /// Brandes (2001, "A faster algorithm for betweenness centrality"), unweighted.
  ///
  /// The betweenness of `v` is the sum, over unordered pairs `{s, t}` of other nodes, of the
  /// fraction of shortest `s`–`t` paths that pass through `v`. With `normalized` the values are
  /// divided by `(n - 1)(n - 2) / 2`, the number of such pairs, exactly as
  /// `networkx.betweenness_centrality(G, normalized=True)` does; graphs of two nodes or fewer
  /// are all zeros.
  ///
  /// ```swift
  /// let scores = graph.betweennessCentrality()
  /// scores[graph.unifiedIndex(of: .group(GroupIndex(0)))]
  /// ```
  ///
  /// - Returns: one value per node, by unified index (people `0..<P`, then groups).
  /// - Complexity: O(n·m) time for n nodes and m memberships, O(n) memory per worker thread.
  ///   Sources are split into a fixed number of chunks run in parallel and summed in a fixed
  ///   order, so the result does not depend on the machine.
  public func betweennessCentrality(normalized: Bool = true) -> [Double] {
    let n = nodeCount
    var values = betweennessSums(sources: (0..<n).map { Int32(truncatingIfNeeded: $0) })
    if n < 3 { return values }
    let scale = normalized ? 1 / (Double(n - 1) * Double(n - 2)) : 0.5
    for i in values.indices { values[i] *= scale }
    return values
  }

  /// An estimate of betweenness centrality from `k` pivot sources (Brandes and Pich 2007,
  /// "Centrality estimation in large networks"), rescaled the way NetworkX 3.6 does.
  ///
  /// The pivots are `k` distinct nodes drawn with ``SeededGenerator`` seeded by `seed`, so the
  /// same seed gives the same result. Only shortest paths from the pivots are counted, then
  /// rescaled to estimate the full value: with `normalized`, a pivot's own sum is divided by
  /// `(k - 1)(n - 2)` and any other node's by `k(n - 2)`; otherwise by `2(k - 1)/(n - 1)` and
  /// `2k/(n - 1)`. (NetworkX 3.6 gives NaN to the pivot when `k == 1`; this returns 0.) When
  /// `k >= n` every node is a source and the result equals ``betweennessCentrality(normalized:)``.
  ///
  /// ```swift
  /// let estimate = graph.betweennessCentrality(pivots: 64, seed: 7)
  /// ```
  ///
  /// - Precondition: `k >= 1`.
  /// - Complexity: O(k·m + n) time for m memberships, O(n) memory per worker thread.
  public func betweennessCentrality(pivots k: Int, seed: UInt64, normalized: Bool = true)
    -> [Double]
  {
    precondition(k >= 1, "betweenness needs at least one pivot")
    let n = nodeCount
    if k >= n { return betweennessCentrality(normalized: normalized) }
    let pivots = betweennessPivots(count: k, seed: seed)
    var values = betweennessSums(sources: pivots)
    if n < 3 { return values }
    let pairs = Double(n - 2)
    let scaleSource: Double
    let scaleOther: Double
    if normalized {
      scaleSource = k > 1 ? 1 / (Double(k - 1) * pairs) : 0
      scaleOther = 1 / (Double(k) * pairs)
    } else {
      scaleSource = k > 1 ? Double(n - 1) / (Double(k - 1) * 2) : 0
      scaleOther = Double(n - 1) / (Double(k) * 2)
    }
    var isPivot = [Bool](repeating: false, count: n)
    for s in pivots { isPivot[Int(s)] = true }
    for i in values.indices { values[i] *= isPivot[i] ? scaleSource : scaleOther }
    return values
  }

  /// The `count` distinct pivot sources chosen for a seed, by a partial Fisher–Yates shuffle.
  /// - Complexity: O(n).
  package func betweennessPivots(count: Int, seed: UInt64) -> [Int32] {
    var rng = SeededGenerator(seed: seed)
    var nodes = (0..<nodeCount).map { Int32(truncatingIfNeeded: $0) }
    let k = min(count, nodeCount)
    for i in 0..<k {
      let j = Int.random(in: i..<nodeCount, using: &rng)
      nodes.swapAt(i, j)
    }
    return Array(nodes[0..<k])
  }

  /// The raw Brandes sums over ordered pairs `(s, t)` for the given sources, unscaled.
  ///
  /// Sources are split into a number of chunks that depends only on their count; chunks run
  /// concurrently with their own buffers and are summed in chunk order, so results are
  /// deterministic.
  /// - Complexity: O(|sources|·(n + m)) time, O(chunks·n) memory.
  package func betweennessSums(sources: [Int32]) -> [Double] {
    let n = nodeCount
    if n == 0 || sources.isEmpty { return [Double](repeating: 0, count: n) }
    let (offsets, targets) = unifiedAdjacency()
    let chunkCount = max(1, min(4, sources.count / 16))
    let partials = UnsafeMutableBufferPointer<Double>.allocate(capacity: chunkCount * n)
    partials.initialize(repeating: 0)
    defer { partials.deallocate() }
    let shared = DisjointOutput(buffer: partials)
    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
      let lower = sources.count * chunk / chunkCount
      let upper = sources.count * (chunk + 1) / chunkCount
      // Each chunk writes only its own n-slot slice of the shared buffer.
      let out = UnsafeMutableBufferPointer(rebasing: shared.buffer[(chunk * n)..<(chunk * n + n)])
      let scratch = BrandesScratch(nodeCount: n)
      offsets.withUnsafeBufferPointer { off in
        targets.withUnsafeBufferPointer { tgt in
          for i in lower..<upper {
            scratch.accumulate(from: Int(sources[i]), offsets: off, targets: tgt, into: out)
          }
        }
      }
      scratch.deallocate()
    }
    var result = Array(partials[0..<n])
    for chunk in 1..<chunkCount {
      for v in 0..<n { result[v] += partials[chunk * n + v] }
    }
    return result
  }
}

/// A buffer handed to worker threads that write disjoint slices of it.
private struct DisjointOutput: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<Double>
}

/// The per-thread buffers of one Brandes worker, reused from source to source and reset only
/// where a search touched them.
private struct BrandesScratch {
  let distance: UnsafeMutableBufferPointer<Int32>
  let sigma: UnsafeMutableBufferPointer<Double>
  /// After a node is finished: `(1 + delta) / sigma`, the share it passes to predecessors.
  let share: UnsafeMutableBufferPointer<Double>
  let queue: UnsafeMutableBufferPointer<Int32>

  init(nodeCount n: Int) {
    distance = .allocate(capacity: n)
    distance.initialize(repeating: -1)
    sigma = .allocate(capacity: n)
    sigma.initialize(repeating: 0)
    share = .allocate(capacity: n)
    share.initialize(repeating: 0)
    queue = .allocate(capacity: n)
    queue.initialize(repeating: 0)
  }

  func deallocate() {
    distance.deallocate()
    sigma.deallocate()
    share.deallocate()
    queue.deallocate()
  }

  /// One source of Brandes' algorithm: a breadth-first search counting shortest paths, then
  /// dependencies accumulated in reverse order of distance. Successors are found again by
  /// distance, so no predecessor lists are stored.
  func accumulate(
    from s: Int, offsets: UnsafeBufferPointer<Int32>, targets: UnsafeBufferPointer<Int32>,
    into betweenness: UnsafeMutableBufferPointer<Double>
  ) {
    distance[s] = 0
    sigma[s] = 1
    queue[0] = Int32(truncatingIfNeeded: s)
    var head = 0
    var tail = 1
    while head < tail {
      let v = Int(queue[head])
      head += 1
      let next = distance[v] + 1
      let sigmaV = sigma[v]
      for e in Int(offsets[v])..<Int(offsets[v + 1]) {
        let w = Int(targets[e])
        if distance[w] < 0 {
          distance[w] = next
          queue[tail] = Int32(truncatingIfNeeded: w)
          tail += 1
        }
        if distance[w] == next { sigma[w] += sigmaV }
      }
    }
    var i = tail - 1
    while i >= 0 {
      let v = Int(queue[i])
      let next = distance[v] + 1
      var sum = 0.0
      for e in Int(offsets[v])..<Int(offsets[v + 1]) {
        let w = Int(targets[e])
        if distance[w] == next { sum += share[w] }
      }
      let delta = sigma[v] * sum
      if v != s { betweenness[v] += delta }
      share[v] = (1 + delta) / sigma[v]
      i -= 1
    }
    for j in 0..<tail {
      let v = Int(queue[j])
      distance[v] = -1
      sigma[v] = 0
      share[v] = 0
    }
  }
}
