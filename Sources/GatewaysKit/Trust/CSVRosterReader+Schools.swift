import Foundation
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
  ///
  /// A file of at least `halvesThreshold` bytes is read in parts at once, one per core and a
  /// few more (``readSchoolsInParts(_:columns:halvesThreshold:deeps:options:defaultSchool:)``),
  /// and the parts' schools merged; the result is the one reading row by row gives.
  /// - Complexity: O(n) in the file's bytes, plus each school's assembly, on the cores.
  ///
  /// The file's bytes are handed over: they are let go as soon as the rows are read (before
  /// the rosters are built), unless the caller keeps a copy.
  static func readSchools(
    _ raw: consuming RosterBytes, fileName: String, deeps: DeepMapping, limits: RosterLimits,
    options: RosterReadOptions, halvesThreshold: Int, defaultSchool: String?
  ) throws(RosterError) -> FileSchools {
    let prepared = try prepare(
      consume raw, fileName: fileName, limits: limits, options: options, checksWhole: false)
    return try readSchools(
      prepared, deeps: deeps, limits: limits, options: options,
      halvesThreshold: halvesThreshold, defaultSchool: defaultSchool)
  }

  /// Reads the rows of a prepared source (delimited text, a workbook sheet, a JSON roster) as
  /// ``readSchools(_:fileName:deeps:limits:options:halvesThreshold:defaultSchool:)`` reads a
  /// text file's.
  /// - Complexity: O(n) in the source's rows, plus each school's assembly.
  static func readSchools<Rows: RosterRowSource>(
    _ prepared: consuming Prepared<Rows>, deeps: DeepMapping, limits: RosterLimits,
    options: RosterReadOptions, halvesThreshold: Int, defaultSchool: String?
  ) throws(RosterError) -> FileSchools {
    let columns = prepared.map.columns
    guard columns.contains(.school) || defaultSchool != nil else {
      return .school(
        try assemble(
          consume prepared, deeps: deeps, limits: limits, options: options,
          halvesThreshold: halvesThreshold))
    }
    // How a read that found errors (`log`) ends: a file taken for UTF-8 unchecked is read
    // again, checked, and those are the diagnostics reported (see ``Prepared/isUTF8Unchecked``).
    func failure(_ log: DiagnosticLog, of prepared: borrowing Prepared<Rows>)
      throws(RosterError) -> FileSchools
    {
      guard prepared.isUTF8Unchecked else { throw log.rosterError }
      return try readSchools(
        prepare(prepared.bytes, fileName: prepared.log.file, limits: limits, options: options),
        deeps: deeps, limits: limits, options: options, halvesThreshold: halvesThreshold,
        defaultSchool: defaultSchool)
    }
    let trustColumns = TrustColumns(columns)
    if prepared.map.isGrid, trustColumns.teamSchool >= 0 {
      var log = prepared.log
      log.error(
        "a grid (one column per team) cannot have a team_school column; give the rows of "
          + "other schools' teams one row per membership",
        line: prepared.header.line)
      return try failure(log, of: prepared)
    }
    var reading: SchoolsPart
    if prepared.bytes.count >= halvesThreshold, let text = (copy prepared) as? Prepared<CSVParser>,
      let merged = readSchoolsInParts(
        text, columns: trustColumns, limits: limits, deeps: deeps, options: options,
        defaultSchool: defaultSchool)
    {
      reading = merged
    } else {
      reading = SchoolsPart(
        map: prepared.map, columns: trustColumns, deeps: deeps, options: options,
        defaultSchool: defaultSchool, log: prepared.log, assemblerLog: prepared.log)
      var parser = prepared.parser
      prepared.bytes.withUnsafeBufferPointer { reading.addRows(from: &parser, in: $0) }
      addProblems(of: parser, to: &reading.log)
    }
    var log = reading.log
    // Each school's diagnostics after the header's (which every school's log starts with).
    let headerWarnings = prepared.log.warnings.count
    let headerLine = prepared.header.line
    // Many small schools: a piece of consecutive schools per task, each school's assembler
    // changed where it is (a copy would be copied again on its first change).
    let pieces = min(reading.assemblers.count, Parallel.width * 8)
    let count = reading.assemblers.count
    Parallel.updating(&reading.assemblers) { assemblers in
      _ = Parallel.map(pieces) { piece in
        for index in (count * piece / pieces)..<(count * (piece + 1) / pieces) {
          assemblers[index].headerLine = headerLine
          assemblers[index].finishMemberships()
        }
      }
    }
    if log.hasErrors || reading.assemblers.contains(where: { $0.log.hasErrors }) {
      for assembler in reading.assemblers {
        for error in assembler.log.errors { log.add(error) }
        for warning in assembler.log.warnings.dropFirst(headerWarnings) { log.add(warning) }
      }
      return try failure(log, of: prepared)
    }
    if reading.assemblers.isEmpty, let message = prepared.noRowsMessage {
      log.error(message, line: prepared.header.line)
      return try failure(log, of: prepared)
    }
    // The source (and the file's bytes with it) is let go before the rosters are built.
    let readings = reading.assemblers.map { prepared.reading(layout: $0.layout) }
    _ = consume prepared
    let (names, personIDs, outside) = (reading.schoolNames, reading.personIDs, reading.outside)
    // Each assembler moved out of the array (not copied) and let go on the core that built its
    // roster.
    let finished = MovedElements(taking: &reading.assemblers)
    defer { finished.deallocate() }
    let schools = Parallel.map(pieces) { piece in
      var typeOfRole: [String: StaffType] = [:]
      return ((count * piece / pieces)..<(count * (piece + 1) / pieces)).map { index in
        var assembler = finished.take(index)
        var roster = assembler.roster(typeOfRole: &typeOfRole)
        roster.reading = readings[index]
        return SchoolRows(
          name: names[index], roster: roster, personIDs: personIDs[index].mapValues(\.value),
          outside: outside[index])
      }
    }.flatMap { $0 }
    return .schools(schools, trustTeams: reading.trustTeams)
  }

  /// Where the columns the trust reader looks at are in a row, or -1.
  struct TrustColumns: Sendable {
    let school: Int
    let personID: Int
    let teamSchool: Int
    let staff: Int
    let team: Int
    let teamRole: Int
    let teamName: Int
    let gateway: Int
    /// The cells a row on another school's team (or a trust-wide one) leaves blank.
    let blanked: [Int]

    init(_ columns: [Column?]) {
      func position(_ column: Column) -> Int { columns.firstIndex(of: column) ?? -1 }
      school = position(.school)
      personID = position(.personID)
      teamSchool = position(.teamSchool)
      staff = position(.staffID)
      team = position(.team)
      teamRole = position(.teamRole)
      teamName = position(.teamName)
      gateway = position(.gateway)
      blanked = [team, teamRole, gateway, teamName].filter { $0 >= 0 }
    }
  }

  /// The schools of some consecutive rows of a file (all of them, or one part's), each with
  /// its own assembler, in the order the rows first name them.
  struct SchoolsPart: Sendable {
    let map: ColumnMap
    let columns: TrustColumns
    let deeps: DeepMapping
    let options: RosterReadOptions
    let defaultSchool: String?
    /// The problems of rows that belong to no school, and of person_ids.
    var log: DiagnosticLog
    /// The log a new school's assembler starts with.
    let assemblerLog: DiagnosticLog
    var assemblers: [Assembler] = []
    var schoolNames: [String] = []
    var schoolOfName: [String: Int] = [:]
    var personIDs: [[String: Sourced<String>]] = []
    var outside: [[TrustRoster.OutsideMembership]] = []
    var trustTeams: [String: TrustTeamDraft] = [:]
    /// The answers for repeating cell texts, lent to each school's assembler in turn.
    private var caches = Assembler.SharedCaches()

    init(
      map: ColumnMap, columns: TrustColumns, deeps: DeepMapping, options: RosterReadOptions,
      defaultSchool: String?, log: DiagnosticLog, assemblerLog: DiagnosticLog
    ) {
      self.map = map
      self.columns = columns
      self.deeps = deeps
      self.options = options
      self.defaultSchool = defaultSchool
      self.log = log
      self.assemblerLog = assemblerLog
    }

    /// Makes room for `count` schools in all.
    mutating func reserveCapacity(_ count: Int) {
      assemblers.reserveCapacity(count)
      schoolNames.reserveCapacity(count)
      schoolOfName.reserveCapacity(count)
      personIDs.reserveCapacity(count)
      outside.reserveCapacity(count)
    }

    /// The index of the school named `name`, a new one (with an empty assembler) if need be.
    mutating func school(named name: String) -> Int {
      if let known = schoolOfName[name] { return known }
      let index = assemblers.count
      schoolOfName[name] = index
      schoolNames.append(name)
      assemblers.append(
        Assembler(
          map: map, deeps: deeps, log: assemblerLog, exactIDs: options.exactIDs,
          expectedRows: 64))
      personIDs.append([:])
      outside.append([])
      return index
    }

    /// Reads every remaining record of `parser` into the schools its rows name.
    mutating func addRows<Rows: RosterRowSource>(
      from parser: inout Rows, in buffer: UnsafeBufferPointer<UInt8>
    ) {
      var cells: [CSVCell] = []
      var texts: [String] = []
      let c = columns
      // Rows come school by school, and person by person: a row whose school cell has the
      // bytes of the last row's is of that school, and one whose staff_id and person_id have
      // the bytes of an earlier row of its school that agreed needs no check again.
      var lastSchool: (cell: CSVCell, index: Int)?
      var lastPerson: (school: Int, staff: CSVCell, personID: CSVCell)?
      func cell(_ position: Int) -> CSVCell? {
        position >= 0 && position < cells.count ? cells[position] : nil
      }
      func text(_ position: Int) -> String {
        guard let cell = cell(position) else { return "" }
        return trimmedCell(CSVRosterReader.text(of: cell, in: buffer, texts: texts))
      }
      while let (line, isDamaged) = parser.nextRecord(into: &cells, texts: &texts) {
        if cells[0].isEmpty || Assembler.isBlank(cells[0], buffer, texts),
          cells.allSatisfy({ $0.isEmpty || Assembler.isBlank($0, buffer, texts) })
        {
          continue
        }
        if isDamaged { continue }  // the tokenizer's problem is reported below
        let index: Int
        let schoolCell = cell(c.school)
        if let schoolCell, let last = lastSchool,
          CSVRosterReader.sameText(schoolCell, last.cell, in: buffer)
        {
          index = last.index
        } else {
          var name = text(c.school)
          if name.isEmpty, let defaultSchool { name = defaultSchool }
          guard !name.isEmpty else {
            log.error(
              "this row has no school; fill in the school column (every row belongs to one "
                + "school)",
              line: line)
            continue
          }
          index = school(named: name)
          // A cell with a text of its own (its row's) is not kept for the rows after.
          if let schoolCell, !schoolCell.hasText { lastSchool = (schoolCell, index) }
        }
        if let teamSchoolCell = cell(c.teamSchool), !teamSchoolCell.isEmpty,
          !(schoolCell.map { CSVRosterReader.sameText(teamSchoolCell, $0, in: buffer) } ?? false)
        {
          let teamSchool = text(c.teamSchool)
          let name = schoolNames[index]
          if !teamSchool.isEmpty, teamSchool != name, cells.count == map.columns.count {
            let staff = text(c.staff)
            if addOutside(
              row: &cells, texts: texts, line: line, teamSchool: teamSchool, staff: staff,
              school: index, in: buffer)
            {
              continue
            }
          }
        }
        if let personCell = cell(c.personID), !personCell.isEmpty {
          if let last = lastPerson, last.school == index, let staffCell = cell(c.staff),
            CSVRosterReader.sameText(staffCell, last.staff, in: buffer),
            CSVRosterReader.sameText(personCell, last.personID, in: buffer)
          {
            // Recorded, or agreed with, on an earlier row.
          } else {
            lastPerson = nil
            let personID = text(c.personID)
            let staff = text(c.staff)
            if !personID.isEmpty, !staff.isEmpty {
              let key = options.exactIDs ? staff : staff.lowercased()
              if let known = personIDs[index][key] {
                if known.value != personID {
                  log.error(
                    "conflicting person_id: line \(known.line) gives the same staff_id of this "
                      + "school another person_id ('\(shown(personID))' here, "
                      + "'\(shown(known.value))' there); make the rows agree",
                    line: line, column: personCell.column)
                } else if let staffCell = cell(c.staff), !staffCell.hasText, !personCell.hasText {
                  lastPerson = (index, staffCell, personCell)
                }
              } else {
                personIDs[index][key] = Sourced(
                  value: personID, line: line, column: personCell.column)
                if let staffCell = cell(c.staff), !staffCell.hasText, !personCell.hasText {
                  lastPerson = (index, staffCell, personCell)
                }
              }
            }
          }
        }
        assemblers[index].addRecord(
          &cells, texts: texts, line: line, isDamaged: false, in: buffer, caches: &caches)
      }
    }

    /// Notes the teams of a row whose `team_school` names another school or `trust` as
    /// outside memberships (and a trust-wide team's name and gateway), and blanks its team
    /// cells. Returns whether the row is not one of its school's (it has no staff_id: it only
    /// declares that team).
    private mutating func addOutside(
      row cells: inout [CSVCell], texts: [String], line: Int, teamSchool: String, staff: String,
      school index: Int, in buffer: UnsafeBufferPointer<UInt8>
    ) -> Bool {
      let c = columns
      func text(_ position: Int) -> String {
        guard position >= 0, position < cells.count else { return "" }
        return trimmedCell(CSVRosterReader.text(of: cells[position], in: buffer, texts: texts))
      }
      let isTrust = teamSchool.lowercased() == TrustRoster.trustWord
      let roleWord = GatewayCatalog.normalize(text(c.teamRole))
      let rowLeads = leaderWords.contains(roleWord)
      var teamIDs: [(id: String, leads: Bool)] = []
      var teamText = text(c.team)
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
          let teamName = text(c.teamName)
          if draft.name == nil, !teamName.isEmpty { draft.name = teamName }
          let gatewayName = text(c.gateway)
          if draft.gateway == nil, !gatewayName.isEmpty {
            draft.gateway =
              GatewayCatalog.resolve(gatewayName)
              ?? Gateway(id: GatewayCatalog.normalize(gatewayName))
          }
          trustTeams[id] = draft
        }
      }
      // It declares another school's team (or a trust-wide one): not a row of this school.
      if staff.isEmpty { return true }
      for (id, leads) in teamIDs {
        outside[index].append(
          TrustRoster.OutsideMembership(
            staff: staff, teamSchool: isTrust ? nil : teamSchool, team: id, isLeader: leads,
            line: line))
      }
      for position in c.blanked {
        cells[position].textIndex = -1
        cells[position].end = cells[position].start
      }
      return false
    }

    /// Adds the schools of `later`, a part of the rows that follow this one's, in order: a
    /// school both have takes `later`'s rows after its own. Returns `false` (this part left
    /// unusable) when either part found an error, or the two cannot be merged exactly (see
    /// ``Assembler/absorb(_:in:)``); the caller then reads the file row by row.
    mutating func absorb(_ later: inout SchoolsPart, in buffer: UnsafeBufferPointer<UInt8>)
      -> Bool
    {
      guard !later.log.hasErrors, !later.assemblers.contains(where: { $0.log.hasErrors }) else {
        return false
      }
      // Each assembler moved out of `later` (not copied), those not reached let go at the end.
      let count = later.assemblers.count
      let moved = MovedElements(taking: &later.assemblers)
      var taken = 0
      defer {
        moved.discard(from: taken, to: count)
        moved.deallocate()
      }
      for part in 0..<count {
        var assembler = moved.take(part)
        taken = part + 1
        let name = later.schoolNames[part]
        if let index = schoolOfName[name] {
          guard assemblers[index].canMerge, assembler.canMerge,
            assemblers[index].absorb(assembler, in: buffer)
          else { return false }
          for (key, value) in later.personIDs[part] {
            if let known = personIDs[index][key] {
              if known.value != value.value { return false }
            } else {
              personIDs[index][key] = value
            }
          }
          outside[index] += later.outside[part]
        } else {
          schoolOfName[name] = assemblers.count
          schoolNames.append(name)
          // The header's diagnostics first, as every school's log has them.
          var combined = assemblerLog
          combined.append(assembler.log)
          assembler.log = combined
          assemblers.append(assembler)
          personIDs.append(later.personIDs[part])
          outside.append(later.outside[part])
        }
      }
      for (id, draft) in later.trustTeams {
        var known = trustTeams[id] ?? draft
        if known.name == nil { known.name = draft.name }
        if known.gateway == nil { known.gateway = draft.gateway }
        trustTeams[id] = known
      }
      return true
    }
  }

  /// Reads the rows after the header in parts (split where a line starts, a few per core),
  /// each part on a core into schools of its own, then merges the parts in file order.
  /// Returns `nil` when the file does not split, or a part found a problem or cannot be
  /// merged exactly: the caller then reads row by row, to report every problem where it is.
  /// - Complexity: O(n) in the file's bytes, spread over the cores, plus the merge of the
  ///   schools that span two parts.
  static func readSchoolsInParts(
    _ prepared: Prepared<CSVParser>, columns: TrustColumns, limits: RosterLimits,
    deeps: DeepMapping,
    options: RosterReadOptions, defaultSchool: String?
  ) -> SchoolsPart? {
    let bytes = prepared.bytes
    let parser = prepared.parser
    let start = parser.position
    return bytes.withUnsafeBufferPointer { buffer -> SchoolsPart? in
      guard start < buffer.count else { return nil }
      let wanted = Parallel.width * 4
      var bounds = [start]
      for piece in 1..<wanted {
        let offset = start + (buffer.count - start) * piece / wanted
        guard offset > bounds[bounds.count - 1],
          let boundary = recordBoundary(after: offset, in: buffer),
          boundary > bounds[bounds.count - 1]
        else { continue }
        bounds.append(boundary)
      }
      guard bounds.count > 1 else { return nil }
      bounds.append(buffer.count)
      let shared = SharedBytes(buffer: buffer)
      let partBounds = bounds
      // The line each part starts on: the line breaks of the parts before it, counted at once.
      let breaks = Parallel.map(max(0, partBounds.count - 3)) { piece in
        lineBreaks(in: partBounds[piece + 1]..<partBounds[piece + 2], of: shared.buffer)
      }
      var lines = [0, lineNumber(at: partBounds[1], in: buffer)]
      for count in breaks { lines.append(lines[lines.count - 1] + count) }
      let partLines = lines
      let file = prepared.log.file
      let map = prepared.map
      let read = Parallel.map(partBounds.count - 1) { piece -> SchoolsPart? in
        var partParser: CSVParser
        if piece == 0 {
          partParser = parser
          partParser.stop(at: partBounds[1])
        } else {
          partParser = CSVParser(
            bytes: bytes, range: partBounds[piece]..<partBounds[piece + 1],
            line: partLines[piece],
            separator: parser.separator, maximumFieldBytes: limits.maximumLineBytes,
            maximumFields: limits.maximumFields)
          partParser.bytesAreValidUTF8 = parser.bytesAreValidUTF8
        }
        // The first part's schools start with the header's diagnostics, as the merged
        // schools do (so it is the merge's start, not merged into it); the others' are added
        // to theirs when merged.
        let log = piece == 0 ? prepared.log : DiagnosticLog(file: file)
        var part = SchoolsPart(
          map: map, columns: columns, deeps: deeps, options: options,
          defaultSchool: defaultSchool, log: log, assemblerLog: log)
        part.addRows(from: &partParser, in: shared.buffer)
        guard partParser.problems.isEmpty, partParser.furtherInvalidUTF8Count == 0 else {
          return nil
        }
        return part
      }
      // Each part taken out of the list before it is changed or merged, so none is copied.
      var parts = read
      let total = parts.reduce(0) { $0 + ($1?.assemblers.count ?? 0) }
      guard var merged = parts[0], !merged.log.hasErrors,
        !merged.assemblers.contains(where: { $0.log.hasErrors })
      else { return nil }
      parts[0] = nil
      merged.reserveCapacity(total)
      for index in parts.indices.dropFirst() {
        guard var part = parts[index] else { return nil }
        parts[index] = nil
        guard merged.absorb(&part, in: buffer) else { return nil }
      }
      return merged
    }
  }
}

/// The elements of an array moved (not copied) into memory of their own, for threads that each
/// take distinct ones; every element must be taken (or discarded) once before ``deallocate()``.
private struct MovedElements<Element>: @unchecked Sendable {
  private let base: UnsafeMutablePointer<Element>

  /// Moves every element of `array` out of it (leaving it empty).
  /// - Complexity: O(n) in the elements, with no copy of one.
  init(taking array: inout [Element]) {
    base = .allocate(capacity: array.count)
    var index = array.count
    while let last = array.popLast() {
      index -= 1
      (base + index).initialize(to: last)
    }
  }

  /// The element at `index`, moved out (taken once only).
  func take(_ index: Int) -> Element { (base + index).move() }

  /// Lets go the elements at `start..<end`, not taken.
  func discard(from start: Int, to end: Int) {
    if start < end { (base + start).deinitialize(count: end - start) }
  }

  /// Frees the memory, once every element is taken (or let go).
  func deallocate() { base.deallocate() }
}

extension CSVRosterReader {
  /// Whether two cells hold the same bytes. `false` may still be cells whose texts are equal
  /// (once trimmed, or as Swift compares strings), and is the answer for a cell with a text of
  /// its own (see ``CSVCell``).
  static func sameText(_ a: CSVCell, _ b: CSVCell, in buffer: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard !a.hasText, !b.hasText else { return false }
    let count = a.end - a.start
    guard count == b.end - b.start, let base = buffer.baseAddress else { return false }
    return count == 0 || memcmp(base + a.start, base + b.start, count) == 0
  }
}
