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
  /// The binary exponent of each node's `sigma` on the wide path (`sigma · 2^exponent` is the
  /// path count), unused on the fast path.
  let exponent: UnsafeMutableBufferPointer<Int32>
  /// What a node passes on in the search: its path count (at 0) or nothing (at 1).
  let pick: UnsafeMutableBufferPointer<Double>

  /// A finished path count above this sends the source to the wide path: counts double with
  /// every square of a long ladder and pass Double's range (2^1024) past about a thousand.
  static let wideAbove = 0x1p900
  /// On the wide path a count is scaled by 2^-256 (its exponent raised by 256) when it passes
  /// 2^256, so a sum of a node's predecessors stays far below overflow.
  static let rescaleAbove = 0x1p256
  static let rescaleStep: Int32 = 256
  /// The distance of a node not reached yet: negative, and never one less than a distance.
  static let unreached = Int32.min

  init(nodeCount n: Int) {
    distance = .allocate(capacity: n)
    distance.initialize(repeating: Self.unreached)
    sigma = .allocate(capacity: n)
    sigma.initialize(repeating: 0)
    share = .allocate(capacity: n)
    share.initialize(repeating: 0)
    // One slot more than the nodes: the search writes the slot after the last node found.
    queue = .allocate(capacity: n + 1)
    queue.initialize(repeating: 0)
    exponent = .allocate(capacity: n)
    exponent.initialize(repeating: 0)
    pick = .allocate(capacity: 2)
    pick.initialize(repeating: 0)
  }

  func deallocate() {
    distance.deallocate()
    sigma.deallocate()
    share.deallocate()
    queue.deallocate()
    exponent.deallocate()
    pick.deallocate()
  }

  /// One source of Brandes' algorithm: a breadth-first search counting shortest paths, then
  /// dependencies accumulated in reverse order of distance. Successors are found again by
  /// distance, so no predecessor lists are stored.
  ///
  /// Path counts are Doubles. When a finished count passes 2^900 (a ladder of about 900
  /// squares or more), the search is abandoned, reset and made again by ``accumulateWide``,
  /// which keeps a binary exponent beside each count, so no count overflows on any graph.
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
      let level = distance[v]
      let next = level &+ 1
      let sigmaV = sigma[v]
      if sigmaV > Self.wideAbove {
        reset(count: tail)
        accumulateWide(from: s, offsets: offsets, targets: targets, into: betweenness)
        return
      }
      // Without branches (whether a neighbour is new, or one step further, is a coin toss a
      // branch predictor loses). The graph is bipartite, so a neighbour is new, one step
      // further, or one step nearer (a predecessor, at `level - 1`): every neighbour but a
      // predecessor gets `sigmaV`, a predecessor 0, which leaves its count exactly as it was
      // (an unreached node's distance is never `level - 1`, even at the source's level 0).
      // The two are picked from memory by index, which the compiler keeps free of branches.
      // The queue's next slot is written every time and kept only for a new node.
      pick[0] = sigmaV
      let nearer = level &- 1
      for e in Int(offsets[v])..<Int(offsets[v + 1]) {
        let w = Int(targets[e])
        let seen = distance[w]
        distance[w] = seen < 0 ? next : seen
        queue[tail] = Int32(truncatingIfNeeded: w)
        tail &+= Int(UInt32(bitPattern: seen) >> 31)
        sigma[w] += pick[seen == nearer ? 1 : 0]
      }
    }
    var i = tail - 1
    while i >= 0 {
      let v = Int(queue[i])
      // The graph is bipartite, so a neighbour is one step further (finished, its share set)
      // or one step nearer (not reached yet going back, its share still 0): summing every
      // neighbour's share adds exactly the successors' shares, in the same order, and zeros.
      var sum = 0.0
      for e in Int(offsets[v])..<Int(offsets[v + 1]) {
        sum += share[Int(targets[e])]
      }
      let delta = sigma[v] * sum
      if v != s { betweenness[v] += delta }
      share[v] = (1 + delta) / sigma[v]
      i -= 1
    }
    reset(count: tail)
  }

  /// Brandes' algorithm for one source with each path count kept as `sigma · 2^exponent`.
  ///
  /// A node's exponent is the largest of its predecessors' (smaller terms are scaled down to
  /// it), raised by 256 when its finished count passes 2^256, so counts stay between 1 and
  /// about 2^287. The share a node passes back, `(1 + delta) / count`, is kept on the node's
  /// own scale (`share · 2^-exponent`), and a predecessor `v` of `w` scales it by
  /// `2^(exponent(v) - exponent(w))`, never above 1 since a node's exponent is at least each
  /// predecessor's; a term too small for a Double is a fraction of the paths below 2^-1000
  /// and adds nothing a Double could show.
  /// - Complexity: O(n + m), as the fast path, with a few more operations per entry.
  func accumulateWide(
    from s: Int, offsets: UnsafeBufferPointer<Int32>, targets: UnsafeBufferPointer<Int32>,
    into betweenness: UnsafeMutableBufferPointer<Double>
  ) {
    distance[s] = 0
    sigma[s] = 1
    exponent[s] = 0
    queue[0] = Int32(truncatingIfNeeded: s)
    var head = 0
    var tail = 1
    while head < tail {
      let v = Int(queue[head])
      head += 1
      // Every predecessor of v came before it, so its count is final: bring it into range.
      if sigma[v] > Self.rescaleAbove {
        sigma[v] *= 0x1p-256
        exponent[v] += Self.rescaleStep
      }
      let next = distance[v] + 1
      let sigmaV = sigma[v]
      let exponentV = exponent[v]
      for e in Int(offsets[v])..<Int(offsets[v + 1]) {
        let w = Int(targets[e])
        if distance[w] < 0 {
          distance[w] = next
          exponent[w] = exponentV
          queue[tail] = Int32(truncatingIfNeeded: w)
          tail += 1
        }
        guard distance[w] == next else { continue }
        let exponentW = exponent[w]
        if exponentW == exponentV {
          sigma[w] += sigmaV
        } else if exponentW > exponentV {
          sigma[w] += Double(sign: .plus, exponent: Int(exponentV - exponentW), significand: sigmaV)
        } else {
          sigma[w] =
            Double(sign: .plus, exponent: Int(exponentW - exponentV), significand: sigma[w])
            + sigmaV
          exponent[w] = exponentV
        }
      }
    }
    var i = tail - 1
    while i >= 0 {
      let v = Int(queue[i])
      let next = distance[v] + 1
      let exponentV = exponent[v]
      var sum = 0.0
      for e in Int(offsets[v])..<Int(offsets[v + 1]) {
        let w = Int(targets[e])
        guard distance[w] == next else { continue }
        let shift = Int(exponentV - exponent[w])
        sum += shift == 0 ? share[w] : Double(sign: .plus, exponent: shift, significand: share[w])
      }
      let delta = sigma[v] * sum
      if v != s { betweenness[v] += delta }
      share[v] = (1 + delta) / sigma[v]
      i -= 1
    }
    reset(count: tail)
    for j in 0..<tail { exponent[Int(queue[j])] = 0 }
  }

  /// Clears what a search labelled: the first `count` nodes of the queue.
  private func reset(count: Int) {
    for j in 0..<count {
      let v = Int(queue[j])
      distance[v] = Self.unreached
      sigma[v] = 0
      share[v] = 0
    }
  }
}
