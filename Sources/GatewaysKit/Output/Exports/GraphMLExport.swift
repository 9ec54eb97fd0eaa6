import MembershipGraph

/// The roster as GraphML: people and teams as two node types, with their attributes, so Gephi,
/// yEd and Cytoscape keep them.
///
/// Node ids are `team:ID` and `person:ID`; every node has a `type` attribute (`team` or
/// `person`). Teams carry their name, gateway, deep, member count, silo and island flags and
/// component rank; people their name, role, staff type, department, year group, team count and
/// key-person and broker flags with betweenness. Edges are of two kinds (`kind`): `membership`
/// (person to team, with `leader`) and `link` (team to team, with `weight`, the number of shared
/// people). The membership edges are the whole network; the link edges are those the analysis
/// lists (each team's ``SchoolAnalysis/listLimit`` with the most shared people), so a person on
/// n teams adds n membership edges and at most n × limit link edges, not n²; the graph's `desc`
/// counts the links left out. The graph is undirected.
///
/// ```swift
/// let xml = GraphMLExport(roster: roster, analysis: analysis).render()
/// ```
public struct GraphMLExport: Sendable {
  /// The roster analysed.
  public var roster: Roster
  /// Its analysis.
  public var analysis: SchoolAnalysis

  /// Creates an export.
  ///
  /// ```swift
  /// let export = GraphMLExport(roster: roster, analysis: Analyser().analyse(roster))
  /// ```
  ///
  /// - Complexity: O(1).
  public init(roster: Roster, analysis: SchoolAnalysis) {
    self.roster = roster
    self.analysis = analysis
  }

  private static let keys: [(id: String, domain: String, type: String)] = [
    ("type", "node", "string"), ("label", "node", "string"), ("gateway", "node", "string"),
    ("deep", "node", "string"), ("members", "node", "int"), ("silo", "node", "boolean"),
    ("island", "node", "boolean"), ("component", "node", "int"), ("role", "node", "string"),
    ("staffType", "node", "string"), ("department", "node", "string"),
    ("yearGroup", "node", "string"), ("teams", "node", "int"), ("keyPerson", "node", "boolean"),
    ("broker", "node", "boolean"), ("betweenness", "node", "double"),
    ("kind", "edge", "string"), ("leader", "edge", "boolean"), ("weight", "edge", "int"),
  ]

  /// Writes the GraphML document (UTF-8, GraphML 1.0 namespace).
  ///
  /// ```swift
  /// let xml = GraphMLExport(roster: roster, analysis: analysis).render()   // "<?xml ..."
  /// ```
  ///
  /// - Complexity: linear in staff, teams, memberships and links.
  public func render() -> String {
    var bytes: [UInt8] = []
    write { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes the document of ``render()``, byte for byte, to `consume` in pieces of about a
  /// megabyte that end at line ends (so each piece is whole UTF-8), never holding the whole
  /// document: a roster of a million memberships makes over 500 MB of GraphML. Pieces are made
  /// on the machine's cores, a few at a time, and handed over in order.
  /// - Complexity: linear in staff, teams, memberships and links; memory for the lookups and a
  ///   few pieces.
  package func write(_ consume: (UnsafeRawBufferPointer) throws -> Void) rethrows {
    let plan = GraphMLPlan(roster: roster, analysis: analysis)
    let head = ByteStorage(capacity: 4096)
    head.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    head.append("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"")
    head.append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
    head.append(" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns")
    head.append(" http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
    for key in Self.keys {
      head.append("  <key id=\"")
      head.appendText(key.id)
      head.append("\" for=\"")
      head.appendText(key.domain)
      head.append("\" attr.name=\"")
      head.appendText(key.id)
      head.append("\" attr.type=\"")
      head.appendText(key.type)
      head.append("\"/>\n")
    }
    head.append("  <graph id=\"gateways\" edgedefault=\"undirected\">\n")
    if let note = plan.omittedNote {
      head.append("    <desc>")
      head.appendEscaped(note, for: .xml)
      head.append(".</desc>\n")
    }
    try head.withUnsafeBytes(consume)
    // Items in document order: team nodes, person nodes, each team's membership edges, links.
    let total = plan.itemCount
    let itemsPerPiece = 2048
    let pieces = (total + itemsPerPiece - 1) / itemsPerPiece
    let batch = 2 * Parallel.width
    // One storage per piece of a batch, kept for the next batch: fresh ones would make the
    // kernel map and zero every page of the document anew.
    let storages = (0..<batch).map { _ in ByteStorage(capacity: 1 << 20) }
    var first = 0
    while first < pieces {
      let count = min(batch, pieces - first)
      let base = first
      let made = Parallel.map(count) { k in
        let lower = (base + k) * itemsPerPiece
        let upper = min(total, lower + itemsPerPiece)
        let out = storages[k]
        out.removeAll()
        for item in lower..<upper { plan.write(item: item, to: out) }
        return out
      }
      for piece in made { try piece.withUnsafeBytes(consume) }
      first += count
    }
    let tail = ByteStorage(capacity: 64)
    tail.append("  </graph>\n</graphml>\n")
    try tail.withUnsafeBytes(consume)
  }

  /// Escapes text for XML 1.0 content and attributes: `&`, `<`, `>`, `"`, `'` become entities;
  /// characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE and
  /// U+FFFF) are removed; line breaks and tabs are written as character references so attribute
  /// values keep them.
  ///
  /// ```swift
  /// GraphMLExport.escaped("O'Brien & <b>")  // "O&apos;Brien &amp; &lt;b&gt;"
  /// ```
  /// - Complexity: O(n) in the length of the text.
  public static func escaped(_ raw: String) -> String { MarkupEscaping.escaped(raw, for: .xml) }
}

/// What the GraphML writer looks up for each node and edge, by position, computed once; and
/// the writing of each item of the document.
private struct GraphMLPlan: Sendable {
  let roster: Roster
  let analysis: SchoolAnalysis
  /// Per team (analysis order): in an island, and its component's rank (-1 for none).
  let isIsland: [Bool]
  let component: [Int]
  /// Per staff member (roster order): teams, key person, betweenness if a broker.
  let teamCount: [Int]
  let isKeyPerson: [Bool]
  let betweenness: [Int: Double]
  /// The number of the first membership edge of each team, and one past the last.
  let firstEdge: [Int]
  /// The links written, once each, by team positions.
  let links: [SchoolAnalysis.ListedLink]
  let omittedNote: String?

  init(roster: Roster, analysis: SchoolAnalysis) {
    self.roster = roster
    self.analysis = analysis
    // The listed links on another core while the lookups below are made here.
    let listed = Parallel.start { analysis.listedLinks() }
    let teams = analysis.teams
    var positions = TeamPositions(teams)
    var isIsland = [Bool](repeating: false, count: teams.count)
    for island in analysis.islands {
      for id in island { if let p = positions.position(of: id) { isIsland[p] = true } }
    }
    // A team in several components (it cannot be) takes the last, as a dictionary would.
    var component = [Int](repeating: -1, count: teams.count)
    for (rank, ids) in analysis.components.enumerated() {
      for id in ids { if let p = positions.position(of: id) { component[p] = rank } }
    }
    self.isIsland = isIsland
    self.component = component
    // Staff positions by id: the roster's own member positions when the analysis's teams are
    // the roster's (as they are for an analysis of this roster), else a lookup by id.
    let staff = roster.staff
    var teamCount = [Int](repeating: 0, count: staff.count)
    // By index: zipping the lists would copy each record (retaining all it holds).
    let rosterTeams = roster.teams
    let sameTeams =
      teams.count == rosterTeams.count
      && teams.indices.allSatisfy {
        teams[$0].id == rosterTeams[$0].id && teams[$0].members == rosterTeams[$0].members
      }
    var staffPosition: [String: Int]? = nil
    func position(ofStaff id: String) -> Int? {
      if staffPosition == nil {
        var table: [String: Int] = [:]
        table.reserveCapacity(staff.count)
        for (p, member) in staff.enumerated() where table[member.id] == nil { table[member.id] = p }
        staffPosition = table
      }
      return staffPosition?[id]
    }
    if sameTeams {
      for positions in roster.memberPositions {
        for p in positions { teamCount[Int(p)] += 1 }
      }
    } else {
      for team in teams {
        for member in team.members { if let p = position(ofStaff: member) { teamCount[p] += 1 } }
      }
    }
    self.teamCount = teamCount
    var isKeyPerson = [Bool](repeating: false, count: staff.count)
    var betweenness: [Int: Double] = [:]
    // Staff are sorted by id in byte order: a binary search finds the few key people.
    func find(_ id: String) -> [Int] {
      var low = staff.partitioningIndex { !$0.id.precedesInBytes(id) }
      var found: [Int] = []
      while low < staff.count && staff[low].id == id {
        found.append(low)
        low += 1
      }
      if found.isEmpty, let p = position(ofStaff: id) { found.append(p) }
      return found
    }
    for person in analysis.keyPeople {
      for p in find(person.staff) { isKeyPerson[p] = true }
    }
    for broker in analysis.brokers {
      for p in find(broker.staff) where betweenness[p] == nil {
        betweenness[p] = broker.betweenness
      }
    }
    self.isKeyPerson = isKeyPerson
    self.betweenness = betweenness
    var firstEdge = [Int](repeating: 0, count: teams.count + 1)
    for t in teams.indices { firstEdge[t + 1] = firstEdge[t] + teams[t].members.count }
    self.firstEdge = firstEdge
    links = listed.result()
    let omitted = max(0, analysis.summary.links - links.count)
    if omitted > 0, let limit = analysis.listLimit {
      omittedNote = omittedLinksSentence(
        omitted: omitted, links: analysis.summary.links, limit: limit)
    } else {
      omittedNote = nil
    }
  }

  /// Team nodes, person nodes, membership edges by team, link edges.
  var itemCount: Int { 2 * analysis.teams.count + roster.staff.count + links.count }

  func write(item: Int, to out: ByteStorage) {
    let teams = analysis.teams
    var item = item
    if item < teams.count { return writeTeamNode(item, to: out) }
    item -= teams.count
    if item < roster.staff.count { return writePersonNode(item, to: out) }
    item -= roster.staff.count
    if item < teams.count { return writeMemberships(item, to: out) }
    item -= teams.count
    writeLink(item, to: out)
  }

  // Each `open` is a whole opening tag, `      <data key="KEY">`, copied in one piece.
  private func data(_ open: StaticString, _ value: String, to out: ByteStorage) {
    out.append(open)
    out.appendEscaped(value, for: .xml)
    out.append("</data>\n")
  }

  private func data(_ open: StaticString, _ value: Bool, to out: ByteStorage) {
    out.append(open)
    out.append(value ? "true</data>\n" : "false</data>\n")
  }

  private func data(_ open: StaticString, _ value: Int, to out: ByteStorage) {
    out.append(open)
    out.appendDecimal(value)
    out.append("</data>\n")
  }

  // Fields are read from the lists in place: copying a whole team or person would retain
  // each of its strings and lists.
  private func writeTeamNode(_ t: Int, to out: ByteStorage) {
    let teams = analysis.teams
    out.append("    <node id=\"team:")
    out.appendEscaped(teams[t].id, for: .xml)
    out.append("\">\n      <data key=\"type\">team</data>\n")
    data("      <data key=\"label\">", teams[t].name, to: out)
    if let gateway = teams[t].gateway { data("      <data key=\"gateway\">", gateway.id, to: out) }
    if let deep = teams[t].deep { data("      <data key=\"deep\">", deep.rawValue, to: out) }
    data("      <data key=\"members\">", teams[t].members.count, to: out)
    data("      <data key=\"silo\">", teams[t].isSilo, to: out)
    data("      <data key=\"island\">", isIsland[t], to: out)
    if component[t] >= 0 { data("      <data key=\"component\">", component[t], to: out) }
    out.append("    </node>\n")
  }

  private func writePersonNode(_ p: Int, to out: ByteStorage) {
    let staff = roster.staff
    out.append("    <node id=\"person:")
    out.appendEscaped(staff[p].id, for: .xml)
    out.append("\">\n      <data key=\"type\">person</data>\n")
    data("      <data key=\"label\">", staff[p].name, to: out)
    if !staff[p].role.isEmpty { data("      <data key=\"role\">", staff[p].role, to: out) }
    data("      <data key=\"staffType\">", staff[p].staffType.rawValue, to: out)
    if let department = staff[p].department {
      data("      <data key=\"department\">", department, to: out)
    }
    if let yearGroup = staff[p].yearGroup {
      data("      <data key=\"yearGroup\">", yearGroup, to: out)
    }
    data("      <data key=\"teams\">", teamCount[p], to: out)
    data("      <data key=\"keyPerson\">", isKeyPerson[p], to: out)
    let betweenness = self.betweenness[p]
    data("      <data key=\"broker\">", betweenness != nil, to: out)
    if let betweenness {
      data("      <data key=\"betweenness\">", formatDecimal(betweenness), to: out)
    }
    out.append("    </node>\n")
  }

  private func writeMemberships(_ t: Int, to out: ByteStorage) {
    let teams = analysis.teams
    let teamLeaders = teams[t].leaders
    let leaders = teamLeaders.count > 8 ? Set(teamLeaders) : nil
    // The team's id, escaped once for all its edges.
    let target = ByteStorage(capacity: 64)
    target.appendEscaped(teams[t].id, for: .xml)
    var edge = firstEdge[t]
    for member in teams[t].members {
      out.append("    <edge id=\"e")
      out.appendDecimal(edge)
      out.append("\" source=\"person:")
      out.appendEscaped(member, for: .xml)
      out.append("\" target=\"team:")
      out.append(target)
      out.append("\">\n      <data key=\"kind\">membership</data>\n")
      data(
        "      <data key=\"leader\">", leaders?.contains(member) ?? teamLeaders.contains(member),
        to: out)
      out.append("    </edge>\n")
      edge += 1
    }
  }

  private func writeLink(_ l: Int, to out: ByteStorage) {
    let link = links[l]
    let teams = analysis.teams
    out.append("    <edge id=\"e")
    out.appendDecimal(firstEdge[teams.count] + l)
    out.append("\" source=\"team:")
    out.appendEscaped(teams[link.first].id, for: .xml)
    out.append("\" target=\"team:")
    out.appendEscaped(teams[link.second].id, for: .xml)
    out.append("\">\n      <data key=\"kind\">link</data>\n")
    data("      <data key=\"weight\">", teams[link.team].links[link.link].via.count, to: out)
    out.append("    </edge>\n")
  }
}

/// The position of a team by its id (the first, for an id listed twice), as a dictionary of
/// ids would give it: when the teams are in byte order of ids, all ASCII (so byte equality is
/// string equality), as an analysis lists them, a binary search that tries the position after
/// the last one found first (the analysis lists a component's teams in that order); else, or for
/// an id not found so, the dictionary.
private struct TeamPositions {
  private let teams: [TeamFinding]
  private let isSorted: Bool
  private var table: [String: Int]?
  private var next = 0

  init(_ teams: [TeamFinding]) {
    self.teams = teams
    // By index: a team's record is not copied (with every string and list it holds).
    isSorted =
      teams.indices.allSatisfy { teams[$0].id.utf8.allSatisfy { $0 < 0x80 } }
      && teams.indices.dropFirst().allSatisfy { teams[$0 - 1].id.precedesInBytes(teams[$0].id) }
  }

  /// - Complexity: O(1) for the team after the last found, O(log n) otherwise; O(n) once for
  ///   the dictionary.
  mutating func position(of id: String) -> Int? {
    if isSorted {
      if next < teams.count && teams[next].id == id {
        next += 1
        return next - 1
      }
      var low = 0
      var high = teams.count
      while low < high {
        let middle = low + (high - low) / 2
        if teams[middle].id.precedesInBytes(id) { low = middle + 1 } else { high = middle }
      }
      if low < teams.count && teams[low].id == id {
        next = low + 1
        return low
      }
    }
    if table == nil {
      var table: [String: Int] = [:]
      table.reserveCapacity(teams.count)
      for position in teams.indices where table[teams[position].id] == nil {
        table[teams[position].id] = position
      }
      self.table = table
    }
    return table?[id]
  }
}
