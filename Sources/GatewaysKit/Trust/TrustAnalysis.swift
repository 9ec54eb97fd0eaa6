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
    // Many small schools: a piece of consecutive schools per task, so the cores stay busy
    // without a task per school.
    let pieces = min(schools.count, Parallel.width * 8)
    let (analyses, network) = Parallel.both(
      {
        Parallel.map(pieces) { piece in
          let range = (schools.count * piece / pieces)..<(schools.count * (piece + 1) / pieces)
          return schools[range].map { analyser.analyse($0.roster) }
        }.flatMap { $0 }
      },
      { TrustNetwork(trust, listLimit: analyser.listLimit, target: analyser.target) })
    return TrustAnalysis(
      schools: zip(schools, analyses).map {
        TrustAnalysis.SchoolEntry(name: $0.name, analysis: $1)
      },
      network: network, listLimit: listLimit)
  }
}
