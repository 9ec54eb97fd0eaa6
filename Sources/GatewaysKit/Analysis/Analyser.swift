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
  /// over components (`BipartiteGraph.exactBetweennessWork`), is at most
  /// this, or while there are no more nodes than ``exactBetweennessNodes``; above, it is
  /// estimated from sampled shortest paths (Riondato and Kornaropoulos 2014).
  public var exactBetweennessWork: Int
  /// Betweenness is also exact while there are no more nodes than this (as many searches as
  /// sampling would make between pairs) and its work is at most ten times
  /// ``exactBetweennessWork``.
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

  /// Creates an analyser with the documented defaults.
  ///
  /// ```swift
  /// let analyser = Analyser(target: .learningCommunity, brokerCount: 5, listLimit: nil)
  /// ```
  ///
  /// - Complexity: O(1).
  public init(
    target: CouplingTarget = .learningCommunity, exactBetweennessWork: Int = 100_000_000,
    betweennessEpsilon: Double = 0.01, betweennessDelta: Double = 0.1,
    betweennessSamples: Int = 10_000, betweennessSeed: UInt64 = 2007, brokerCount: Int = 10,
    listLimit: Int? = SchoolAnalysis.defaultListLimit, exactBetweennessNodes: Int = 50_000
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
  /// - Complexity: linear in staff, teams and memberships for everything but the projection and
  ///   E-I (proportional to the sum of squared team counts per person), betweenness
  ///   (exact while its work is at most ``exactBetweennessWork``, else a fixed number of sampled
  ///   shortest paths, each a bidirectional search) and the key people's parts (O(M log T)); the
  ///   analysis itself holds O(S + T + M) items for a fixed ``listLimit``.
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
    // Independent walks of the graph, split over two cores in halves of about equal work.
    let ((projection, eiIndices, deepFindings), (cutsAndSeparations, structure, couplingFindings)) =
      Parallel.both(
        {
          let projection = graph.groupProjection()
          return (
            projection, graph.eiIndices(projection: projection),
            DeepAnalysis(network: network).findings
          )
        },
        {
          let structure = TeamStructure(network: network)
          let cuts = graph.cutStructure()
          return (
            (cuts, cuts.separationIndex()), structure,
            coupling(network, mainGroupTeams: structure.components.first?.count ?? 0)
          )
        })
    let (cuts, separations) = cutsAndSeparations

    // Staff and teams are sorted by id, so lists of positions in ascending order are lists of
    // ids in byte order: nothing below sorts strings.
    let staffIDs = roster.staff.map(\.id)
    let teamIDs = roster.teams.map(\.id)
    let rosterTeams = roster.teams
    let deeps = roster.deeps
    let pieces = rosterTeams.count >= 2048 ? Parallel.width * 2 : 1
    let listLimit = self.listLimit
    let pieceResults = Parallel.map(pieces) { piece in
      var findings: [TeamFinding] = []
      var lastListed: [ListedLinks] = []
      let range =
        (rosterTeams.count * piece / pieces)..<(rosterTeams.count * (piece + 1) / pieces)
      findings.reserveCapacity(range.count)
      lastListed.reserveCapacity(range.count)
      // Shared arrays are read through buffers, taken once per piece, so the cores do not
      // contend over their reference counts.
      staffIDs.withUnsafeBufferPointer { staffIDs in
        teamIDs.withUnsafeBufferPointer { teamIDs in
          projection.forEachNeighborhood(in: range) { neighborhood in
            let position = neighborhood.group.position
            let team = rosterTeams[position]
            // The links with the most shared people, most first, ties by team id (positions
            // follow ids), at most the list limit.
            var chosen = Array(0..<neighborhood.count)
            chosen.sort {
              let (a, b) = (neighborhood.sharedCount($0), neighborhood.sharedCount($1))
              return a != b ? a > b : $0 < $1
            }
            if let listLimit, chosen.count > listLimit {
              chosen.removeSubrange(listLimit...)
              let last = chosen[chosen.count - 1]
              lastListed.append(
                ListedLinks(
                  all: false, sharedCount: neighborhood.sharedCount(last),
                  neighbor: neighborhood.neighbor(last).position))
            } else {
              lastListed.append(ListedLinks(all: true, sharedCount: 0, neighbor: 0))
            }
            var links: [TeamLink] = []
            links.reserveCapacity(chosen.count)
            for i in chosen {
              links.append(
                TeamLink(
                  team: teamIDs[neighborhood.neighbor(i).position],
                  via: neighborhood.sharedPeople(i).map { staffIDs[Int($0)] }))
            }
            let ei = eiIndices[position]
            findings.append(
              TeamFinding(
                id: team.id, name: team.name, gateway: team.gateway,
                deep: team.gateway.flatMap { deeps.deep(of: $0) }, leaders: team.leaders,
                members: team.members, links: links, linkCount: neighborhood.count,
                isSilo: neighborhood.count == 0, eiIndex: ei.value,
                internalPairs: ei.internalPairs, externalPairs: ei.externalPairs))
          }
        }
      }
      return (findings, lastListed)
    }
    let teams = pieceResults.flatMap { $0.0 }
    let listed = pieceResults.flatMap { $0.1 }

    var keyPeople: [KeyPerson] = []
    for node in cuts.articulationPoints {
      guard case .person(let person) = node else { continue }
      let parts = separations.parts(separatedBy: person)
      let component = graph.groups(of: person).first.map { structure.componentRank[$0.position] }
      keyPeople.append(
        KeyPerson(
          staff: staffIDs[person.position], component: component ?? 0,
          separates: parts.enumerated().map { index, part in
            KeyPerson.Part(
              teamCount: part.groupCount, peopleCount: part.personCount,
              teams: index == parts.count - 1
                ? []
                : separations.firstGroups(of: part, limit: listLimit).map {
                  teamIDs[$0.position]
                })
          }))
    }
    keyPeople.sort { $0.staff.precedesInBytes($1.staff) }

    var leaderOnly: [LeaderOnlyLink] = []
    var leaderOnlyCount = 0
    if network.hasLeaders {
      for link in 0..<projection.linkCount {
        let (first, second) = projection.groups(ofLinkAt: link)
        let shared = projection.sharedPeople(ofLinkAt: link)
        guard
          shared.allSatisfy({
            network.isLeader($0, of: first) || network.isLeader($0, of: second)
          })
        else { continue }
        leaderOnlyCount += 1
        let count = shared.count
        guard
          listed[first.position].includes(sharedCount: count, neighbor: second.position)
            || listed[second.position].includes(sharedCount: count, neighbor: first.position)
        else { continue }
        // The link's groups are ordered, so their ids are too.
        leaderOnly.append(
          LeaderOnlyLink(
            teams: [teamIDs[first.position], teamIDs[second.position]],
            via: shared.map { staffIDs[$0.position] }))
      }
    }

    let (brokers, method) = self.brokers(network)
    let uninvolved = graph.people.filter { graph.degree(of: $0) == 0 }.map {
      staffIDs[$0.position]
    }

    let silos = teams.filter(\.isSilo).map(\.id)
    let islands = structure.components.dropFirst().filter { $0.count >= 2 }
    let summary = SchoolAnalysis.Summary(
      staff: roster.staff.count, teams: roster.teams.count, memberships: graph.membershipCount,
      silos: silos.count, islands: islands.count, keyPeople: keyPeople.count,
      links: projection.linkCount, leaderOnlyLinks: leaderOnlyCount)
    return SchoolAnalysis(
      summary: summary, listLimit: listLimit, teams: teams, silos: silos,
      components: structure.components,
      islands: Array(islands), keyPeople: keyPeople, leaderOnlyLinks: leaderOnly, brokers: brokers,
      brokerMethod: method, deeps: deepFindings, coupling: couplingFindings,
      uninvolved: uninvolved, warnings: roster.warnings)
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
    let work = graph.exactBetweennessWork
    if work <= exactBetweennessWork
      || (graph.nodeCount <= exactBetweennessNodes && work / 10 <= exactBetweennessWork)
    {
      method = .exact
      scores = graph.betweennessCentrality()
    } else {
      let estimate = graph.betweennessEstimate(
        epsilon: betweennessEpsilon, delta: betweennessDelta,
        maximumSamples: betweennessSamples, seed: betweennessSeed)
      method = .sampledPaths(
        samples: estimate.samples, epsilon: estimate.epsilon, delta: estimate.delta,
        seed: estimate.seed)
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

/// Which of a team's links the analysis lists: all, or those ranked at or before the last one
/// listed (most shared people first, ties by the other team's position).
private struct ListedLinks {
  /// Whether every link is listed.
  let all: Bool
  /// The shared people of the last link listed.
  let sharedCount: Int
  /// The other team of the last link listed.
  let neighbor: Int

  /// Whether the link to `neighbor` with `sharedCount` shared people is listed.
  func includes(sharedCount count: Int, neighbor other: Int) -> Bool {
    all || count > sharedCount || (count == sharedCount && other <= neighbor)
  }
}
