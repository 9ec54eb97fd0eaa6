import MembershipGraph

extension CSVRosterReader {
  /// One school's rows of a delimited-text file, read by that school's own ``Assembler``.
  struct SchoolRows: Sendable {
    var name: String
    var roster: Roster
    /// The `person_id` of each staff id that has one (as the row wrote the staff id).
    var personIDs: [String: String]
    var outside: [TrustRoster.OutsideMembership]
  }

  /// What one file holds: one school (no `school` column and no default school name), or the
  /// rows of each school, with the trust-wide teams its rows declare.
  enum FileSchools: Sendable {
    case school(Roster)
    case schools([SchoolRows], trustTeams: [String: TrustTeamDraft])
  }

  /// What the rows say about a trust-wide team: its name and gateway, from the first row that
  /// gives them.
  struct TrustTeamDraft: Sendable {
    var name: String?
    var gateway: Gateway?
  }

  /// Reads a delimited-text file whose rows may belong to several schools.
  ///
  /// Without a `school` column and without `defaultSchool`, the file is one school's and is
  /// read as ``read(_:fileName:deeps:limits:options:halvesThreshold:)`` reads it. Otherwise
  /// each row belongs to the school its `school` cell names (`defaultSchool` when the file has
  /// no such column); each school's rows, in file order, go to an assembler of their own, so
  /// ids are per school and each school's roster is what its rows alone give. A row whose
  /// `team_school` names another school or `trust` reaches the assembler without its team
  /// (its team, team_role, gateway and team_name cells blank): it is kept as an outside
  /// membership. A row with no staff_id that declares such a team is not a row of its school.
  /// - Complexity: O(n) in the file's bytes, plus each school's assembly.
  static func readSchools(
    _ raw: [UInt8], fileName: String, deeps: DeepMapping, limits: RosterLimits,
    options: RosterReadOptions, halvesThreshold: Int, defaultSchool: String?
  ) throws(RosterError) -> FileSchools {
    let prepared = try prepare(raw, fileName: fileName, limits: limits, options: options)
    let columns = prepared.map.columns
    guard columns.contains(.school) || defaultSchool != nil else {
      return .school(
        try assemble(
          prepared, deeps: deeps, limits: limits, options: options,
          halvesThreshold: halvesThreshold))
    }
    func position(_ column: Column) -> Int { columns.firstIndex(of: column) ?? -1 }
    let schoolPosition = position(.school)
    let personPosition = position(.personID)
    let teamSchoolPosition = position(.teamSchool)
    let staffPosition = position(.staffID)
    let teamPosition = position(.team)
    let rolePosition = position(.teamRole)
    let blanked = [teamPosition, rolePosition, position(.gateway), position(.teamName)]
      .filter { $0 >= 0 }
    var log = prepared.log
    if prepared.map.isGrid, teamSchoolPosition >= 0 {
      log.error(
        "a grid (one column per team) cannot have a team_school column; give the rows of "
          + "other schools' teams one row per membership",
        line: prepared.header.line)
      throw log.rosterError
    }
    let bytes = prepared.bytes
    var parser = prepared.parser
    var assemblers: [Assembler] = []
    var schoolNames: [String] = []
    var schoolOfName: [String: Int] = [:]
    var personIDs: [[String: Sourced<String>]] = []
    var outside: [[TrustRoster.OutsideMembership]] = []
    var trustTeams: [String: TrustTeamDraft] = [:]
    var cells: [CSVCell] = []
    var last: (name: String, index: Int)?
    bytes.withUnsafeBufferPointer { buffer in
      func text(_ position: Int) -> String {
        guard position >= 0, position < cells.count else { return "" }
        return trimmedCell(CSVRosterReader.text(of: cells[position], in: buffer))
      }
      func school(named name: String) -> Int {
        if let last, last.name == name { return last.index }
        let index: Int
        if let known = schoolOfName[name] {
          index = known
        } else {
          index = assemblers.count
          schoolOfName[name] = index
          schoolNames.append(name)
          assemblers.append(
            Assembler(
              map: prepared.map, deeps: deeps, log: prepared.log, exactIDs: options.exactIDs,
              expectedRows: 64))
          personIDs.append([:])
          outside.append([])
        }
        last = (name, index)
        return index
      }
      while let (line, isDamaged) = parser.nextRecord(into: &cells) {
        if cells[0].isEmpty || Assembler.isBlank(cells[0], buffer),
          cells.allSatisfy({ $0.isEmpty || Assembler.isBlank($0, buffer) })
        {
          continue
        }
        if isDamaged { continue }  // the tokenizer's problem is reported below
        var name = schoolPosition >= 0 ? text(schoolPosition) : ""
        if name.isEmpty, let defaultSchool { name = defaultSchool }
        guard !name.isEmpty else {
          log.error(
            "this row has no school; fill in the school column (every row belongs to one "
              + "school)",
            line: line)
          continue
        }
        let index = school(named: name)
        let staff = text(staffPosition)
        let teamSchool = text(teamSchoolPosition)
        if !teamSchool.isEmpty, teamSchool != name, cells.count == columns.count {
          let isTrust = teamSchool.lowercased() == TrustRoster.trustWord
          let roleWord = GatewayCatalog.normalize(text(rolePosition))
          let rowLeads = leaderWords.contains(roleWord)
          var teamIDs: [(id: String, leads: Bool)] = []
          var teamText = text(teamPosition)
          if options.layout == .long {
            if !teamText.isEmpty { teamIDs.append((teamText, rowLeads)) }
          } else {
            teamText.withUTF8 { utf8 in
              Assembler.listParts(utf8) { start, end, _, marker in
                let id = String(
                  decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self)
                teamIDs.append((id, marker ?? rowLeads))
              }
            }
          }
          if isTrust {
            for (id, _) in teamIDs {
              var draft = trustTeams[id] ?? TrustTeamDraft()
              let teamName = text(position(.teamName))
              if draft.name == nil, !teamName.isEmpty { draft.name = teamName }
              let gatewayName = text(position(.gateway))
              if draft.gateway == nil, !gatewayName.isEmpty {
                draft.gateway =
                  GatewayCatalog.resolve(gatewayName)
                  ?? Gateway(id: GatewayCatalog.normalize(gatewayName))
              }
              trustTeams[id] = draft
            }
          }
          if staff.isEmpty {
            // It declares another school's team (or a trust-wide one): not a row of this school.
            continue
          }
          for (id, leads) in teamIDs {
            outside[index].append(
              TrustRoster.OutsideMembership(
                staff: staff, teamSchool: isTrust ? nil : teamSchool, team: id, isLeader: leads,
                line: line))
          }
          for position in blanked {
            cells[position].text = nil
            cells[position].end = cells[position].start
          }
        }
        let personID = text(personPosition)
        if !personID.isEmpty, !staff.isEmpty {
          let key = options.exactIDs ? staff : staff.lowercased()
          if let known = personIDs[index][key] {
            if known.value != personID {
              log.error(
                "conflicting person_id: line \(known.line) gives the same staff_id of this "
                  + "school another person_id ('\(shown(personID))' here, "
                  + "'\(shown(known.value))' there); make the rows agree",
                line: line, column: cells[personPosition].column)
            }
          } else {
            personIDs[index][key] = Sourced(
              value: personID, line: line, column: cells[personPosition].column)
          }
        }
        assemblers[index].addRecord(&cells, line: line, isDamaged: false, in: buffer)
      }
    }
    addProblems(of: parser, to: &log)
    // Each school's diagnostics after the header's (which every school's log starts with).
    let headerWarnings = prepared.log.warnings.count
    var failed = log.hasErrors
    for index in assemblers.indices {
      assemblers[index].headerLine = prepared.header.line
      assemblers[index].finishMemberships()
      if assemblers[index].log.hasErrors { failed = true }
    }
    if failed {
      var combined = log
      for assembler in assemblers {
        for error in assembler.log.errors { combined.add(error) }
        for warning in assembler.log.warnings.dropFirst(headerWarnings) { combined.add(warning) }
      }
      throw combined.rosterError
    }
    if assemblers.isEmpty {
      log.error(
        "the roster has a header row but no data rows; add one row per team membership",
        line: prepared.header.line)
      throw log.rosterError
    }
    let finished = assemblers
    let rosters = Parallel.map(finished.count) { index in
      var assembler = finished[index]
      var roster = assembler.roster()
      roster.reading = prepared.reading(layout: assembler.layout)
      return roster
    }
    let schools = rosters.indices.map { index in
      SchoolRows(
        name: schoolNames[index], roster: rosters[index],
        personIDs: personIDs[index].reduce(into: [:]) { $0[$1.key] = $1.value.value },
        outside: outside[index])
    }
    return .schools(schools, trustTeams: trustTeams)
  }
}
