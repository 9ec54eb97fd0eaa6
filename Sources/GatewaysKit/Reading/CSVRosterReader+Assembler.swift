import Foundation
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
    /// Whether the rows are a grid, and its team columns (positions and header cells).
    let isGrid: Bool
    private let teamPositions: [Int]
    private let teamHeaders: [CSVCell]
    private let teamHeaderTexts: [String]
    /// Whether a cell of each position is read (a known column, or a grid's team).
    private let isRead: [Bool]
    /// Whether team cells are taken whole (`--layout long`), not split into lists.
    private let splitsLists: Bool
    /// The positions of the forename and surname read where the preferred ones are blank, or -1.
    private let forenameFallback: Int
    private let surnameFallback: Int
    /// The layout `--layout` gave, if any.
    private let forcedLayout: RosterLayout?
    /// Whether each team of a list cell is placed at its own column, and the source's words for
    /// a team with no leader (see ``ColumnMap``).
    private let placesListParts: Bool
    private let leaderHint: String?
    /// Whether some team cell listed several teams, or marked a leader (the list layout).
    private(set) var sawList = false
    /// Whether some team cell of a list marked a leader or a member.
    private(set) var sawMarker = false
    /// The teams of the row being read.
    private var entries: [TeamEntry] = []
    /// The texts of the row being read that are not ranges of the bytes (see ``CSVCell``).
    private var texts: [String] = []
    /// People and teams already warned about for an id written in another case.
    private var warnedCase: Set<Int> = []
    private var warnedTeamCase: Set<Int> = []
    /// Whether some id matched one written in another case (the halves then do not merge).
    private(set) var sawCaseDifference = false
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
    private var roles = TextColumn()
    private var departments = TextColumn()
    private var yearGroups = TextColumn()
    private var staffTypes = SparseColumn<StaffType>()
    private var caps = SparseColumn<Int>()
    /// People whose `suggestable` cell says no (or yes).
    private var suggestables = SparseColumn<Bool>()

    // Teams, by slot (order first seen).
    private var teams: IDIndex
    private var teamLines: [Int] = []
    private var teamPlaces: [TeamPlace] = []
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
    /// Whether a person leads a team, by the membership's place in `memberSlots` (so the
    /// flags are set in order, and the column is dense when every row has a team_role).
    private var leaderFlags = SparseColumn<Bool>()

    /// Answers for cell texts that repeat from row to row, which draw no diagnostic of their
    /// own: the trust reader lends one set to each school's assembler in turn
    /// (``addRecord(_:texts:line:isDamaged:in:caches:)``), so the schools of a file share them.
    struct SharedCaches: Sendable {
      var roleTexts = TextCache()
      var departmentTexts = TextCache()
      var yearGroupTexts = TextCache()
      var staffTypeOfText = CellMemo<StaffType>()
      /// Gateways the catalog knows (a custom one is remembered per assembler, which warns
      /// about it once).
      var knownGatewayOfText = CellMemo<Gateway>()
      var leaderOfText = CellMemo<Bool>()
    }
    private var caches = SharedCaches()
    /// Names and team names seldom repeat from one person or team to the next.
    private var nameTexts = TextCache(isEnabled: false)
    private var teamNameTexts = TextCache(isEnabled: false)
    /// Custom gateways (see ``SharedCaches/knownGatewayOfText``).
    private var gatewayOfText = CellMemo<Gateway>()
    private var warnedGateways: Set<String> = []
    /// The warning about each unknown gateway (once per id, at its first row), kept out of the
    /// log until ``finishMemberships()`` so that merged parts warn once.
    private var gatewayWarnings: [(id: String, warning: Diagnostic)] = []

    /// The position in the row of each known column's cell (by ``Column/ordinal``), or -1.
    private let cellOfColumn: [Int]
    /// The positions of the cells ``readPersonCells(of:value:fallback:buffer:)`` reads.
    private let personPositions: [Int]
    /// The person of the last row whose person cells drew no diagnostic (or -1), and those
    /// cells, by ``personPositions`` (with their texts, when they have their own): a next row
    /// of that person with the same bytes in them would change nothing, so it skips them.
    private var lastPerson = -1
    private var lastPersonCells: [CSVCell]
    private var lastPersonTexts: [String]

    /// Creates an assembler for rows under a header that `map` describes; `expectedRows` (and
    /// `expectedPeople`, by default half of them, and `expectedTeams`, by default an eighth) size
    /// the tables up front, and the people's
    /// columns get room for `reservedPeople` (by default `expectedPeople`), the rows' for
    /// `reservedRows` (by default `expectedRows`: room that is never used costs address space,
    /// not memory); with `exactIDs`, ids that differ only in case are different people or teams.
    init(
      map: ColumnMap, deeps: DeepMapping, log: DiagnosticLog, exactIDs: Bool = false,
      expectedRows: Int, expectedPeople: Int? = nil, reservedPeople: Int? = nil,
      reservedRows: Int? = nil, expectedTeams: Int? = nil
    ) {
      let columns = map.columns
      self.columns = columns
      self.hasTeamRoleColumn = columns.contains(.teamRole)
      isGrid = map.isGrid
      teamPositions = map.teamPositions
      teamHeaders = map.teamHeaders
      teamHeaderTexts = map.teamHeaderTexts
      var isRead = columns.map { $0 != nil }
      for position in map.teamPositions { isRead[position] = true }
      for position in map.fallbacks.values { isRead[position] = true }
      forenameFallback = map.fallbacks[.forename] ?? -1
      surnameFallback = map.fallbacks[.surname] ?? -1
      self.isRead = isRead
      splitsLists = map.forcedLayout != .long
      forcedLayout = map.forcedLayout
      placesListParts = map.placesListParts
      leaderHint = map.leaderHint
      self.deeps = deeps
      self.log = log
      let expectedPersons = expectedPeople ?? expectedRows / 2
      people = IDIndex(
        expectedCount: expectedPersons, reserving: reservedPeople ?? expectedPersons,
        exactCase: exactIDs)
      let expectedTeamCount = expectedTeams ?? expectedRows / 8
      teams = IDIndex(expectedCount: expectedTeamCount, exactCase: exactIDs)
      let reservedRowCount = max(reservedRows ?? expectedRows, expectedRows)
      rowTeams.reserveCapacity(reservedRowCount)
      rowPeople.reserveCapacity(reservedRowCount)
      rowLines.reserveCapacity(reservedRowCount)
      var cellOfColumn = [Int](repeating: -1, count: Column.allCases.count)
      for (position, column) in columns.enumerated() {
        if let column { cellOfColumn[column.ordinal] = position }
      }
      self.cellOfColumn = cellOfColumn
      personPositions =
        (Column.personColumns.map { cellOfColumn[$0.ordinal] }
        + [forenameFallback, surnameFallback]).filter { $0 >= 0 }
      lastPersonCells = Array(
        repeating: CSVCell(start: 0, end: 0, line: 0, column: 0, isPlainASCII: true),
        count: personPositions.count)
      lastPersonTexts = Array(repeating: "", count: personPositions.count)
      // The columns the header has get a value for about every person (or team, or row): room
      // for them now, so they seldom grow (and copy) as they fill.
      func has(_ column: Column) -> Bool { cellOfColumn[column.ordinal] >= 0 }
      let reservedPersons = max(reservedPeople ?? expectedPersons, expectedPersons)
      personLines.reserveCapacity(reservedPersons)
      if has(.name) || has(.forename) || has(.surname) { names.reserve(owners: reservedPersons) }
      if has(.role) { roles.reserve(owners: reservedPersons) }
      if has(.department) { departments.reserve(owners: reservedPersons) }
      if has(.yearGroup) { yearGroups.reserve(owners: reservedPersons) }
      if has(.staffType) { staffTypes.reserve(owners: reservedPersons) }
      if has(.maxTeams) { caps.reserve(owners: reservedPersons) }
      if has(.suggestable) { suggestables.reserve(owners: reservedPersons) }
      if has(.teamName) { teamNames.reserve(owners: expectedTeamCount) }
      if has(.gateway) { gateways.reserve(owners: expectedTeamCount) }
      if has(.teamRole) { rowLeaders.reserve(owners: reservedRowCount) }
    }

    /// Reads every remaining record of `parser`, skipping blank lines.
    mutating func addRows<Rows: RosterRowSource>(
      from parser: inout Rows, in buffer: UnsafeBufferPointer<UInt8>
    ) {
      var cells: [CSVCell] = []
      // Rows are handed over as buffers, so reading one costs no reference counting.
      let positions = cellOfColumn
      positions.withUnsafeBufferPointer { positions in
        while let (line, isDamaged) = parser.nextRecord(into: &cells, texts: &texts) {
          // A blank line, or a row of empty cells (Excel's `,,,,`), is skipped.
          if cells[0].isEmpty || Self.isBlank(cells[0], buffer, texts),
            cells.allSatisfy({ $0.isEmpty || Self.isBlank($0, buffer, texts) })
          {
            continue
          }
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

    /// Reads one record that is not blank, as ``addRows(from:in:)`` reads each: for the trust
    /// reader, which hands each school's rows (and their texts) to that school's own assembler.
    mutating func addRecord(
      _ cells: inout [CSVCell], texts rowTexts: [String], line: Int, isDamaged: Bool,
      in buffer: UnsafeBufferPointer<UInt8>, caches shared: inout SharedCaches
    ) {
      if isDamaged {
        rowCount += 1
        return
      }
      texts = rowTexts
      swap(&caches, &shared)
      defer { swap(&caches, &shared) }
      cellOfColumn.withUnsafeBufferPointer { positions in
        cells.withUnsafeMutableBufferPointer { row in
          add(row, cellOfColumn: positions, line: line, in: buffer)
        }
      }
    }

    /// Whether reading found no error and compared every id by its bytes: then the rows can be
    /// merged with another part's by ``absorb(_:in:)``. (The warnings a row draws depend on
    /// that row alone, or, for an unknown gateway, are merged to one per id.)
    var canMerge: Bool {
      !log.hasErrors && !people.comparesStrings && !teams.comparesStrings && !sawCaseDifference
    }

    /// The layout the rows had: as forced, a grid, or a list when a cell listed teams.
    var layout: RosterLayout {
      if let forced = forcedLayout { return forced }
      return isGrid ? .grid : sawList ? .list : .long
    }

    /// Adds the rows of `later`, an assembler of the rows that follow this one's in the same
    /// file, and its warnings; both must be able to merge (``canMerge``). Returns `false`,
    /// leaving this assembler unusable, when the two parts disagree about a person or a team
    /// (the caller then reads the file row by row, to report the conflict where it is).
    ///
    /// A large merge runs on two cores: the people's ids beside the teams' ids and the rows,
    /// then what the rows say about the people, in two groups of columns. Each piece of `later`
    /// is let go as soon as it is merged.
    /// - Complexity: O(P + T + R) for the people, teams and rows of `later`.
    mutating func absorb(_ later: consuming Assembler, in buffer: UnsafeBufferPointer<UInt8>)
      -> Bool
    {
      lastPerson = -1
      let bytes = SharedBytes(buffer: buffer)
      let parallel = people.ids.count + later.people.ids.count >= Self.parallelBuildThreshold
      func both<A: Sendable, B: Sendable>(
        _ first: @Sendable () -> A, _ second: @Sendable () -> B
      ) -> (A, B) {
        parallel ? Parallel.both(first, second) : (first(), second())
      }
      // Each side's own columns are handed over whole (so they are changed in place, with no
      // copy), and `later`'s too (so they are let go on the core that merged them).
      let noIndex = IDIndex(expectedCount: 0)
      let people = Handoff((swapOut(&self.people, noIndex), swapOut(&personLines, [])))
      let laterPeople = Handoff(
        (swapOut(&later.people, noIndex), swapOut(&later.personLines, [])))
      let teams = Handoff(
        (
          swapOut(&self.teams, noIndex), swapOut(&teamLines, []), swapOut(&teamPlaces, []),
          swapOut(&teamNames, SparseColumn()), swapOut(&gateways, SparseColumn()),
          swapOut(&rowTeams, []), swapOut(&rowLines, []), swapOut(&rowLeaders, SparseColumn())
        ))
      let laterTeams = Handoff(
        (
          swapOut(&later.teams, noIndex), swapOut(&later.teamLines, []),
          swapOut(&later.teamPlaces, []), swapOut(&later.teamNames, SparseColumn()),
          swapOut(&later.gateways, SparseColumn()), swapOut(&later.rowTeams, []),
          swapOut(&later.rowLines, []), swapOut(&later.rowLeaders, SparseColumn())
        ))
      // The ids: the people on one core; the teams, and the rows (which need only the teams'
      // slots), on the other.
      let (peopleOut, teamsOut) = both(
        {
          var (index, lines) = people.take()
          let (laterIndex, laterLines) = laterPeople.take()
          let slots = index.absorb(laterIndex, in: bytes.buffer)
          if let slots {
            lines.reserveCapacity(lines.count + laterLines.count)
            for (slot, line) in laterLines.enumerated() where Int(slots[slot]) == lines.count {
              lines.append(line)
            }
          }
          return (index, lines, slots)
        },
        {
          var (index, lines, columns, names, gateways, rowTeams, rowLines, rowLeaders) =
            teams.take()
          let (
            laterIndex, laterLines, laterColumns, laterNames, laterGateways, laterRowTeams,
            laterRowLines, laterRowLeaders
          ) = laterTeams.take()
          var slots = index.absorb(laterIndex, in: bytes.buffer)
          if let known = slots {
            for slot in laterLines.indices where Int(known[slot]) == lines.count {
              lines.append(laterLines[slot])
              columns.append(laterColumns[slot])
            }
            if !names.absorb(laterNames, mapping: known)
              || !gateways.absorb(laterGateways, mapping: known)
            {
              slots = nil
            }
            let rowsBefore = rowTeams.count
            rowLeaders.append(laterRowLeaders, shiftedBy: rowsBefore)
            rowTeams.append(contentsOf: laterRowTeams.lazy.map { known[Int($0)] })
            rowLines.append(contentsOf: laterRowLines)
          }
          return (index, lines, columns, names, gateways, rowTeams, rowLines, rowLeaders, slots)
        })
      (self.people, personLines) = (peopleOut.0, peopleOut.1)
      (self.teams, teamLines, teamPlaces, teamNames, gateways) = (
        teamsOut.0, teamsOut.1, teamsOut.2, teamsOut.3, teamsOut.4
      )
      (rowTeams, rowLines, rowLeaders) = (teamsOut.5, teamsOut.6, teamsOut.7)
      guard let personSlots = peopleOut.2, teamsOut.8 != nil else { return false }
      // What the rows say about the people, in two groups of columns, one per core.
      let first = Handoff(
        (
          swapOut(&names, SparseColumn()), swapOut(&roles, TextColumn()),
          swapOut(&departments, TextColumn()), swapOut(&rowPeople, [])
        ))
      let laterFirst = Handoff(
        (
          swapOut(&later.names, SparseColumn()), swapOut(&later.roles, TextColumn()),
          swapOut(&later.departments, TextColumn()), swapOut(&later.rowPeople, [])
        ))
      let second = Handoff(
        (
          swapOut(&yearGroups, TextColumn()), swapOut(&staffTypes, SparseColumn()),
          swapOut(&caps, SparseColumn()), swapOut(&suggestables, SparseColumn())
        ))
      let laterSecond = Handoff(
        (
          swapOut(&later.yearGroups, TextColumn()), swapOut(&later.staffTypes, SparseColumn()),
          swapOut(&later.caps, SparseColumn()), swapOut(&later.suggestables, SparseColumn())
        ))
      let (firstOut, secondOut) = both(
        {
          var (names, roles, departments, rowPeople) = first.take()
          let (laterNames, laterRoles, laterDepartments, laterRowPeople) = laterFirst.take()
          let agrees =
            names.absorb(laterNames, mapping: personSlots)
            && roles.absorb(laterRoles, mapping: personSlots)
            && departments.absorb(laterDepartments, mapping: personSlots)
          rowPeople.append(contentsOf: laterRowPeople.lazy.map { personSlots[Int($0)] })
          return (names, roles, departments, rowPeople, agrees)
        },
        {
          var (yearGroups, staffTypes, caps, suggestables) = second.take()
          let (laterYearGroups, laterStaffTypes, laterCaps, laterSuggestables) =
            laterSecond.take()
          let agrees =
            yearGroups.absorb(laterYearGroups, mapping: personSlots)
            && staffTypes.absorb(laterStaffTypes, mapping: personSlots)
            && caps.absorb(laterCaps, mapping: personSlots)
            && suggestables.absorb(laterSuggestables, mapping: personSlots)
          return (yearGroups, staffTypes, caps, suggestables, agrees)
        })
      (names, roles, departments, rowPeople) = (firstOut.0, firstOut.1, firstOut.2, firstOut.3)
      (yearGroups, staffTypes, caps, suggestables) = (
        secondOut.0, secondOut.1, secondOut.2, secondOut.3
      )
      guard firstOut.4, secondOut.4 else { return false }
      sawList = sawList || later.sawList
      sawMarker = sawMarker || later.sawMarker
      rowCount += later.rowCount
      log.append(later.log)
      for entry in later.gatewayWarnings where warnedGateways.insert(entry.id).inserted {
        gatewayWarnings.append(entry)
      }
      return true
    }

    /// One team a row puts its person on (or declares): the cell holding the team's id (for a
    /// grid, the column's header) and what the row says about leading it.
    struct TeamEntry: Sendable {
      var cell: CSVCell
      var leader: Sourced<Bool>?
    }

    /// The header cell of the grid's `index`-th team column, as a cell of the row being read.
    private mutating func teamHeader(_ index: Int) -> CSVCell {
      var cell = teamHeaders[index]
      if cell.hasText { cell.setText(teamHeaderTexts[cell.textIndex], in: &texts) }
      return cell
    }

    /// Whether UTF-8 `bytes` (not empty) start or end with a scalar the reader trims.
    static func startsOrEndsWithWhiteSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      func scalar(at start: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[start])
        var value: UInt32
        var count: Int
        switch lead {
        case ..<0x80: return Unicode.Scalar(UInt8(lead))
        case ..<0xE0: (value, count) = (lead & 0x1F, 1)
        case ..<0xF0: (value, count) = (lead & 0x0F, 2)
        default: (value, count) = (lead & 0x07, 3)
        }
        var index = start + 1
        while count > 0, index < bytes.count {
          value = value << 6 | UInt32(bytes[index] & 0x3F)
          index += 1
          count -= 1
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
      }
      var last = bytes.count - 1
      while last > 0, bytes[last] & 0xC0 == 0x80 { last -= 1 }
      return isWhiteSpace(scalar(at: 0)) || isWhiteSpace(scalar(at: last))
    }

    /// Whether a cell holds nothing but spaces and tabs.
    static func isBlank(
      _ cell: CSVCell, _ buffer: UnsafeBufferPointer<UInt8>, _ texts: [String]
    ) -> Bool {
      if cell.hasText { return texts[cell.textIndex].allSatisfy { $0 == " " || $0 == "\t" } }
      var index = cell.start
      while index < cell.end {
        if buffer[index] != 0x20, buffer[index] != 0x09 { return false }
        index += 1
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
              ? "there is an extra separator: put cells that contain one in double quotes"
              : "a cell is missing: add the missing separators so every row has every column"),
          line: line, column: extra?.column)
        return
      }
      // Trim the cells that are read, check their characters, and note where they are.
      var hasControl = false
      for position in cells.indices where isRead[position] {
        var control: Unicode.Scalar?
        if cells[position].hasText {
          let trimmed = trimmedCell(texts[cells[position].textIndex])
          if trimmed.isEmpty {
            cells[position].textIndex = -1
            cells[position].end = cells[position].start
          } else {
            texts[cells[position].textIndex] = trimmed
          }
          if !cells[position].isPlainASCII {
            control = IdentifierCheck.controlCharacter(in: trimmed)
          }
        } else if !cells[position].isPlainASCII {
          // UTF-8 that is not printable ASCII: trimmed of Unicode white space (seldom any),
          // then checked, byte by byte, for control characters.
          let cell = cells[position]
          if cell.start < cell.end,
            Self.startsOrEndsWithWhiteSpace(
              UnsafeBufferPointer(rebasing: buffer[cell.start..<cell.end]))
          {
            let trimmed = trimmedCell(CSVRosterReader.text(of: cell, in: buffer, texts: texts))
            cells[position].start = cell.end
            cells[position].setText(trimmed, in: &texts)
            control = IdentifierCheck.controlCharacter(in: trimmed)
          } else {
            control = IdentifierCheck.controlCharacter(
              inUTF8: UnsafeBufferPointer(rebasing: buffer[cell.start..<cell.end]))
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
        if let scalar = control {
          log.error(
            IdentifierCheck.controlMessage(
              columns[position]?.rawValue ?? "a team's mark", scalar),
            line: cells[position].line, column: cells[position].column)
          hasControl = true
        }
      }
      if hasControl { return }
      func value(_ column: Column) -> CSVCell? {
        let position = cellOfColumn[column.ordinal]
        guard position >= 0, !cells[position].isEmpty else { return nil }
        return cells[position]
      }
      func text(_ cell: CSVCell) -> String {
        CSVRosterReader.text(of: cell, in: buffer, texts: texts)
      }

      let staffCell = value(.staffID)
      // The teams of this row: a grid's marked columns, or the team cell (a list of teams
      // unless --layout long).
      entries.removeAll(keepingCapacity: true)
      var roleCell: CSVCell?
      if isGrid {
        for (index, position) in teamPositions.enumerated() {
          let cell = cells[position]
          if cell.isEmpty { continue }
          switch CSVRosterReader.gridMark(cell, in: buffer, texts: texts) {
          case nil:
            log.error(
              "'\(shown(text(cell)))' is not a mark; mark a member Y (or X, 1, member) and a "
                + "leader L (or leader), and leave the cell blank for someone not on the team",
              line: cell.line, column: cell.column)
          case .none?: break
          case .member?:
            entries.append(TeamEntry(cell: teamHeader(index), leader: sourced(false, cell)))
          case .leader?:
            entries.append(TeamEntry(cell: teamHeader(index), leader: sourced(true, cell)))
          }
        }
      } else {
        var isLeader: Sourced<Bool>?
        roleCell = value(.teamRole)
        if let cell = roleCell {
          let (known, hash) = caches.leaderOfText.lookup(cell, in: buffer, texts: texts)
          if let known {
            isLeader = sourced(known, cell)
          } else {
            let word = text(cell)
            let normalized = GatewayCatalog.normalize(word)
            if leaderWords.contains(normalized) {
              isLeader = sourced(true, cell)
            } else if memberWords.contains(normalized) {
              isLeader = sourced(false, cell)
            } else {
              log.error(
                "team_role must be 'leader' or 'member' (or blank for member); got '\(word)'",
                line: cell.line, column: cell.column)
            }
            if let isLeader {
              caches.leaderOfText.remember(
                isLeader.value, for: cell, hash: hash, in: buffer, texts: texts)
            }
          }
        }
        if let teamCell = value(.team) {
          if splitsLists {
            appendListEntries(teamCell, leader: isLeader, in: buffer)
          } else {
            entries.append(TeamEntry(cell: teamCell, leader: isLeader))
          }
        }
      }
      if staffCell == nil, entries.isEmpty {
        log.error(
          isGrid
            ? "this row has no staff_id; fill it in, or delete the row"
            : "this row has neither a staff_id nor a team; fill in at least one, or delete the row",
          line: line)
        return
      }
      if let cell = roleCell, entries.isEmpty || staffCell == nil {
        log.warning(
          "team_role is ignored on a row without both a staff_id and a team", line: cell.line,
          column: cell.column)
      }

      // The person: looked up once, checked, then added.
      var personOfRow: Int?
      if let staffCell {
        let found = people.find(staffCell, in: buffer, texts: texts)
        if hasBadID(.staffID, staffCell, found, line: line, in: buffer) {
          // Check the teams too, so one run reports every problem of the row.
          for entry in entries {
            let found = teams.find(entry.cell, in: buffer, texts: texts)
            _ = hasBadID(.team, entry.cell, found, line: line, in: buffer)
          }
          return
        }
        let (slot, isNew) = people.slot(
          of: staffCell, found: found, in: buffer, texts: texts)
        if isNew { personLines.append(line) }
        personOfRow = slot
        func fallback(_ position: Int) -> CSVCell? {
          position >= 0 && !cells[position].isEmpty ? cells[position] : nil
        }
        if isNew || slot != lastPerson || !hasLastPersonCells(cells, in: buffer) {
          let diagnostics = log.errors.count + log.warnings.count
          readPersonCells(of: slot, value: value, fallback: fallback, buffer: buffer)
          if log.errors.count + log.warnings.count == diagnostics {
            rememberPersonCells(of: slot, cells)
          } else {
            lastPerson = -1
          }
        }
      } else if let first = Column.personColumns.lazy.compactMap({ value($0) }).first {
        log.warning(
          "this row has no staff_id, so it only declares its team; its person details are "
            + "ignored. Fill in staff_id if this row is about someone",
          line: first.line, column: first.column)
      }

      if entries.isEmpty {
        for column in Column.teamColumns {
          if let cell = value(column) {
            log.warning(
              "\(column.rawValue) is ignored on a row with no team; fill in the team",
              line: cell.line, column: cell.column)
          }
        }
        return
      }
      let gatewayCell = value(.gateway)
      let teamNameCell = value(.teamName)
      for entry in entries {
        let teamCell = entry.cell
        let found = teams.find(teamCell, in: buffer, texts: texts)
        if hasBadID(.team, teamCell, found, line: line, in: buffer) { continue }
        let (team, isNewTeam) = teams.slot(of: teamCell, found: found, in: buffer, texts: texts)
        if isNewTeam {
          teamLines.append(isGrid ? teamCell.line : line)
          teamPlaces.append(TeamPlace(column: teamCell.column))
        }
        if let cell = teamNameCell {
          Self.agreeText(
            &teamNames, team, cell, "team_name", owner: "team", shown: true, buffer, texts,
            &log, cache: &teamNameTexts)
        }
        if let cell = gatewayCell, !hasGatewayBytes(cell, of: team, in: buffer) {
          let errors = log.errors.count
          readGateway(cell, of: team, in: buffer)
          if log.errors.count == errors, !cell.hasText, cell.start < cell.end,
            gateways.hasValue(team)
          {
            teamPlaces[team].gatewayBytes = cell.start..<cell.end
          }
        }
        guard let person = personOfRow else { continue }
        if let leader = entry.leader { rowLeaders.set(leader, for: rowTeams.count) }
        rowTeams.append(Int32(truncatingIfNeeded: team))
        rowPeople.append(Int32(truncatingIfNeeded: person))
        rowLines.append(line)
      }
    }

    /// Where a team was first seen, and the bytes of the gateway cell that gave it its gateway
    /// (empty until one did): a later row of the team with the same bytes there would change
    /// nothing, so its gateway cell is not looked up again.
    struct TeamPlace: Sendable {
      /// The column of the team's first cell.
      var column: Int
      /// The bytes of the gateway cell known to name the team's gateway.
      var gatewayBytes: Range<Int> = 0..<0
    }

    /// Whether `cell` holds the bytes of the gateway cell that gave `team` its gateway.
    @inline(__always)
    private func hasGatewayBytes(
      _ cell: CSVCell, of team: Int, in buffer: UnsafeBufferPointer<UInt8>
    ) -> Bool {
      let known = teamPlaces[team].gatewayBytes
      let count = cell.end - cell.start
      guard !cell.hasText, !known.isEmpty, known.count == count, let base = buffer.baseAddress
      else { return false }
      return known.lowerBound == cell.start
        || memcmp(base + known.lowerBound, base + cell.start, count) == 0
    }

    /// Reads a gateway cell for `team`.
    private mutating func readGateway(
      _ cell: CSVCell, of team: Int, in buffer: UnsafeBufferPointer<UInt8>
    ) {
      let (known, hash) = caches.knownGatewayOfText.lookup(cell, in: buffer, texts: texts)
      var gateway = known ?? gatewayOfText.lookup(cell, in: buffer, texts: texts).0
      if gateway == nil {
        let name = CSVRosterReader.text(of: cell, in: buffer, texts: texts)
        // Both tables hash alike, so `hash` serves either.
        if let standard = GatewayCatalog.resolve(name) {
          caches.knownGatewayOfText.remember(
            standard, for: cell, hash: hash, in: buffer, texts: texts)
          Self.agree(&gateways, team, sourced(standard, cell), "gateway", "team", \.id, &log)
          return
        }
        var found = DiagnosticLog(file: log.file)
        let warnedBefore = warnedGateways.count
        gateway = CSVRosterReader.gateway(
          named: name, cell: cell, deeps: deeps, warned: &warnedGateways, log: &found)
        for error in found.errors { log.add(error) }
        if warnedGateways.count > warnedBefore, let warning = found.warnings.first {
          gatewayWarnings.append((GatewayCatalog.normalize(name), warning))
        }
        if let gateway {
          gatewayOfText.remember(gateway, for: cell, hash: hash, in: buffer, texts: texts)
        }
      }
      if let gateway {
        Self.agree(&gateways, team, sourced(gateway, cell), "gateway", "team", \.id, &log)
      }
    }

    /// Adds the teams a team cell lists to ``entries``: one team, or several separated by `;`
    /// or `|`, each marked as led by `*` before it or `(leader)` after it (`(member)` for a
    /// member); an unmarked team takes `leader`, what the row's team_role cell says.
    private mutating func appendListEntries(
      _ cell: CSVCell, leader: Sourced<Bool>?, in buffer: UnsafeBufferPointer<UInt8>
    ) {
      if !cell.hasText {
        // Most cells hold one plain team: nothing to split or unmark.
        let first = buffer[cell.start]
        let last = buffer[cell.end - 1]
        var plain = first != 0x2A && last != 0x29
        var index = cell.start
        while plain, index < cell.end {
          if buffer[index] == 0x3B || buffer[index] == 0x7C { plain = false }
          index += 1
        }
        if plain {
          entries.append(TeamEntry(cell: cell, leader: leader))
          return
        }
        Self.listParts(UnsafeBufferPointer(rebasing: buffer[cell.start..<cell.end])) {
          start, end, scalars, marker in
          var part = cell
          part.start = cell.start + start
          part.end = cell.start + end
          if placesListParts { part.column = cell.column + scalars }
          addPart(part, marker)
        }
      } else {
        var text = texts[cell.textIndex]
        text.withUTF8 { bytes in
          Self.listParts(bytes) { start, end, scalars, marker in
            var part = cell
            part.setText(
              String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self),
              in: &texts)
            if placesListParts { part.column = cell.column + scalars }
            addPart(part, marker)
          }
        }
      }
      func addPart(_ part: CSVCell, _ marker: Bool?) {
        if let marker {
          sawMarker = true
          entries.append(TeamEntry(cell: part, leader: sourced(marker, part)))
        } else {
          entries.append(TeamEntry(cell: part, leader: leader))
        }
      }
      sawList = true
    }

    /// Calls `part` with each team a list cell's bytes hold: its start and end offsets, the
    /// scalars before it, and its marker (`true` for a leader, `false` for `(member)`, `nil`).
    static func listParts(
      _ bytes: UnsafeBufferPointer<UInt8>, _ part: (Int, Int, Int, Bool?) -> Void
    ) {
      var start = 0
      var scalarsBefore = 0
      var scalars = 0
      var index = 0
      func emit(_ from: Int, _ to: Int, _ scalarsAt: Int) {
        var from = from
        var to = to
        var atScalar = scalarsAt
        func skipSpaces() {
          while from < to, bytes[from] == 0x20 {
            from += 1
            atScalar += 1
          }
          while to > from, bytes[to - 1] == 0x20 { to -= 1 }
        }
        skipSpaces()
        var marker: Bool?
        if from < to, bytes[from] == 0x2A {
          marker = true
          from += 1
          atScalar += 1
          skipSpaces()
        }
        if to > from, bytes[to - 1] == 0x29,
          let open = (from..<to).last(where: { bytes[$0] == 0x28 })
        {
          let word = GatewayCatalog.normalize(
            String(
              decoding: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<(to - 1)]), as: UTF8.self))
          if CSVRosterReader.leaderWords.contains(word) {
            marker = true
            to = open
          } else if CSVRosterReader.memberWords.contains(word) {
            marker = marker ?? false
            to = open
          }
          skipSpaces()
        }
        if from < to { part(from, to, atScalar, marker) }
      }
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x3B || byte == 0x7C {
          emit(start, index, scalarsBefore)
          start = index + 1
          scalars += 1
          scalarsBefore = scalars
        } else if byte & 0xC0 != 0x80 {
          scalars += 1
        }
        index += 1
      }
      emit(start, bytes.count, scalarsBefore)
    }

    /// The people's and the teams' slots in id order, when ``finishMembershipsSortingIDs()``
    /// sorted them beside the memberships (``roster(typeOfRole:)`` sorts them otherwise).
    private var idOrders: (staff: [Int], teams: [Int])?

    /// Finds the memberships, as ``finishMemberships()`` does, and for a large roster sorts the
    /// people's and the teams' ids for ``roster(typeOfRole:)`` on the other core meanwhile (the
    /// two need nothing of each other).
    /// - Complexity: O(R + T + S), as ``finishMemberships()`` and the sorts are.
    mutating func finishMembershipsSortingIDs() {
      let personIDs = people.ids
      let teamIDs = teams.ids
      guard personIDs.count >= Self.parallelBuildThreshold else {
        finishMemberships()
        return
      }
      // What finishMemberships changes starts out empty (memberships) or small (the log), so
      // this copy shares every large table and copies none of them.
      let drafts = self
      let (finished, orders) = Parallel.both(
        {
          var assembler = drafts
          assembler.finishMemberships()
          return assembler
        },
        { (ByteOrder.sortedIndices(personIDs), ByteOrder.sortedIndices(teamIDs)) })
      self = finished
      idOrders = orders
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
      // markedBy[person] is the team whose rows last met the person, firstRow[person] the row
      // and firstMember[person] the membership's place in memberSlots.
      var markedBy = [Int32](repeating: -1, count: people.ids.count)
      var firstRow = [Int32](repeating: 0, count: people.ids.count)
      var firstMember = [Int32](repeating: 0, count: people.ids.count)
      memberOffsets = [0]
      memberOffsets.reserveCapacity(teamCount + 1)
      memberSlots.reserveCapacity(rowTeams.count)
      // About one flag per membership when most rows say who leads: room for them now, so the
      // column never grows by copying.
      if rowLeaders.values.count > rowTeams.count / 2 {
        leaderFlags.reserve(owners: rowTeams.count)
      }
      for team in 0..<teamCount {
        let team32 = Int32(truncatingIfNeeded: team)
        for index in offsets[team]..<offsets[team + 1] {
          let row = Int(rowsByTeam[index])
          let person = Int(rowPeople[row])
          let member: Int
          if markedBy[person] != team32 {
            markedBy[person] = team32
            firstRow[person] = Int32(truncatingIfNeeded: row)
            member = memberSlots.count
            firstMember[person] = Int32(truncatingIfNeeded: member)
            memberSlots.append(Int32(truncatingIfNeeded: person))
          } else {
            member = Int(firstMember[person])
            log.warning(
              "repeated membership: line \(rowLines[Int(firstRow[person])]) already puts this "
                + "staff_id on this team; counted once. Delete one of the rows",
              line: rowLines[row])
          }
          if let flag = rowLeaders[row] {
            Self.agree(
              &leaderFlags, member, flag, "team_role", "staff_id on this team",
              { $0 ? "leader" : "member" }, &log)
          }
        }
        memberOffsets.append(memberSlots.count)
      }
    }

    /// Reports an id with an invisible character, or one spelled with other bytes than the known
    /// id it matches (`found`): a warning, once per person or team, when they differ only in
    /// case (they are read as one), an error when only after Unicode normalisation. Returns
    /// whether the id is unusable.
    private mutating func hasBadID(
      _ column: Column, _ cell: CSVCell, _ found: (slot: Int?, hash: UInt64, caseDiffers: Bool),
      line: Int, in buffer: UnsafeBufferPointer<UInt8>
    ) -> Bool {
      let isPerson = column == .staffID
      let comparesStrings = isPerson ? people.comparesStrings : teams.comparesStrings
      guard found.caseDiffers || !cell.isPlainASCII || cell.hasText || comparesStrings else {
        return false
      }
      let id = CSVRosterReader.text(of: cell, in: buffer, texts: texts)
      var bad = false
      if !cell.isPlainASCII, let scalar = IdentifierCheck.invisibleCharacter(in: id) {
        log.error(
          IdentifierCheck.invisibleMessage(column.rawValue, scalar), line: cell.line,
          column: cell.column)
        bad = true
      }
      guard let slot = found.slot, found.caseDiffers else { return bad }
      let known = isPerson ? people.ids[slot] : teams.ids[slot]
      let exactCase = isPerson ? people.exactCase : teams.exactCase
      if exactCase || !IdentifierCheck.differOnlyInCase(known, id) {
        let firstLines = isPerson ? personLines : teamLines
        log.error(
          IdentifierCheck.spellingMessage(column.rawValue, firstLine: firstLines[slot]),
          line: cell.line, column: cell.column)
        return true
      }
      sawCaseDifference = true
      if isPerson {
        if warnedCase.insert(slot).inserted {
          log.warning(
            "this staff_id differs only in case from the one on line \(personLines[slot]); "
              + "read as the same person (give --exact-ids to keep such ids apart)",
            line: cell.line, column: cell.column)
        }
      } else if warnedTeamCase.insert(slot).inserted {
        log.warning(
          "team '\(shown(id))' differs only in case from '\(shown(known))' on line "
            + "\(teamLines[slot]); read as the same team (give --exact-ids to keep such ids "
            + "apart)",
          line: cell.line, column: cell.column)
      }
      return bad
    }

    /// Keeps the person cells of a row of `slot` that drew no diagnostic (see ``lastPerson``).
    private mutating func rememberPersonCells(
      of slot: Int, _ cells: UnsafeMutableBufferPointer<CSVCell>
    ) {
      lastPerson = slot
      var hasText = false
      personPositions.withUnsafeBufferPointer { positions in
        lastPersonCells.withUnsafeMutableBufferPointer { saved in
          for index in positions.indices {
            let cell = cells[positions[index]]
            saved[index] = cell
            hasText = hasText || cell.hasText
          }
        }
      }
      guard hasText else { return }
      for (index, position) in personPositions.enumerated() where cells[position].hasText {
        lastPersonTexts[index] = texts[cells[position].textIndex]
      }
    }

    /// Whether the row's person cells hold the same bytes as ``lastPersonCells``.
    private func hasLastPersonCells(
      _ cells: UnsafeMutableBufferPointer<CSVCell>, in buffer: UnsafeBufferPointer<UInt8>
    ) -> Bool {
      guard let base = buffer.baseAddress else { return false }
      return personPositions.withUnsafeBufferPointer { positions in
        lastPersonCells.withUnsafeBufferPointer { saved in
          for index in positions.indices {
            let cell = cells[positions[index]]
            let last = saved[index]
            if cell.hasText || last.hasText {
              guard cell.hasText, last.hasText,
                texts[cell.textIndex].utf8.elementsEqual(lastPersonTexts[index].utf8)
              else { return false }
              continue
            }
            let count = cell.end - cell.start
            guard count == last.end - last.start else { return false }
            if count > 0, cell.start != last.start,
              memcmp(base + cell.start, base + last.start, count) != 0
            {
              return false
            }
          }
          return true
        }
      }
    }

    /// Reads the cells that describe the person in `slot`.
    private mutating func readPersonCells(
      of slot: Int, value: (Column) -> CSVCell?, fallback: (Int) -> CSVCell?,
      buffer: UnsafeBufferPointer<UInt8>
    ) {
      if let cell = value(.name)
        ?? joinedName(
          forename: value(.forename) ?? fallback(forenameFallback),
          surname: value(.surname) ?? fallback(surnameFallback), buffer: buffer)
      {
        Self.agreeText(
          &names, slot, cell, "name", owner: "staff_id", shown: false, buffer, texts, &log,
          cache: &nameTexts)
      }
      if let cell = value(.role) {
        Self.agreeText(
          &roles, slot, cell, "role", owner: "staff_id", buffer, texts, &log,
          cache: &caches.roleTexts)
      }
      if let cell = value(.department) {
        Self.agreeText(
          &departments, slot, cell, "department", owner: "staff_id", buffer, texts, &log,
          cache: &caches.departmentTexts)
      }
      if let cell = value(.yearGroup) {
        Self.agreeText(
          &yearGroups, slot, cell, "year_group", owner: "staff_id", buffer, texts, &log,
          cache: &caches.yearGroupTexts)
      }
      func text(_ cell: CSVCell) -> String {
        CSVRosterReader.text(of: cell, in: buffer, texts: texts)
      }
      if let cell = value(.staffType) {
        let (known, hash) = caches.staffTypeOfText.lookup(cell, in: buffer, texts: texts)
        var type = known
        if type == nil {
          type = StaffTypeClassifier.staffType(named: text(cell))
          if let type {
            caches.staffTypeOfText.remember(
              type, for: cell, hash: hash, in: buffer, texts: texts)
          }
        }
        if let type {
          Self.agree(
            &staffTypes, slot, sourced(type, cell), "staff_type", "staff_id", \.rawValue, &log)
        } else {
          log.error(
            "unknown staff_type '\(text(cell))'; use senior, middle, teacher or support "
              + "(or leave it blank to derive it from the role)",
            line: cell.line, column: cell.column)
        }
      }
      if let cell = value(.suggestable) {
        let word = text(cell)
        if let flag = RosterColumn.suggestableValue(word) {
          Self.agree(
            &suggestables, slot, sourced(flag, cell), "suggestable", "staff_id",
            { $0 ? "yes" : "no" }, &log)
        } else {
          log.error(
            "suggestable must be yes or no (no keeps this person out of every plan); got "
              + "'\(word)'. Leave it blank for yes",
            line: cell.line, column: cell.column)
        }
      }
      if let cell = value(.maxTeams) {
        if let cap = Self.digitsNumber(cell, in: buffer) ?? Int(text(cell)), cap >= 1 {
          Self.agree(&caps, slot, sourced(cap, cell), "max_teams", "staff_id", { "\($0)" }, &log)
        } else {
          log.error(
            "max_teams must be a whole number of at least 1 (the most teams this person "
              + "should sit on); got '\(text(cell))'. Leave it blank for no cap",
            line: cell.line, column: cell.column)
        }
      }
    }

    /// The number a cell of 1 to 18 ASCII digits spells (too few digits to overflow), as
    /// `Int(text)` reads it, without a `String`; `nil` for any other cell (a sign, a space, a
    /// quoted cell's text), which the caller reads as text.
    /// - Complexity: O(k) for a cell of k bytes.
    static func digitsNumber(_ cell: CSVCell, in buffer: UnsafeBufferPointer<UInt8>) -> Int? {
      guard !cell.hasText, cell.end > cell.start, cell.end - cell.start <= 18 else { return nil }
      var number = 0
      for index in cell.start..<cell.end {
        let digit = buffer[index] &- 0x30
        guard digit < 10 else { return nil }
        number = number &* 10 &+ Int(digit)
      }
      return number
    }

    /// A name made of the forename and surname cells (either alone when the other is blank),
    /// as a cell at the forename's place; `nil` when both are blank.
    private mutating func joinedName(
      forename: CSVCell?, surname: CSVCell?, buffer: UnsafeBufferPointer<UInt8>
    ) -> CSVCell? {
      guard var cell = forename ?? surname else { return nil }
      let parts = [forename, surname].compactMap { $0 }.map {
        CSVRosterReader.text(of: $0, in: buffer, texts: texts)
      }
      cell.setText(parts.joined(separator: " "), in: &texts)
      cell.isPlainASCII = cell.isPlainASCII && (surname?.isPlainASCII ?? true)
      return cell
    }

    private func sourced<Value>(_ value: Value, _ cell: CSVCell) -> Sourced<Value> {
      Sourced(value: value, line: cell.line, column: cell.column)
    }

    /// Records a text value, or reports a conflict with the one an earlier row gave; a cell with
    /// the same bytes as the known value costs no `String`.
    private static func agreeText(
      _ store: inout SparseColumn<String>, _ owner: Int, _ cell: CSVCell, _ what: String,
      owner ownerWords: String, shown: Bool, _ buffer: UnsafeBufferPointer<UInt8>,
      _ texts: [String], _ log: inout DiagnosticLog, cache: inout TextCache
    ) {
      // The same bytes are the same text; other bytes are compared as strings below (Swift's
      // `==`, canonical equivalence: `é` precomposed equals `e` and a combining acute).
      if store.value(
        of: owner,
        satisfies: {
          CSVRosterReader.hasBytes(cell, of: $0, in: buffer, texts: texts)
        })
      {
        return
      }
      let text = cache.text(of: cell, in: buffer, texts: texts)
      let value = Sourced(value: text, line: cell.line, column: cell.column)
      agree(&store, owner, value, what, ownerWords, shown ? { $0 } : nil, &log)
    }

    /// Records a text of a ``TextColumn``, or reports a conflict with the one an earlier row
    /// gave (in words that never repeat the texts, which are personal data), as the other
    /// ``agreeText(_:_:_:_:owner:shown:_:_:_:cache:)`` does.
    private static func agreeText(
      _ store: inout TextColumn, _ owner: Int, _ cell: CSVCell, _ what: String,
      owner ownerWords: String, _ buffer: UnsafeBufferPointer<UInt8>, _ texts: [String],
      _ log: inout DiagnosticLog, cache: inout TextCache
    ) {
      if store.value(
        of: owner,
        satisfies: { CSVRosterReader.hasBytes(cell, of: $0, in: buffer, texts: texts) })
      {
        return
      }
      // A text the cache and the column know already costs no `String`.
      let (slot, made) = cache.slotOrText(of: cell, in: buffer, texts: texts)
      let index: Int32
      if let made {
        index = store.index(of: made, slot: slot)
      } else {
        index =
          store.knownIndex(ofSlot: slot, cell, in: buffer, texts: texts)
          ?? store.index(of: cache.text(ofSlot: slot), slot: slot)
      }
      let new = Sourced(value: index, line: cell.line, column: cell.column)
      guard let old = store.sourced(owner) else {
        store.set(new, for: owner)
        return
      }
      guard !store.same(old.value, new.value) else { return }
      log.error(
        "conflicting \(what): line \(old.line) gives the same \(ownerWords) another "
          + "\(what); make the rows agree (or leave the cell blank on one of them)",
        line: new.line, column: new.column)
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
      var typeOfRole: [String: StaffType] = [:]
      return roster(typeOfRole: &typeOfRole)
    }

    /// Rosters with fewer people are built on one core (a trust's schools are built on the
    /// cores side by side).
    static let parallelBuildThreshold = 4096

    /// The roster, as ``roster()`` builds it; `typeOfRole` remembers the staff type of each job
    /// title classified, for the next roster built (a trust's schools share titles).
    mutating func roster(typeOfRole: inout [String: StaffType]) -> Roster {
      // Without a team_role column (or list markers, or a grid's marks) no team has a leader:
      // say so once, not once per team.
      let marksLeaders = hasTeamRoleColumn || isGrid || sawMarker
      if !marksLeaders, hasMemberships {
        log.warning(
          layout == .list
            ? "the roster marks no leader, so no team has one; mark each leader's team in the "
              + "list as '(leader)' or with '*' before it (Vacher: the leader should not be the "
              + "link)"
            : "the roster has no team_role column, so no team has a leader; add a team_role "
              + "column and put 'leader' on each leader's row (Vacher: the leader should not be "
              + "the link)",
          line: headerLine)
      }
      let personIDs = people.ids
      let teamIDs = teams.ids
      let isSmall = personIDs.count < Self.parallelBuildThreshold
      let (staffOrder, teamOrder) =
        idOrders
        ?? (isSmall
          ? (ByteOrder.sortedIndices(personIDs), ByteOrder.sortedIndices(teamIDs))
          : Parallel.both(
            { ByteOrder.sortedIndices(personIDs) }, { ByteOrder.sortedIndices(teamIDs) }))
      idOrders = nil
      var positionOfSlot = [Int32](repeating: 0, count: staffOrder.count)
      for (position, slot) in staffOrder.enumerated() {
        positionOfSlot[slot] = Int32(truncatingIfNeeded: position)
      }
      // Each team's leaders' positions, team by team (a counting sort of the leaders' rows).
      var leaderPairs: [(Int, Int32)] = []
      for team in 0..<teamIDs.count {
        for member in memberOffsets[team]..<memberOffsets[team + 1]
        where leaderFlags[member]?.value == true {
          leaderPairs.append((team, positionOfSlot[Int(memberSlots[member])]))
        }
      }
      let leaders = TeamLists(teamCount: teamIDs.count, leaderPairs)
      if marksLeaders {
        let hint =
          leaderHint
          ?? (isGrid
            ? "mark its leader L in this column"
            : layout == .list && !hasTeamRoleColumn
              ? "mark it '(leader)' in its leader's list"
              : "put 'leader' in the team_role column of its leader's row")
        for team in teamOrder
        where leaders.isEmpty(team) && memberOffsets[team] < memberOffsets[team + 1] {
          log.warning(
            "this team has no leader; \(hint)", line: teamLines[team],
            column: teamPlaces[team].column)
        }
      }
      // The staff and the teams are built on two cores (a small roster's on one).
      let drafts = self
      let slots = positionOfSlot
      let (staff, (builtTeams, positions, leaderPositions)) =
        isSmall
        ? (
          staffMembers(in: staffOrder, typeOfRole: &typeOfRole),
          teams(in: teamOrder, staffOrder: staffOrder, positionOfSlot: slots, leaders: leaders)
        )
        : Parallel.both(
          {
            var typeOfRole: [String: StaffType] = [:]
            return drafts.staffMembers(in: staffOrder, typeOfRole: &typeOfRole)
          },
          {
            drafts.teams(
              in: teamOrder, staffOrder: staffOrder, positionOfSlot: slots, leaders: leaders)
          })
      return Roster(
        sortedStaff: staff, sortedTeams: builtTeams, memberPositions: positions,
        leaderPositions: leaderPositions, deeps: deeps, warnings: log.finalWarnings)
    }

    /// The staff, in the order `order` gives their slots.
    private func staffMembers(
      in order: [Int], typeOfRole: inout [String: StaffType]
    ) -> [StaffMember] {
      // Job titles repeat ("Teacher of Maths"): each distinct one is classified once, by its
      // index among the column's texts (no string is hashed per person).
      let roleTexts = roles.texts
      var typeOfRoleText = [StaffType?](repeating: nil, count: roleTexts.count + 1)
      func derivedType(_ role: String) -> StaffType {
        if let known = typeOfRole[role] { return known }
        let derived = StaffTypeClassifier.staffType(forRole: role) ?? .teacher
        typeOfRole[role] = derived
        return derived
      }
      // A roster of ids and teams only: every person has the defaults.
      if names.values.isEmpty, roles.isEmpty, staffTypes.values.isEmpty,
        departments.isEmpty, yearGroups.isEmpty, caps.values.isEmpty,
        suggestables.values.isEmpty
      {
        let type = StaffTypeClassifier.staffType(forRole: "") ?? .teacher
        return order.map { StaffMember(id: people.ids[$0], staffType: type) }
      }
      return order.map { slot in
        // The role's text index, or the last index for no role.
        let roleIndex = roles.textIndex(slot) ?? roleTexts.count
        let role = roleIndex < roleTexts.count ? roleTexts[roleIndex] : ""
        var type = staffTypes[slot]?.value
        if type == nil {
          if let known = typeOfRoleText[roleIndex] {
            type = known
          } else {
            let derived = derivedType(role)
            typeOfRoleText[roleIndex] = derived
            type = derived
          }
        }
        return StaffMember(
          id: people.ids[slot], name: names[slot]?.value, role: role,
          staffType: type ?? .teacher, department: departments[slot],
          yearGroup: yearGroups[slot], maxTeams: caps[slot]?.value,
          suggestable: suggestables[slot]?.value ?? true)
      }
    }

    /// The teams, in the order `order` gives their slots, and each one's members' and leaders'
    /// positions among the staff sorted as `staffOrder` gives their slots.
    private func teams(
      in order: [Int], staffOrder: [Int], positionOfSlot: [Int32], leaders: TeamLists
    ) -> ([Team], [[Int32]], TeamPositionLists) {
      var builtTeams: [Team] = []
      var positions: [[Int32]] = []
      var allLeaderPositions = TeamPositionLists()
      builtTeams.reserveCapacity(order.count)
      positions.reserveCapacity(order.count)
      allLeaderPositions.reserveCapacity(teams: order.count, items: leaders.count)
      let ids = people.ids
      for team in order {
        var memberPositions = memberSlots[memberOffsets[team]..<memberOffsets[team + 1]]
          .map { positionOfSlot[Int($0)] }
        memberPositions.sort()
        let leaderPositions = leaders.values(of: team).sorted()
        builtTeams.append(
          Team(
            id: teams.ids[team], name: teamNames[team]?.value, gateway: gateways[team]?.value,
            sortedMembers: memberPositions.map { ids[staffOrder[Int($0)]] },
            sortedLeaders: leaderPositions.map { ids[staffOrder[Int($0)]] }))
        positions.append(memberPositions)
        allLeaderPositions.append(leaderPositions)
      }
      return (builtTeams, positions, allLeaderPositions)
    }

    /// The header's line, for the warning about a missing `team_role` column.
    var headerLine = 1
  }

  /// A list of numbers per team, kept team by team in one array (built by a counting sort of
  /// the `(team, value)` pairs, each team's values in the order given).
  struct TeamLists: Sendable {
    private var offsets: [Int]
    private var items: [Int32]

    init(teamCount: Int, _ pairs: some Collection<(Int, Int32)>) {
      var offsets = [Int](repeating: 0, count: teamCount + 1)
      for (team, _) in pairs { offsets[team + 1] += 1 }
      for team in 0..<teamCount { offsets[team + 1] += offsets[team] }
      var next = offsets
      var items = [Int32](repeating: 0, count: offsets[teamCount])
      for (team, value) in pairs {
        items[next[team]] = value
        next[team] += 1
      }
      self.offsets = offsets
      self.items = items
    }

    /// Whether `team` has no value.
    func isEmpty(_ team: Int) -> Bool { offsets[team] == offsets[team + 1] }

    /// The number of values of every team.
    var count: Int { items.count }

    /// The values of `team`.
    func values(of team: Int) -> ArraySlice<Int32> { items[offsets[team]..<offsets[team + 1]] }
  }
}
