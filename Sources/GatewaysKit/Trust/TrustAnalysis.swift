import MembershipGraph

/// Everything `gateways analyse` finds in a trust: each school's own analysis, and the
/// network that joins the schools.
///
/// Each school's entry is exactly the ``SchoolAnalysis`` of that school's rows alone (its
/// memberships of other schools' teams and of trust-wide teams count as no team there; they
/// are in ``network``). Produce one with ``Analyser/analyse(_:)-(TrustRoster)``.
public struct TrustAnalysis: Sendable {
  /// One school's name and analysis.
  public struct SchoolEntry: Sendable {
    /// The school's name.
    public let name: String
    /// The analysis of the school's own rows.
    public let analysis: SchoolAnalysis
  }

  /// The schools, by name in byte order.
  public let schools: [SchoolEntry]
  /// What joins the schools.
  public let network: TrustNetwork
  /// The list limit used (see ``Analyser/listLimit``).
  public let listLimit: Int?

  /// The positions in ``schools`` of the schools, those that need most attention first: most
  /// teams cut off (silos and islands together), then most key people, then most staff on no
  /// team, then the lowest complementarity (a school with none last), then by name.
  /// - Complexity: O(n log n) in the schools.
  public var attentionOrder: [Int] {
    schools.indices.sorted { a, b in
      let (x, y) = (schools[a].analysis, schools[b].analysis)
      let cutX = x.summary.silos + x.summary.islands
      let cutY = y.summary.silos + y.summary.islands
      if cutX != cutY { return cutX > cutY }
      if x.summary.keyPeople != y.summary.keyPeople {
        return x.summary.keyPeople > y.summary.keyPeople
      }
      if x.uninvolved.count != y.uninvolved.count { return x.uninvolved.count > y.uninvolved.count }
      let (cx, cy) = (x.deeps.complementarity ?? 2, y.deeps.complementarity ?? 2)
      if cx != cy { return cx < cy }
      return a < b
    }
  }
}

extension Analyser {
  /// Analyses a trust: every school on its own, on the cores, and the network.
  ///
  /// ```swift
  /// let analysis = Analyser().analyse(trust)
  /// analysis.schools.count == trust.schools.count   // true
  /// ```
  ///
  /// - Complexity: the sum of the schools' analyses, spread over the cores, plus the network's
  ///   (``TrustNetwork/init(_:listLimit:target:)``).
  public func analyse(_ trust: TrustRoster) -> TrustAnalysis {
    let schools = trust.schools
    let analyser = self
    // One flat parallel loop: the network is task 0 (the longest, so it is claimed first) and
    // each other task a piece of consecutive schools, so the cores stay busy without a task
    // per school. The loop is not nested in another: libdispatch runs an inner
    // `concurrentPerform` on the threads its outer loop leaves free, so the schools' loop
    // inside a `Parallel.both` with the network ran on one core once the network was done.
    let pieces = min(schools.count, Parallel.width * 16)
    let tasks = Parallel.map(pieces + 1) { task -> TrustTask in
      if task == 0 {
        return .network(
          TrustNetwork(trust, listLimit: analyser.listLimit, target: analyser.target))
      }
      let piece = task - 1
      let range = (schools.count * piece / pieces)..<(schools.count * (piece + 1) / pieces)
      return .schools(range.map { analyser.analyse(schools[$0].roster) })
    }
    var analyses: [SchoolAnalysis] = []
    analyses.reserveCapacity(schools.count)
    var found: TrustNetwork?
    for task in tasks {
      switch task {
      case .network(let network): found = network
      case .schools(let some): analyses += some
      }
    }
    guard let network = found else { preconditionFailure("the network's task did not run") }
    return TrustAnalysis(
      schools: zip(schools, analyses).map {
        TrustAnalysis.SchoolEntry(name: $0.name, analysis: $1)
      },
      network: network, listLimit: listLimit)
  }
}

extension Analyser {
  /// Analyses a trust as ``analyse(_:)-(TrustRoster)`` does while writing its JSON document,
  /// ``TrustAnalysis/json()``, in pieces to `consume`: the network is made on a core of its
  /// own from the start (its value's bytes too), and each run of schools is written as soon as
  /// it is analysed, so no core waits for the last analysis before the writing begins.
  ///
  /// ```swift
  /// var bytes: [UInt8] = []
  /// let analysis = Analyser().analyse(trust) { bytes.append(contentsOf: $0) }
  /// String(decoding: bytes, as: UTF8.self) == analysis.json()   // true
  /// ```
  ///
  /// - Complexity: that of ``analyse(_:)-(TrustRoster)`` and of ``TrustAnalysis/json()``,
  ///   spread over the cores.
  package func analyse(
    _ trust: TrustRoster, writingJSON consume: (UnsafeRawBufferPointer) throws -> Void
  ) rethrows -> TrustAnalysis {
    let schools = trust.schools
    let analyser = self
    let network = Parallel.start { () -> (TrustNetwork, [UInt8]) in
      let network = TrustNetwork(trust, listLimit: analyser.listLimit, target: analyser.target)
      var bytes: [UInt8] = []
      network.jsonValue().write(to: &bytes, indent: 2)
      return (network, bytes)
    }
    try TrustAnalysis.head(listLimit: listLimit, empty: schools.isEmpty).withUnsafeBytes(consume)
    var entries: [TrustAnalysis.SchoolEntry] = []
    entries.reserveCapacity(schools.count)
    try TrustAnalysis.streamEntries(
      schools.count,
      entries: { range in
        range.map {
          TrustAnalysis.SchoolEntry(
            name: schools[$0].name, analysis: analyser.analyse(schools[$0].roster))
        }
      },
      consume: { made, bytes in
        try consume(bytes)
        entries += made
      })
    let (found, bytes) = network.result()
    try TrustAnalysis.tail(empty: schools.isEmpty, network: bytes).withUnsafeBytes(consume)
    return TrustAnalysis(schools: entries, network: found, listLimit: listLimit)
  }
}

/// What one task of ``Analyser/analyse(_:)-(TrustRoster)`` made.
private enum TrustTask: Sendable {
  case network(TrustNetwork)
  case schools([SchoolAnalysis])
}
