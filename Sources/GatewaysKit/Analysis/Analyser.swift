import MembershipGraph

/// Computes a ``SchoolAnalysis`` from a roster.
///
/// ```swift
/// let analysis = Analyser().analyse(roster)
/// print(analysis.silos)              // ["curriculum-team"]
/// print(analysis.deeps.coverage)     // 1.0
/// ```
///
/// The definitions of every figure are in the README ("What the scores mean").
public struct Analyser: Sendable {
  /// The coupling the school aims for.
  public var target: CouplingTarget
  /// Betweenness is exact (Brandes 2001) while its work, nodes times adjacency entries summed
  /// over components (`BipartiteGraph.exactBetweennessWork`), is at most this (about a fifth of
  /// a second of one core); above, it is estimated from sampled shortest paths (Riondato and
  /// Kornaropoulos 2014, with KADABRA's adaptive stop), whose bidirectional searches cost
  /// about the square root of a whole search on these graphs.
  public var exactBetweennessWork: Int
  /// Betweenness is also exact while there are no more nodes than this and its work is at most
  /// ten times ``exactBetweennessWork``: on so small a graph each sampled search costs nearly
  /// a whole one, and a quarter of the most samples (2,500 of 10,000) is as many searches as
  /// exact betweenness makes.
  public var exactBetweennessNodes: Int
  /// The error wanted of a betweenness estimate (normalised betweenness, 0 to 1).
  public var betweennessEpsilon: Double
  /// The probability allowed for any estimate to miss by more than its stated error.
  public var betweennessDelta: Double
  /// The most shortest paths sampled, which fixes the work; the stated error follows (about
  /// 0.02 at the default 10,000 on large rosters, where ``betweennessEpsilon`` would need about
  /// 40,000 and several seconds).
  public var betweennessSamples: Int
  /// The seed for sampling, fixed so results repeat.
  public var betweennessSeed: UInt64
  /// How many brokers to report.
  public var brokerCount: Int
  /// The most items kept in each list that could grow faster than the roster, `nil` for no
  /// limit (``SchoolAnalysis/defaultListLimit`` by default): the team ids listed for each part
  /// a key person separates (the largest part is only counted), and the links listed for each
  /// team (those with the most shared people). Counts always cover everything.
  public var listLimit: Int?
  /// Whether each team's finding carries what only the JSON document and the exports read:
  /// its links with the people they share (``TeamFinding/links``) and its E-I index. The text
  /// report reads neither, so `gateways analyse` in text leaves them out; the link counts,
  /// silos, leader-only links and every other figure are the same either way.
  package var listsTeamDetail = true
  /// Whether each team's E-I index is measured (when ``listsTeamDetail`` is on too): the JSON
  /// document and the HTML report show it, the exports (GraphML, DOT, Mermaid, CSV) do not,
  /// so `gateways export` leaves it out and keeps the links.
  package var measuresEIIndices = true

  /// Creates an analyser with the documented defaults.
  ///
  /// ```swift
  /// let analyser = Analyser(target: .learningCommunity, brokerCount: 5, listLimit: nil)
  /// ```
  ///
  /// - Complexity: O(1).
  public init(
    target: CouplingTarget = .learningCommunity, exactBetweennessWork: Int = 20_000_000,
    betweennessEpsilon: Double = 0.01, betweennessDelta: Double = 0.1,
    betweennessSamples: Int = 10_000, betweennessSeed: UInt64 = 2007, brokerCount: Int = 10,
    listLimit: Int? = SchoolAnalysis.defaultListLimit, exactBetweennessNodes: Int = 2_500
  ) {
    precondition((listLimit ?? 0) >= 0, "negative list limit")
    self.target = target
    self.exactBetweennessWork = exactBetweennessWork
    self.exactBetweennessNodes = exactBetweennessNodes
    self.betweennessEpsilon = betweennessEpsilon
    self.betweennessDelta = betweennessDelta
    self.betweennessSamples = max(1, betweennessSamples)
    self.betweennessSeed = betweennessSeed
    self.brokerCount = brokerCount
    self.listLimit = listLimit
  }

  /// Analyses a roster.
  ///
  /// ```swift
  /// let analysis = Analyser().analyse(roster)
  /// analysis.silos   // ids of the teams that share no one
  /// ```
  ///
  /// - Complexity: linear in staff, teams and memberships for everything but the teams' links
  ///   and E-I (time proportional to the sum of squared team counts per person; the links are
  ///   counted team by team, never all stored), betweenness (exact while its work is at most
  ///   ``exactBetweennessWork``, else at most ``betweennessSamples`` sampled shortest paths,
  ///   each a bidirectional search) and the key people's parts (O(M log T)); the analysis itself
  ///   holds O(S + T + M) items for a fixed ``listLimit``.
  public func analyse(_ roster: Roster) -> SchoolAnalysis {
    analyse(RosterGraph(roster))
  }

  /// Analyses a roster already turned into a graph.
  ///
  /// ```swift
  /// let network = RosterGraph(roster)
  /// let analysis = Analyser().analyse(network)
  /// ```
  ///
  /// - Complexity: as `analyse(_:)` of the roster, less the building of the graph.
  public func analyse(_ network: RosterGraph) -> SchoolAnalysis {
    let roster = network.roster
    let graph = network.graph
    // Betweenness, the costliest walk and independent of all the rest, starts at once on
    // another core (its own samples then spread over every core) and is collected last; a
    // small roster (a trust's school, say) does all of it on this thread (`worthSharing`).
    let analyser = self
    let listsTeamDetail = self.listsTeamDetail
    let measuresEIIndices = listsTeamDetail && self.measuresEIIndices
    let work = graph.membershipCount
    let listLimit = self.listLimit
    let pendingBrokers =
      brokerCount > 0 ? Parallel.start(work: work) { analyser.brokers(network) } : nil
    // Two independent lines of work, one per core (beside the betweenness): the teams' own
    // findings (their E-I, the deeps, then the scan of every team's links, which needs the
    // E-I and the leader marks), and the structure (islands, cut points, coupling, then the key
    // people, which need the cuts).
    let (
      (deepFindings, teams, pieceResults, leaderOnly, silos),
      (structure, couplingFindings, keyPeople, uninvolved)
    ) = Parallel.both(
      work: work,
      {
        let eiIndices = measuresEIIndices ? graph.eiIndices() : []
        let deepFindings = DeepAnalysis(network: network).findings
        let (teams, pieceResults) = Self.teamFindings(
          network, eiIndices: eiIndices, marks: network.leaderMarks(),
          listsTeamDetail: listsTeamDetail, measuresEIIndices: measuresEIIndices,
          listLimit: listLimit)
        // By index: filtering the teams would copy each one, retaining all it holds.
        var silos: [String] = []
        for t in teams.indices where teams[t].isSilo { silos.append(teams[t].id) }
        let leaderOnly = Self.leaderOnlyLinks(pieceResults, teams: network.roster.teams)
        return (deepFindings, teams, pieceResults, leaderOnly, silos)
      },
      {
        let structure = TeamStructure(network: network)
        let cuts = graph.cutStructure()
        let couplingFindings = analyser.coupling(
          network, mainGroupTeams: structure.components.first?.count ?? 0)
        let keyPeople = Self.keyPeople(
          cuts: cuts, separations: cuts.separationIndex(), structure: structure, graph: graph,
          staff: network.roster.staff, teams: network.roster.teams, listLimit: listLimit)
        let uninvolved = graph.people.filter { graph.degree(of: $0) == 0 }.map {
          network.roster.staff[$0.position].id
        }
        return (structure, couplingFindings, keyPeople, uninvolved)
      })
    let leaderOnlyCount = pieceResults.reduce(0) { $0 + $1.leaderOnlyCount }
    let linkCount = pieceResults.reduce(0) { $0 + $1.linkEnds } / 2

    let (brokers, method) = pendingBrokers?.result() ?? ([], .exact)

    let islands = structure.components.dropFirst().filter { $0.count >= 2 }
    let summary = SchoolAnalysis.Summary(
      staff: roster.staff.count, teams: roster.teams.count, memberships: graph.membershipCount,
      silos: silos.count, islands: islands.count, keyPeople: keyPeople.count,
      links: linkCount, leaderOnlyLinks: leaderOnlyCount)
    return SchoolAnalysis(
      summary: summary, listLimit: listLimit, teams: teams, silos: silos,
      components: structure.components,
      islands: Array(islands), keyPeople: keyPeople, leaderOnlyLinks: leaderOnly, brokers: brokers,
      brokerMethod: method, deeps: deepFindings, coupling: couplingFindings,
      uninvolved: uninvolved, warnings: roster.warnings,
      listedLinkTargets: pieceResults.flatMap(\.linkTargets))
  }

  /// Each team's finding (in ``Roster/teams`` order) and what each piece of the scan of the
  /// teams' links found: the teams are scanned in pieces, on every core.
  /// - Complexity: O(T + M + sum of squared team counts per person) for T teams and M
  ///   memberships (the links are counted team by team, never all stored).
  private static func teamFindings(
    _ network: RosterGraph, eiIndices: [EIIndex], marks: GroupMemberMarks?,
    listsTeamDetail: Bool, measuresEIIndices: Bool, listLimit: Int?
  ) -> ([TeamFinding], [PieceResult]) {
    let graph = network.graph
    let roster = network.roster
    // Staff and teams are sorted by id, so lists of positions in ascending order are lists of
    // ids in byte order: nothing below sorts strings.
    // (Ids are read from the staff and teams in place: no list of every id is made.)
    let rosterStaff = roster.staff
    let rosterTeams = roster.teams
    let deeps = roster.deeps
    // Small pieces, claimed one at a time: the scan runs beside the structure's line of work
    // (see `analyse`), and the core that line frees joins in at once.
    let pieces = rosterTeams.count >= 2048 ? Parallel.width * 8 : 1
    // Each piece scans its teams' links itself (no group projection is stored, so a person on
    // very many teams costs time, not memory), with its own markers.
    // Each team's finding is made in its place, so the pieces' findings are never gathered
    // into one list (a copy of every finding, retaining all each holds).
    var teams = [TeamFinding](
      repeating: TeamFinding(
        id: "", name: "", gateway: nil, deep: nil, leaders: [], members: [], links: [],
        linkCount: 0, isSilo: true, eiIndex: nil, internalPairs: 0, externalPairs: 0),
      count: rosterTeams.count)
    let pieceResults = Parallel.updating(&teams) { findings in
      Parallel.mapClaimed(pieces) { piece in
        var leaderOnlyListed: [(first: Int32, second: Int32, via: [String])] = []
        var leaderOnlyCount = 0
        var linkEnds = 0
        var linkTargets: [Int32] = []
        let range =
          (rosterTeams.count * piece / pieces)..<(rosterTeams.count * (piece + 1) / pieces)
        // Each gateway's deep, looked up once per gateway, not per team.
        var gatewayNumbering = ValueNumbering()
        var deepOfGateway: [Deep?] = []
        // Shared arrays are read through buffers, taken once per piece, so the cores do not
        // contend over their reference counts.
        rosterStaff.withUnsafeBufferPointer { staff in
          rosterTeams.withUnsafeBufferPointer { rosterTeams in
            graph.forEachGroupLinks(in: range, limit: listLimit, marks: marks) { links in
              let position = links.group.position
              // In place: a copy of the team would retain each of its strings and lists.
              let team = rosterTeams.baseAddress.unsafelyUnwrapped + position
              // The links with the most shared people, most first, ties by team id (positions
              // follow ids), at most the list limit.
              var teamLinks: [TeamLink] = []
              if listsTeamDetail { teamLinks.reserveCapacity(links.count) }
              for i in 0..<links.count {
                // Without the team detail only the leader-only links' people are named.
                let markedOnly = links.isMarkedOnly(i)
                guard listsTeamDetail || markedOnly else { continue }
                let via = links.sharedPeople(i).map { staff[Int($0)].id }
                if listsTeamDetail {
                  teamLinks.append(
                    TeamLink(team: rosterTeams[links.neighbor(i).position].id, via: via))
                  linkTargets.append(links.neighbor(i).rawValue)
                }
                if markedOnly {
                  let other = links.neighbor(i).rawValue
                  let a = Int32(truncatingIfNeeded: position)
                  leaderOnlyListed.append((min(a, other), max(a, other), via))
                }
              }
              leaderOnlyCount += links.markedOnlyLinksAfter
              linkEnds += links.linkCount
              let ei =
                measuresEIIndices
                ? eiIndices[position] : EIIndex(internalPairs: 0, externalPairs: 0)
              var deep: Deep?
              if let gateway = team.pointee.gateway {
                let number = gatewayNumbering.number(of: gateway.id)
                if number == deepOfGateway.count { deepOfGateway.append(deeps.deep(of: gateway)) }
                deep = deepOfGateway[number]
              }
              findings[position] =
                TeamFinding(
                  id: team.pointee.id, name: team.pointee.name, gateway: team.pointee.gateway,
                  deep: deep, leaders: team.pointee.leaders,
                  members: team.pointee.members, links: teamLinks, linkCount: links.linkCount,
                  isSilo: links.linkCount == 0, eiIndex: ei.value,
                  internalPairs: ei.internalPairs, externalPairs: ei.externalPairs)
            }
          }
        }
        return PieceResult(
          leaderOnlyListed: leaderOnlyListed, leaderOnlyCount: leaderOnlyCount,
          linkEnds: linkEnds, linkTargets: linkTargets)
      }
    }

    return (teams, pieceResults)
  }

  /// The people whose leaving would cut their teams apart, each with the parts it would
  /// leave (the largest last, only counted), in byte order of their ids.
  /// - Complexity: O(K log K + P) for K key people and P listed parts' teams and blocks.
  private static func keyPeople(
    cuts: CutStructure, separations: SeparationIndex, structure: TeamStructure,
    graph: BipartiteGraph, staff: [StaffMember], teams: [Team], listLimit: Int?
  ) -> [KeyPerson] {
    var keyPeople: [KeyPerson] = []
    for node in cuts.articulationPoints {
      guard case .person(let person) = node else { continue }
      let parts = separations.parts(separatedBy: person)
      let component = graph.groups(of: person).first.map { structure.componentRank[$0.position] }
      keyPeople.append(
        KeyPerson(
          staff: staff[person.position].id, component: component ?? 0,
          separates: parts.enumerated().map { index, part in
            KeyPerson.Part(
              teamCount: part.groupCount, peopleCount: part.personCount,
              teams: index == parts.count - 1
                ? []
                : separations.firstGroups(of: part, limit: listLimit).map {
                  teams[$0.position].id
                })
          }))
    }
    keyPeople.sort { $0.staff.precedesInBytes($1.staff) }
    return keyPeople
  }

  /// The leader-only links the pieces listed, each pair of teams once (as first found), by
  /// the pair's positions: the pairs are sorted by two stable counting sorts of references to
  /// them, so no pair (nor its list of people) is copied before it is kept.
  /// - Complexity: O(L + T) for L listed links and T teams.
  private static func leaderOnlyLinks(_ pieces: [PieceResult], teams: [Team]) -> [LeaderOnlyLink] {
    // Each listed link as its piece and its place there, and its pair, in the pieces' order.
    let listed = pieces.reduce(0) { $0 + $1.leaderOnlyListed.count }
    var references: [(piece: Int32, index: Int32)] = []
    var pairs: [(first: Int32, second: Int32)] = []
    references.reserveCapacity(listed)
    pairs.reserveCapacity(listed)
    for (piece, result) in pieces.enumerated() {
      for (index, link) in result.leaderOnlyListed.enumerated() {
        references.append((Int32(truncatingIfNeeded: piece), Int32(truncatingIfNeeded: index)))
        pairs.append((link.first, link.second))
      }
    }
    var order = Array(pairs.indices)
    for bySecond in [true, false] {
      var start = [Int](repeating: 0, count: teams.count + 1)
      for pair in pairs { start[Int(bySecond ? pair.second : pair.first) + 1] += 1 }
      for r in 0..<teams.count { start[r + 1] += start[r] }
      var sorted = [Int](repeating: 0, count: order.count)
      for i in order {
        let key = Int(bySecond ? pairs[i].second : pairs[i].first)
        sorted[start[key]] = i
        start[key] += 1
      }
      order = sorted
    }
    var links: [LeaderOnlyLink] = []
    for (index, i) in order.enumerated() {
      let pair = pairs[i]
      if index > 0, pairs[order[index - 1]].first == pair.first,
        pairs[order[index - 1]].second == pair.second
      {
        continue
      }
      let reference = references[i]
      // The pair's positions are ordered, so their ids are too.
      links.append(
        LeaderOnlyLink(
          teams: [teams[Int(pair.first)].id, teams[Int(pair.second)].id],
          via: pieces[Int(reference.piece)].leaderOnlyListed[Int(reference.index)].via))
    }
    return links
  }

  /// The top people by betweenness, and how it was computed.
  func brokers(_ network: RosterGraph) -> ([Broker], BetweennessMethod) {
    // No brokers asked for (as `compare` asks): no betweenness to compute.
    guard brokerCount > 0 else { return ([], .exact) }
    let graph = network.graph
    let method: BetweennessMethod
    let scores: [Double]
    // Exact when cheap, or when it searches from no more nodes than sampling would search
    // between pairs (each sampled pair costing up to one search of its component).
    // The second case is capped too, so a small but dense roster never runs for hours.
    let summary = graph.componentSummary()
    let work = BipartiteGraph.exactBetweennessWork(of: summary)
    if work <= exactBetweennessWork
      || (graph.nodeCount <= exactBetweennessNodes && work / 10 <= exactBetweennessWork)
    {
      method = .exact
      scores = graph.betweennessCentrality()
    } else {
      let estimate = graph.betweennessEstimate(
        epsilon: betweennessEpsilon, delta: betweennessDelta,
        maximumSamples: betweennessSamples, seed: betweennessSeed,
        separatingTopPeople: brokerCount, summary: summary)
      let top: Int?
      if case .topSeparated(let k) = estimate.stop { top = k } else { top = nil }
      method = .sampledPaths(
        samples: estimate.samples, epsilon: estimate.epsilon, delta: estimate.delta,
        seed: estimate.seed, maximumSamples: estimate.maximumSamples, topSeparated: top)
      scores = estimate.values
    }
    var candidates: [(score: Double, id: String)] = []
    for person in graph.people where scores[person.position] > 0 {
      candidates.append((scores[person.position], network.staffID(of: person)))
    }
    candidates.sort {
      $0.score != $1.score ? $0.score > $1.score : $0.id.precedesInBytes($1.id)
    }
    return (
      candidates.prefix(brokerCount).map { Broker(staff: $0.id, betweenness: $0.score) }, method
    )
  }
}

/// What one piece of the teams' scan found.
private struct PieceResult: Sendable {
  /// The leader-only links listed under the piece's teams, as ordered pairs of positions.
  let leaderOnlyListed: [(first: Int32, second: Int32, via: [String])]
  /// The leader-only links from the piece's teams to later teams (each link counted once).
  let leaderOnlyCount: Int
  /// The piece's teams' link counts summed (each link has two ends).
  let linkEnds: Int
  /// The position of the team at the other end of each link listed, team by team.
  let linkTargets: [Int32]
}
