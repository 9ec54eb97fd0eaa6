/// The E-I index of one group (Krackhardt and Stern 1988, "Informal networks and
/// organizational crises"): how much its members' ties reach outside the group rather than
/// stay inside it.
///
/// Ties are those of the person projection: two people are tied when they share a group.
/// `I` counts the pairs of members inside the group; `E` counts the distinct pairs (member `p`,
/// outsider `q`) where `p` and `q` share some other group. The index `(E - I) / (E + I)` runs
/// from -1 (a silo: no ties out) to +1 (all ties point out).
///
/// ```swift
/// let ei = graph.eiIndices()[GroupIndex(0).position]
/// ei.value   // e.g. Optional(-0.6)
/// ```
public struct EIIndex: Sendable, Hashable {
  /// `I`: the pairs of members inside the group, `m(m - 1)/2` for `m` members.
  public let internalPairs: Int
  /// `E`: the distinct pairs (member, non-member) tied through some other group.
  public let externalPairs: Int

  /// Creates an index from its two counts.
  ///
  /// ```swift
  /// EIIndex(internalPairs: 3, externalPairs: 1).value   // -0.5
  /// ```
  ///
  /// - Complexity: O(1).
  public init(internalPairs: Int, externalPairs: Int) {
    self.internalPairs = internalPairs
    self.externalPairs = externalPairs
  }

  /// `(E - I) / (E + I)`, or `nil` when the group has no ties at all (`E + I == 0`).
  /// - Complexity: O(1).
  public var value: Double? {
    let total = externalPairs + internalPairs
    if total == 0 { return nil }
    return Double(externalPairs - internalPairs) / Double(total)
  }
}

extension BipartiteGraph {
  /// The E-I index of every group (Krackhardt and Stern 1988), by group position.
  ///
  /// Every member of a group is tied to the other `m - 1` members, so a member `p` with `d(p)`
  /// distinct co-members overall has `d(p) - (m - 1)` co-members outside the group, and
  /// `E = Σ_{p in g} (d(p) - (m - 1))`. The person projection degrees `d` are computed once by
  /// ``personProjectionDegrees()``.
  ///
  /// ```swift
  /// for (g, ei) in graph.eiIndices().enumerated() where ei.value == -1 {
  ///   print("group \(g) has no ties out")
  /// }
  /// ```
  ///
  /// - Complexity: O(P + G + Σ_g |g|²) time, O(P + G) memory.
  public func eiIndices() -> [EIIndex] { eiIndices(degrees: personProjectionDegrees()) }

  /// The E-I index of every group, using the group projection already computed (people on two
  /// groups then cost a lookup of the shared count instead of a walk of both groups).
  ///
  /// ```swift
  /// let projection = graph.groupProjection()
  /// graph.eiIndices(projection: projection) == graph.eiIndices()   // true
  /// ```
  ///
  /// - Precondition: `projection` is this graph's ``groupProjection()``.
  /// - Complexity: as `eiIndices()`, less the walks of the people on exactly two groups.
  public func eiIndices(projection: GroupProjection) -> [EIIndex] {
    eiIndices(degrees: personProjectionDegrees(projection: projection))
  }

  private func eiIndices(degrees: [Int]) -> [EIIndex] {
    var result: [EIIndex] = []
    result.reserveCapacity(groupCount)
    for g in 0..<groupCount {
      let m = Int(groupOffsets[g + 1] - groupOffsets[g])
      var external = 0
      for e in Int(groupOffsets[g])..<Int(groupOffsets[g + 1]) {
        external += degrees[Int(groupTargets[e])] - (m - 1)
      }
      result.append(EIIndex(internalPairs: m * (m - 1) / 2, externalPairs: external))
    }
    return result
  }

  /// The degree of every person in the person projection: the number of distinct other people
  /// who share at least one group with them, by person position.
  ///
  /// ```swift
  /// graph.personProjectionDegrees()[PersonIndex(0).position]   // co-members of p0
  /// ```
  ///
  /// - Complexity: O(P + Σ_s Σ_{g ∈ s} |g|) time, where s ranges over the distinct sets of
  ///   groups people belong to (at most O(P + Σ_g |g|²)); O(P + E) memory. People with the same
  ///   groups have the same co-members, so each distinct set is walked once (with a marker
  ///   array; the projection itself is never stored), and a person on one group has its size
  ///   less one, unwalked: a group of 10^5 members costs O(10^5), not O(10^10).
  public func personProjectionDegrees() -> [Int] { personProjectionDegrees(projection: nil) }

  /// The person projection degrees, as ``personProjectionDegrees()``; with the group
  /// `projection`, a person on exactly two groups `a` and `b` has `|a| + |b| - shared(a, b) - 1`
  /// co-members, found without walking the groups.
  ///
  /// ```swift
  /// graph.personProjectionDegrees(projection: graph.groupProjection())
  /// ```
  ///
  /// - Precondition: `projection`, when given, is this graph's ``groupProjection()``.
  /// - Complexity: as `personProjectionDegrees()`, less the walks of the people on exactly two groups.
  public func personProjectionDegrees(projection: GroupProjection?) -> [Int] {
    var degrees = [Int](repeating: 0, count: personCount)
    var seenBy = [Int32](repeating: -1, count: personCount)
    var bySignature = SignatureTable(targets: personTargets)
    for p in 0..<personCount {
      let first = Int(personOffsets[p])
      let end = Int(personOffsets[p + 1])
      if end - first == 0 { continue }
      if end - first == 1 {
        let g = Int(personTargets[first])
        degrees[p] = Int(groupOffsets[g + 1] - groupOffsets[g]) - 1
        continue
      }
      if end - first == 2, let projection {
        let a = GroupIndex(raw: personTargets[first])
        let b = GroupIndex(raw: personTargets[first + 1])
        if let link = projection.linkIndex(between: a, and: b) {
          let sizeA = Int(groupOffsets[a.position + 1] - groupOffsets[a.position])
          let sizeB = Int(groupOffsets[b.position + 1] - groupOffsets[b.position])
          degrees[p] = sizeA + sizeB - projection.sharedCount(ofLinkAt: link) - 1
          continue
        }
      }
      let signature = first..<end
      let hash = bySignature.hash(signature)
      if let known = bySignature.value(of: signature, hash: hash) {
        degrees[p] = known
        continue
      }
      let p32 = Int32(truncatingIfNeeded: p)
      seenBy[p] = p32
      var count = 0
      for f in first..<end {
        let g = Int(personTargets[f])
        for e in Int(groupOffsets[g])..<Int(groupOffsets[g + 1]) {
          let q = Int(groupTargets[e])
          if seenBy[q] != p32 {
            seenBy[q] = p32
            count += 1
          }
        }
      }
      degrees[p] = count
      bySignature.insert(signature, hash: hash, value: count)
    }
    return degrees
  }
}

/// A hash table from slices of one `[Int32]` (a person's groups, by range of `personTargets`)
/// to a value: an `OpenAddressingTable` with a cheap multiplicative hash, far cheaper than a
/// `Dictionary` keyed by `ArraySlice`, which hashes with SipHash.
private struct SignatureTable {
  let targets: [Int32]
  private var table = OpenAddressingTable(expectedCount: 0)
  private var ranges: [Range<Int>] = []
  private var values: [Int] = []

  init(targets: [Int32]) { self.targets = targets }

  func hash(_ range: Range<Int>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(range.count)
    for index in range {
      hash = (hash ^ UInt64(UInt32(bitPattern: targets[index]))) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 29
    }
    return hash
  }

  func value(of range: Range<Int>, hash: UInt64) -> Int? {
    let slot = table.slot(hash: hash) { slot in
      table.hash(ofSlot: slot) == hash && targets[ranges[slot]].elementsEqual(targets[range])
    }
    return slot.map { values[$0] }
  }

  /// Adds a signature that is not in the table.
  mutating func insert(_ range: Range<Int>, hash: UInt64, value: Int) {
    ranges.append(range)
    values.append(value)
    table.insert(hash: hash)
  }
}
