import MembershipGraph

extension CSVRosterReader {
  /// Turns the data rows of a CSV roster, one at a time, into people, teams and memberships,
  /// checking that rows about the same person or team agree, then builds the ``Roster``.
  ///
  /// Rows arrive as ``CSVCell``s over the file's bytes: ids are interned from those bytes and a
  /// value already known is compared with them, so a row makes a `String` only for what is new.
  struct Assembler: Sendable {
    typealias Column = CSVRosterReader.Column

    /// The known column of each header cell, by position.
    let columns: [Column?]
    /// Whether the header has a `team_role` column.
    let hasTeamRoleColumn: Bool
    /// The deep mapping the roster will use.
    let deeps: DeepMapping
    /// Errors and warnings so far.
    var log: DiagnosticLog
    /// The rows read, blank lines aside.
    private(set) var rowCount = 0

    // People, by slot (order first seen).
    private var people: IDIndex
    private var personLines: [Int] = []
    private var names = SparseColumn<String>()
    private var roles = SparseColumn<String>()
    private var departments = SparseColumn<String>()
    private var yearGroups = SparseColumn<String>()
    private var staffTypes = SparseColumn<StaffType>()
    private var caps = SparseColumn<Int>()

    // Teams, by slot (order first seen).
    private var teams: IDIndex
    private var teamLines: [Int] = []
    private var teamColumns: [Int] = []
    private var teamNames = SparseColumn<String>()
    private var gateways = SparseColumn<Gateway>()

    // Rows that put a person on a team, in file order; repeats are found once all are read,
    // team by team (sequential work on flat arrays rather than a hash lookup per row).
    private var rowTeams: [Int32] = []
    private var rowPeople: [Int32] = []
    private var rowLines: [Int] = []
    /// What each such row's `team_role` cell says, by row.
    private var rowLeaders = SparseColumn<Bool>()

    // Memberships, as ``finishMemberships()`` leaves them: team by team, the distinct members'
    // person slots in the order first seen.
    private var memberOffsets: [Int] = []
    private var memberSlots: [Int32] = []
    /// Whether a person leads a team, by the membership's first row.
    private var leaderFlags = SparseColumn<Bool>()

    // Answers for cell texts that repeat from row to row.
    private var staffTypeOfText: [String: StaffType] = [:]
    private var gatewayOfText: [String: Gateway] = [:]
    private var leaderOfText: [String: Bool] = [:]
    private var warnedGateways: Set<String> = []
    /// The warning about each unknown gateway (once per id, at its first row), kept out of the
    /// log until ``finishMemberships()`` so that merged parts warn once.
    private var gatewayWarnings: [(id: String, warning: Diagnostic)] = []

    /// The position in the row of each known column's cell (by ``Column/ordinal``), or -1.
    private let cellOfColumn: [Int]

    /// Creates an assembler for rows under a header whose cells name `columns`; `expectedRows`
    /// (and `expectedPeople`, by default half of them) size the tables up front.
    init(
      columns: [Column?], deeps: DeepMapping, log: DiagnosticLog, expectedRows: Int,
      expectedPeople: Int? = nil
    ) {
      self.columns = columns
      self.hasTeamRoleColumn = columns.contains(.teamRole)
      self.deeps = deeps
      self.log = log
      people = IDIndex(expectedCount: expectedPeople ?? expectedRows / 2)
      teams = IDIndex(expectedCount: expectedRows / 8)
      rowTeams.reserveCapacity(expectedRows)
      rowPeople.reserveCapacity(expectedRows)
      rowLines.reserveCapacity(expectedRows)
      var cellOfColumn = [Int](repeating: -1, count: Column.allCases.count)
      for (position, column) in columns.enumerated() {
        if let column { cellOfColumn[column.ordinal] = position }
      }
      self.cellOfColumn = cellOfColumn
    }

    /// Reads every remaining record of `parser`, skipping blank lines.
    mutating func addRows(from parser: inout CSVParser, in buffer: UnsafeBufferPointer<UInt8>) {
      var cells: [CSVCell] = []
      // Rows are handed over as buffers, so reading one costs no reference counting.
      let positions = cellOfColumn
      positions.withUnsafeBufferPointer { positions in
        while let (line, isDamaged) = parser.nextRecord(into: &cells) {
          if cells.count == 1, cells[0].isEmpty { continue }
          // The tokenizer reported this row's problem (a missing quote, invalid UTF-8, too many
          // fields); its fields cannot be trusted.
          if isDamaged {
            rowCount += 1
            continue
          }
          cells.withUnsafeMutableBufferPointer { row in
            add(row, cellOfColumn: positions, line: line, in: buffer)
          }
        }
      }
    }

    /// Whether reading found no error and compared every id by its bytes: then the rows can be
    /// merged with another part's by ``absorb(_:in:)``. (The warnings a row draws depend on
    /// that row alone, or, for an unknown gateway, are merged to one per id.)
    var canMerge: Bool {
      !log.hasErrors && !people.comparesStrings && !teams.comparesStrings
    }

    /// Adds the rows of `later`, an assembler of the rows that follow this one's in the same
    /// file, and its warnings; both must be able to merge (``canMerge``). Returns `false`,
    /// leaving this assembler unusable, when the two parts disagree about a person or a team
    /// (the caller then reads the file row by row, to report the conflict where it is).
    mutating func absorb(_ later: Assembler, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
      let personSlots = people.absorb(later.people, in: buffer)
      for (slot, line) in later.personLines.enumerated()
      where Int(personSlots[slot]) == personLines.count {
        personLines.append(line)
      }
      let teamSlots = teams.absorb(later.teams, in: buffer)
      for slot in later.teamLines.indices where Int(teamSlots[slot]) == teamLines.count {
        teamLines.append(later.teamLines[slot])
        teamColumns.append(later.teamColumns[slot])
      }
      guard names.absorb(later.names, mapping: personSlots),
        roles.absorb(later.roles, mapping: personSlots),
        departments.absorb(later.departments, mapping: personSlots),
        yearGroups.absorb(later.yearGroups, mapping: personSlots),
        staffTypes.absorb(later.staffTypes, mapping: personSlots),
        caps.absorb(later.caps, mapping: personSlots),
        teamNames.absorb(later.teamNames, mapping: teamSlots),
        gateways.absorb(later.gateways, mapping: teamSlots)
      else { return false }
      let rowsBefore = rowTeams.count
      for (flag, row) in zip(later.rowLeaders.values, later.rowLeaders.owners) {
        rowLeaders.set(flag, for: rowsBefore + Int(row))
      }
      rowTeams.append(contentsOf: later.rowTeams.lazy.map { teamSlots[Int($0)] })
      rowPeople.append(contentsOf: later.rowPeople.lazy.map { personSlots[Int($0)] })
      rowLines.append(contentsOf: later.rowLines)
      rowCount += later.rowCount
      log.append(later.log)
      for entry in later.gatewayWarnings where warnedGateways.insert(entry.id).inserted {
        gatewayWarnings.append(entry)
      }
      return true
    }

    /// Reads one data row (a record that is not blank and that the tokenizer did not damage).
    /// `cellOfColumn` is ``cellOfColumn``.
    private mutating func add(
      _ cells: UnsafeMutableBufferPointer<CSVCell>, cellOfColumn: UnsafeBufferPointer<Int>,
      line: Int, in buffer: UnsafeBufferPointer<UInt8>
    ) {
      rowCount += 1
      guard cells.count == columns.count else {
        let count = cells.count
        let extra = count > columns.count ? cells[columns.count] : nil
        log.error(
          "this row has \(count) field\(count == 1 ? "" : "s") but the header has "
            + "\(columns.count); "
            + (count > columns.count
              ? "there is an extra comma: put cells that contain commas in double quotes"
              : "a cell is missing: add the missing commas so every row has every column"),
          line: line, column: extra?.column)
        return
      }
      // Trim the cells of known columns, check their characters, and note where they are.
      var hasControl = false
      for position in cells.indices {
        guard let column = columns[position] else { continue }
        if let text = cells[position].text {
          let trimmed = trimmedCell(text)
          cells[position].text = trimmed
          if !cells[position].isPlainASCII,
            let scalar = IdentifierCheck.controlCharacter(in: trimmed)
          {
            log.error(
              IdentifierCheck.controlMessage(column.rawValue, scalar), line: cells[position].line,
              column: cells[position].column)
            hasControl = true
          }
        } else {
          // Printable ASCII: only spaces can surround it.
          while cells[position].start < cells[position].end,
            buffer[cells[position].start] == 0x20
          {
            cells[position].start += 1
          }
          while cells[position].end > cells[position].start,
            buffer[cells[position].end - 1] == 0x20
          {
            cells[position].end -= 1
          }
        }
      }
      if hasControl { return }
      func value(_ column: Column) -> CSVCell? {
        let position = cellOfColumn[column.ordinal]
        guard position >= 0, !cells[position].isEmpty else { return nil }
        return cells[position]
      }
      func text(_ cell: CSVCell) -> String { CSVRosterReader.text(of: cell, in: buffer) }

      let staffCell = value(.staffID)
      let teamCell = value(.team)
      if staffCell == nil, teamCell == nil {
        log.error(
          "this row has neither a staff_id nor a team; fill in at least one, or delete the row",
          line: line)
        return
      }
      // Each id is looked up once; the slot found serves the checks and the row below.
      let foundPerson = staffCell.map { people.find($0, in: buffer) }
      let foundTeam = teamCell.map { teams.find($0, in: buffer) }
      // Printable ASCII ids found by their bytes need no check; others may hide characters or
      // match a known id only after Unicode normalisation.
      if staffCell?.text != nil || teamCell?.text != nil || people.comparesStrings
        || teams.comparesStrings
      {
        let badPerson = hasBadID(
          .staffID, staffCell, people, foundPerson?.slot, personLines, buffer)
        let badTeam = hasBadID(.team, teamCell, teams, foundTeam?.slot, teamLines, buffer)
        if badPerson || badTeam { return }
      }

      var personOfRow: Int?
      if let staffCell, let found = foundPerson {
        let (slot, isNew) = people.slot(of: staffCell, found: found, in: buffer)
        if isNew { personLines.append(line) }
        personOfRow = slot
        readPersonCells(of: slot, value: value, buffer: buffer)
      } else if let first = Column.personColumns.lazy.compactMap({ value($0) }).first {
        log.warning(
          "this row has no staff_id, so it only declares its team; its person details are "
            + "ignored. Fill in staff_id if this row is about someone",
          line: first.line, column: first.column)
      }

      var isLeader: Bool?
      let roleCell = value(.teamRole)
      if let cell = roleCell {
        let word = text(cell)
        if let known = leaderOfText[word] {
          isLeader = known
        } else {
          let normalized = GatewayCatalog.normalize(word)
          if leaderWords.contains(normalized) {
            isLeader = true
          } else if memberWords.contains(normalized) {
            isLeader = false
          } else {
            log.error(
              "team_role must be 'leader' or 'member' (or blank for member); got '\(word)'",
              line: cell.line, column: cell.column)
          }
          if let isLeader { leaderOfText[word] = isLeader }
        }
        if teamCell == nil || staffCell == nil {
          log.warning(
            "team_role is ignored on a row without both a staff_id and a team", line: cell.line,
            column: cell.column)
        }
      }

      guard let teamCell, let found = foundTeam else {
        for column in [Column.gateway, .teamName] {
          if let cell = value(column) {
            log.warning(
              "\(column.rawValue) is ignored on a row with no team; fill in the team",
              line: cell.line, column: cell.column)
          }
        }
        return
      }
      let (team, isNewTeam) = teams.slot(of: teamCell, found: found, in: buffer)
      if isNewTeam {
        teamLines.append(line)
        teamColumns.append(teamCell.column)
      }
      if let cell = value(.teamName) {
        Self.agreeText(
          &teamNames, team, cell, "team_name", owner: "team", shown: true, buffer, &log)
      }
      if let cell = value(.gateway) {
        let name = text(cell)
        var gateway = gatewayOfText[name]
        if gateway == nil {
          var found = DiagnosticLog(file: log.file)
          let warnedBefore = warnedGateways.count
          gateway = CSVRosterReader.gateway(
            named: name, cell: cell, deeps: deeps, warned: &warnedGateways, log: &found)
          for error in found.errors { log.add(error) }
          if warnedGateways.count > warnedBefore, let warning = found.warnings.first {
            gatewayWarnings.append((GatewayCatalog.normalize(name), warning))
          }
          if let gateway { gatewayOfText[name] = gateway }
        }
        if let gateway {
          Self.agree(
            &gateways, team, sourced(gateway, cell), "gateway", "team", \.id, &log)
        }
      }
      guard let person = personOfRow else { return }
      if let isLeader, let cell = roleCell {
        rowLeaders.set(sourced(isLeader, cell), for: rowTeams.count)
      }
      rowTeams.append(Int32(truncatingIfNeeded: team))
      rowPeople.append(Int32(truncatingIfNeeded: person))
      rowLines.append(line)
    }

    /// Finds the distinct members of every team once every row is added: warns about a
    /// repeated membership (naming the line of its first row) and reports rows of one
    /// membership whose `team_role` cells conflict.
    /// - Complexity: O(R + T + S) for R rows, T teams and S people: a counting sort of the rows
    ///   by team, then one pass with a marker per person.
    mutating func finishMemberships() {
      for entry in gatewayWarnings { log.add(entry.warning) }
      gatewayWarnings = []
      let teamCount = teams.ids.count
      var offsets = [Int](repeating: 0, count: teamCount + 1)
      for team in rowTeams { offsets[Int(team) + 1] += 1 }
      for team in 0..<teamCount { offsets[team + 1] += offsets[team] }
      var next = offsets
      var rowsByTeam = [Int32](repeating: 0, count: rowTeams.count)
      for (row, team) in rowTeams.enumerated() {
        rowsByTeam[next[Int(team)]] = Int32(truncatingIfNeeded: row)
        next[Int(team)] += 1
      }
      // markedBy[person] is the team whose rows last met the person, firstRow[person] the row.
      var markedBy = [Int32](repeating: -1, count: people.ids.count)
      var firstRow = [Int32](repeating: 0, count: people.ids.count)
      memberOffsets = [0]
      memberOffsets.reserveCapacity(teamCount + 1)
      memberSlots.reserveCapacity(rowTeams.count)
      for team in 0..<teamCount {
        let team32 = Int32(truncatingIfNeeded: team)
        for index in offsets[team]..<offsets[team + 1] {
          let row = Int(rowsByTeam[index])
          let person = Int(rowPeople[row])
          let first: Int
          if markedBy[person] != team32 {
            markedBy[person] = team32
            firstRow[person] = Int32(truncatingIfNeeded: row)
            memberSlots.append(Int32(truncatingIfNeeded: person))
            first = row
          } else {
            first = Int(firstRow[person])
            log.warning(
              "repeated membership: line \(rowLines[first]) already puts this staff_id on "
                + "this team; counted once. Delete one of the rows",
              line: rowLines[row])
          }
          if let flag = rowLeaders[row] {
            Self.agree(
              &leaderFlags, first, flag, "team_role", "staff_id on this team",
              { $0 ? "leader" : "member" }, &log)
          }
        }
        memberOffsets.append(memberSlots.count)
      }
    }

    /// Reports an id with an invisible character, or one spelled with other bytes than the known
    /// id Swift finds equal to it (at `slot`, first seen on `firstLines[slot]`); whether it did.
    private mutating func hasBadID(
      _ column: Column, _ cell: CSVCell?, _ index: IDIndex, _ slot: Int?, _ firstLines: [Int],
      _ buffer: UnsafeBufferPointer<UInt8>
    ) -> Bool {
      guard let cell, cell.text != nil || index.comparesStrings else { return false }
      let id = CSVRosterReader.text(of: cell, in: buffer)
      var bad = false
      if !cell.isPlainASCII, let scalar = IdentifierCheck.invisibleCharacter(in: id) {
        log.error(
          IdentifierCheck.invisibleMessage(column.rawValue, scalar), line: cell.line,
          column: cell.column)
        bad = true
      }
      if let slot, IdentifierCheck.differInBytes(index.ids[slot], id) {
        log.error(
          IdentifierCheck.spellingMessage(column.rawValue, firstLine: firstLines[slot]),
          line: cell.line, column: cell.column)
        bad = true
      }
      return bad
    }

    /// Reads the cells that describe the person in `slot`.
    private mutating func readPersonCells(
      of slot: Int, value: (Column) -> CSVCell?, buffer: UnsafeBufferPointer<UInt8>
    ) {
      if let cell = value(.name) {
        Self.agreeText(&names, slot, cell, "name", owner: "staff_id", shown: false, buffer, &log)
      }
      if let cell = value(.role) {
        Self.agreeText(&roles, slot, cell, "role", owner: "staff_id", shown: false, buffer, &log)
      }
      if let cell = value(.department) {
        Self.agreeText(
          &departments, slot, cell, "department", owner: "staff_id", shown: false, buffer, &log)
      }
      if let cell = value(.yearGroup) {
        Self.agreeText(
          &yearGroups, slot, cell, "year_group", owner: "staff_id", shown: false, buffer, &log)
      }
      if let cell = value(.staffType) {
        let name = CSVRosterReader.text(of: cell, in: buffer)
        var type = staffTypeOfText[name]
        if type == nil {
          type = StaffTypeClassifier.staffType(named: name)
          if let type { staffTypeOfText[name] = type }
        }
        if let type {
          Self.agree(
            &staffTypes, slot, sourced(type, cell), "staff_type", "staff_id", \.rawValue, &log)
        } else {
          log.error(
            "unknown staff_type '\(name)'; use senior, middle, teacher or support "
              + "(or leave it blank to derive it from the role)",
            line: cell.line, column: cell.column)
        }
      }
      if let cell = value(.maxTeams) {
        let number = CSVRosterReader.text(of: cell, in: buffer)
        if let cap = Int(number), cap >= 1 {
          Self.agree(&caps, slot, sourced(cap, cell), "max_teams", "staff_id", { "\($0)" }, &log)
        } else {
          log.error(
            "max_teams must be a whole number of at least 1 (the most teams this person "
              + "should sit on); got '\(number)'. Leave it blank for no cap",
            line: cell.line, column: cell.column)
        }
      }
    }

    private func sourced<Value>(_ value: Value, _ cell: CSVCell) -> Sourced<Value> {
      Sourced(value: value, line: cell.line, column: cell.column)
    }

    /// Records a text value, or reports a conflict with the one an earlier row gave; a cell with
    /// the same bytes as the known value costs no `String`.
    private static func agreeText(
      _ store: inout SparseColumn<String>, _ owner: Int, _ cell: CSVCell, _ what: String,
      owner ownerWords: String, shown: Bool, _ buffer: UnsafeBufferPointer<UInt8>,
      _ log: inout DiagnosticLog
    ) {
      if let known = store[owner], CSVRosterReader.hasBytes(cell, of: known.value, in: buffer) {
        return
      }
      let value = Sourced(
        value: CSVRosterReader.text(of: cell, in: buffer), line: cell.line, column: cell.column)
      agree(&store, owner, value, what, ownerWords, shown ? { $0 } : nil, &log)
    }

    /// Records a value, or reports a conflict with the value given on an earlier row.
    ///
    /// `shown` words the values in the message; it is `nil` for personal data (a name, a role,
    /// a department, a year group), which a message never repeats. `ownerWords` says what the
    /// rows share ("staff_id", "team"), never the id itself.
    private static func agree<Value>(
      _ store: inout SparseColumn<Value>, _ owner: Int, _ new: Sourced<Value>, _ what: String,
      _ ownerWords: String, _ shown: ((Value) -> String)?, _ log: inout DiagnosticLog
    ) {
      guard let old = store[owner] else {
        store.set(new, for: owner)
        return
      }
      guard old.value != new.value else { return }
      let values = shown.map { " ('\($0(new.value))' here, '\($0(old.value))' there)" } ?? ""
      log.error(
        "conflicting \(what): line \(old.line) gives the same \(ownerWords) another "
          + "\(what)\(values); make the rows agree (or leave the cell blank on one of them)",
        line: new.line, column: new.column)
    }

    /// Whether some team has a member.
    var hasMemberships: Bool { !memberSlots.isEmpty }

    /// The roster the rows describe: staff and teams sorted by id, the warnings of the whole
    /// read. Call after ``finishMemberships()``, and only when the log has no errors.
    mutating func roster() -> Roster {
      // Without a team_role column no team has a leader: say so once, not once per team.
      if !hasTeamRoleColumn, hasMemberships {
        log.warning(
          "the roster has no team_role column, so no team has a leader; add a team_role column "
            + "and put 'leader' on each leader's row (Vacher: the leader should not be the link)",
          line: headerLine)
      }
      let personIDs = people.ids
      let teamIDs = teams.ids
      let (staffOrder, teamOrder) = Parallel.both(
        { ByteOrder.sortedIndices(personIDs) }, { ByteOrder.sortedIndices(teamIDs) })
      var positionOfSlot = [Int32](repeating: 0, count: staffOrder.count)
      for (position, slot) in staffOrder.enumerated() {
        positionOfSlot[slot] = Int32(truncatingIfNeeded: position)
      }
      var leadersOfTeam: [Int: [Int32]] = [:]
      for (flag, row) in zip(leaderFlags.values, leaderFlags.owners) where flag.value {
        leadersOfTeam[Int(rowTeams[Int(row)]), default: []].append(
          positionOfSlot[Int(rowPeople[Int(row)])])
      }
      if hasTeamRoleColumn {
        for team in teamOrder
        where leadersOfTeam[team] == nil && memberOffsets[team] < memberOffsets[team + 1] {
          log.warning(
            "this team has no leader; put 'leader' in the team_role column of its leader's row",
            line: teamLines[team], column: teamColumns[team])
        }
      }
      // The staff and the teams are built on two cores.
      let drafts = self
      let slots = positionOfSlot
      let leaders = leadersOfTeam
      let (staff, (builtTeams, positions)) = Parallel.both(
        { drafts.staffMembers(in: staffOrder) },
        {
          drafts.teams(
            in: teamOrder, staffOrder: staffOrder, positionOfSlot: slots, leaders: leaders)
        })
      return Roster(
        sortedStaff: staff, sortedTeams: builtTeams, memberPositions: positions, deeps: deeps,
        warnings: log.finalWarnings)
    }

    /// The staff, in the order `order` gives their slots.
    private func staffMembers(in order: [Int]) -> [StaffMember] {
      // Job titles repeat ("Teacher of Maths"): classify each distinct one once (and the same
      // one as the last person's without a lookup).
      var typeOfRole: [String: StaffType] = [:]
      var last: (role: String, type: StaffType)?
      // A roster of ids and teams only: every person has the defaults.
      if names.values.isEmpty, roles.values.isEmpty, staffTypes.values.isEmpty,
        departments.values.isEmpty, yearGroups.values.isEmpty, caps.values.isEmpty
      {
        let type = StaffTypeClassifier.staffType(forRole: "") ?? .teacher
        return order.map { StaffMember(id: people.ids[$0], staffType: type) }
      }
      return order.map { slot in
        let role = roles[slot]?.value ?? ""
        var type = staffTypes[slot]?.value
        if type == nil {
          if let last, last.role == role {
            type = last.type
          } else if let known = typeOfRole[role] {
            type = known
          } else {
            let derived = StaffTypeClassifier.staffType(forRole: role) ?? .teacher
            typeOfRole[role] = derived
            type = derived
          }
          last = (role, type ?? .teacher)
        }
        return StaffMember(
          id: people.ids[slot], name: names[slot]?.value, role: role,
          staffType: type ?? .teacher, department: departments[slot]?.value,
          yearGroup: yearGroups[slot]?.value, maxTeams: caps[slot]?.value)
      }
    }

    /// The teams, in the order `order` gives their slots, and each one's members' positions
    /// among the staff sorted as `staffOrder` gives their slots.
    private func teams(
      in order: [Int], staffOrder: [Int], positionOfSlot: [Int32], leaders: [Int: [Int32]]
    ) -> ([Team], [[Int32]]) {
      var builtTeams: [Team] = []
      var positions: [[Int32]] = []
      builtTeams.reserveCapacity(order.count)
      positions.reserveCapacity(order.count)
      let ids = people.ids
      for team in order {
        let memberPositions = memberSlots[memberOffsets[team]..<memberOffsets[team + 1]]
          .map { positionOfSlot[Int($0)] }.sorted()
        let leaderPositions = (leaders[team] ?? []).sorted()
        builtTeams.append(
          Team(
            id: teams.ids[team], name: teamNames[team]?.value, gateway: gateways[team]?.value,
            sortedMembers: memberPositions.map { ids[staffOrder[Int($0)]] },
            sortedLeaders: leaderPositions.map { ids[staffOrder[Int($0)]] }))
        positions.append(memberPositions)
      }
      return (builtTeams, positions)
    }

    /// The header's line, for the warning about a missing `team_role` column.
    var headerLine = 1
  }
}
