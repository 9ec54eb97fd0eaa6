import Foundation
import MembershipGraph

extension RosterReader {
  /// Reads one or several roster files as the schools they hold.
  ///
  /// One file with no `school` column is one school (``SchoolsReading/school(_:)``, the roster
  /// ``read(_:fileName:format:)`` gives). Otherwise the result is a trust: each CSV or text
  /// file's rows belong to the schools their `school` cells name, or, without that column,
  /// to the school named by the file's name (without its folder and extension); a JSON file or
  /// a workbook is one school named by its file. A school's rows must all be in one file.
  ///
  /// ```swift
  /// let reading = try RosterReader().readSchools([
  ///   (north, "north.csv", .csv), (south, "south.csv", .csv),
  /// ])
  /// ```
  ///
  /// - Parameters:
  ///   - files: each file's contents, the name diagnostics show, and its format.
  ///   - namedByFile: whether a file with no `school` column is the school its name names (a
  ///     trust, even of one school); by default when there are several files.
  /// - Returns: one school's roster, or the trust's schools and what joins them.
  /// - Throws: ``RosterError`` with every problem of every file: a school's own (its rows as
  ///   read alone), a `team_school` naming no school or a team its school does not have, a
  ///   staff id given two `person_id`s, a school in two files.
  /// - Complexity: O(n log n) in the size of the files, the schools assembled on the cores.
  public func readSchools(
    _ files: [(data: Data, fileName: String, format: RosterFormat)], namedByFile: Bool? = nil
  ) throws(RosterError) -> SchoolsReading {
    try readSchools(
      bytes: files.map { (RosterBytes($0.data), $0.fileName, $0.format) }, namedByFile: namedByFile)
  }

  /// Reads roster files given as byte arrays, as ``readSchools(_:namedByFile:)`` does: the
  /// arrays are read where they are, with no copy of a file, and handed over, so that each
  /// delimited-text file's bytes are let go once its rows are read (unless the caller keeps a
  /// copy of them).
  /// - Complexity: O(n log n) in the size of the files, the schools assembled on the cores.
  package func readSchools(
    bytes files: consuming [(bytes: RosterBytes, fileName: String, format: RosterFormat)],
    namedByFile: Bool? = nil
  ) throws(RosterError) -> SchoolsReading {
    precondition(!files.isEmpty, "no roster files")
    // Each school's rows and the file it is in (the schools moved, not copied, from a file's).
    var schoolRows: [CSVRosterReader.SchoolRows] = []
    var schoolFiles: [String] = []
    var trustTeams: [String: CSVRosterReader.TrustTeamDraft] = [:]
    var diagnostics: [Diagnostic] = []
    let fileCount = files.count
    for index in 0..<fileCount {
      let (fileName, fileFormat) = (files[index].fileName, files[index].format)
      var bytes = RosterBytes()
      swap(&bytes, &files[index].bytes)
      if bytes.count > limits.maximumFileBytes {
        throw Self.tooLarge(fileName, limit: limits.maximumFileBytes)
      }
      let format = fileFormat == .csv && Workbook.looksLikeWorkbook(bytes) ? .xlsx : fileFormat
      let defaultSchool =
        namedByFile ?? (fileCount > 1) ? Self.schoolName(ofFile: fileName) : nil
      do throws(RosterError) {
        switch try fileSchools(
          consume bytes, fileName: fileName, format: format, defaultSchool: defaultSchool)
        {
        case .school(let roster): return .school(roster)
        case .schools(let schools, let teams):
          schoolFiles += repeatElement(fileName, count: schools.count)
          if schoolRows.isEmpty { schoolRows = schools } else { schoolRows += schools }
          trustTeams.merge(teams) { first, _ in first }
        }
      } catch {
        diagnostics += error.diagnostics
      }
    }
    if !diagnostics.isEmpty { throw RosterError(diagnostics: diagnostics) }
    return .trust(
      try Self.trust(
        schoolRows, files: schoolFiles, severalFiles: fileCount > 1, trustTeams: trustTeams,
        exactIDs: options.exactIDs))
  }

  /// The school a file names: its name without the folder and the extension.
  static func schoolName(ofFile path: String) -> String {
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    return name.isEmpty ? path : name
  }

  /// Joins the schools of every file into a trust, checking what joins them.
  private static func trust(
    _ schoolRows: [CSVRosterReader.SchoolRows], files: [String], severalFiles: Bool,
    trustTeams drafts: [String: CSVRosterReader.TrustTeamDraft], exactIDs: Bool
  ) throws(RosterError) -> TrustRoster {
    var errors: [Diagnostic] = []
    // A file's schools have names of their own: only several files can name a school twice.
    if severalFiles {
      var fileOfSchool: [String: String] = [:]
      for index in schoolRows.indices {
        let name = schoolRows[index].name
        if let other = fileOfSchool[name] {
          errors.append(
            Diagnostic(
              .error, file: files[index],
              message:
                "school '\(name)' is also in \(other); give each school's rows in one "
                + "file (or name the schools apart in a school column)"))
        } else {
          fileOfSchool[name] = files[index]
        }
      }
    }
    func key(_ id: String) -> String { exactIDs ? id : id.lowercased() }
    // Each school on its own (schools are many and independent): a piece of consecutive
    // schools per task, on the cores.
    let pieces = min(schoolRows.count, Parallel.width * 8)
    // The teams (by key) of each school an outside membership names: few of the schools.
    var named = Set<String>()
    for index in schoolRows.indices {
      for membership in schoolRows[index].outside {
        if let school = membership.teamSchool { named.insert(school) }
      }
    }
    let namedParts =
      named.isEmpty ? [] : schoolRows.indices.filter { named.contains(schoolRows[$0].name) }
    let teamLists = Parallel.map(min(namedParts.count, pieces)) { piece in
      let count = namedParts.count
      let pieces = min(count, pieces)
      return ((count * piece / pieces)..<(count * (piece + 1) / pieces)).map { index in
        Dictionary(
          schoolRows[namedParts[index]].roster.teams.map {
            (exactIDs ? $0.id : $0.id.lowercased(), $0.id)
          },
          uniquingKeysWith: { first, _ in first })
      }
    }.flatMap { $0 }
    var teamsOfSchool: [String: [String: String]] = [:]
    teamsOfSchool.reserveCapacity(namedParts.count)
    for (index, teams) in zip(namedParts, teamLists) {
      teamsOfSchool[schoolRows[index].name] = teams
    }
    var trustTeamIDs: [String: String] = [:]
    for id in drafts.keys.sorted(by: { $0.precedesInBytes($1) }) where trustTeamIDs[key(id)] == nil
    {
      trustTeamIDs[key(id)] = id
    }
    // The schools listed in the error for a team_school that names none (if a row has one).
    var shownNames = ""
    if named.contains(where: { teamsOfSchool[$0] == nil }) {
      let schoolNames = schoolRows.map(\.name).sorted { $0.precedesInBytes($1) }
      shownNames =
        schoolNames.prefix(5).joined(separator: ", ")
        + (schoolNames.count > 5 ? " and \(schoolNames.count - 5) more" : "")
    }
    let (teamsByKey, trustTeamsByKey, names) = (teamsOfSchool, trustTeamIDs, shownNames)
    // The schools made in name order (as the trust keeps them), so none is moved again; the
    // errors in the order of the files' schools.
    let order = TrustRoster.nameOrder(schoolRows.map(\.name))
    let count = schoolRows.count
    let results = Parallel.map(pieces) { piece in
      var schools: [TrustRoster.School] = []
      var errors: [(index: Int, errors: [Diagnostic])] = []
      for position in (count * piece / pieces)..<(count * (piece + 1) / pieces) {
        let index = order[position]
        let (school, found) = school(
          (files[index], schoolRows[index]), teamsOfSchool: teamsByKey,
          trustTeamIDs: trustTeamsByKey, shownNames: names, exactIDs: exactIDs)
        schools.append(school)
        if !found.isEmpty { errors.append((index, found)) }
      }
      return (schools: schools, errors: errors)
    }
    for (_, found) in results.flatMap(\.errors).sorted(by: { $0.index < $1.index }) {
      errors += found
    }
    let schools = Self.joined(results.map(\.schools))
    if !errors.isEmpty {
      throw RosterError(
        diagnostics: errors.prefix(RosterError.maximumErrors)
          + (errors.count > RosterError.maximumErrors
            ? [
              Diagnostic(
                .error, file: errors[0].file,
                message:
                  "\(errors.count - RosterError.maximumErrors) more errors not shown; fix these "
                  + "first")
            ] : []))
    }
    let trustTeams = trustTeamIDs.values.map { id in
      Team(id: id, name: drafts[id]?.name, gateway: drafts[id]?.gateway)
    }
    return TrustRoster(sortedSchools: schools, trustTeams: trustTeams)
  }

  /// The arrays' elements in order, in one array: each moved, not copied (no element is
  /// retained and released again).
  /// - Complexity: O(n) in the elements.
  private static func joined<Element>(_ pieces: consuming [[Element]]) -> [Element] {
    var pieces = pieces
    var all: [Element] = []
    all.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
    while var piece = pieces.popLast() {
      while let element = piece.popLast() { all.append(element) }
    }
    all.reverse()
    return all
  }

  /// A school's person_ids by staff id as its roster spells it, and whether every staff id is
  /// its own key (as the rows' person_ids are keyed: the id, lowercased unless `exactIDs`).
  /// When the ids are their keys and each of the rows' staff ids is a member's, the rows'
  /// table is the answer as it is, with no table made.
  /// - Complexity: O(s) lookups for s staff.
  private static func personIDs(
    of rows: CSVRosterReader.SchoolRows, exactIDs: Bool
  ) -> (personIDs: [String: String], ownKeys: Bool) {
    let staff = rows.roster.staff
    let ownKeys =
      exactIDs
      || staff.allSatisfy { member in
        member.id.utf8.allSatisfy { $0 < 0x80 && !(0x41...0x5A).contains($0) }
      }
    if ownKeys {
      var found = 0
      for member in staff where rows.personIDs[member.id] != nil { found += 1 }
      if found == rows.personIDs.count { return (rows.personIDs, true) }
    }
    // Ids that are not their keys: each key's first member.
    var personIDs: [String: String] = [:]
    var seen = Set<String>()
    for member in staff {
      let key = exactIDs ? member.id : member.id.lowercased()
      guard seen.insert(key).inserted else { continue }
      if let person = rows.personIDs[key] { personIDs[member.id] = person }
    }
    return (personIDs, ownKeys)
  }

  /// One school of the trust: its person_ids and outside memberships with the ids as its
  /// roster (and the schools it names) spell them, and the problems of the latter.
  private static func school(
    _ part: (file: String, rows: CSVRosterReader.SchoolRows),
    teamsOfSchool: [String: [String: String]], trustTeamIDs: [String: String],
    shownNames: String, exactIDs: Bool
  ) -> (school: TrustRoster.School, errors: [Diagnostic]) {
    var errors: [Diagnostic] = []
    func key(_ id: String) -> String { exactIDs ? id : id.lowercased() }
    let roster = part.rows.roster
    let (personIDs, ownKeys) = Self.personIDs(of: part.rows, exactIDs: exactIDs)
    guard !part.rows.outside.isEmpty else {
      return (
        TrustRoster.School(
          name: part.rows.name, file: part.file, roster: roster, personIDs: personIDs), errors
      )
    }
    let staffIDs = Dictionary(
      roster.staff.map { (ownKeys ? $0.id : key($0.id), $0.id) },
      uniquingKeysWith: { first, _ in first })
    var outside: [TrustRoster.OutsideMembership] = []
    for membership in part.rows.outside {
      let staff = staffIDs[key(membership.staff)] ?? membership.staff
      let team: String?
      if let school = membership.teamSchool {
        guard let teams = teamsOfSchool[school] else {
          errors.append(
            Diagnostic(
              .error, file: part.file, line: membership.line, place: membership.place,
              message:
                "team_school '\(school)' names no school of the roster (its schools: "
                + "\(shownNames)); write the school as its rows name it, or 'trust' for a "
                + "trust-wide team"))
          continue
        }
        team = teams[key(membership.team)]
        if team == nil {
          errors.append(
            Diagnostic(
              .error, file: part.file, line: membership.line, place: membership.place,
              message:
                "school '\(school)' has no team '\(membership.team)'; add the team to that "
                + "school's rows (a row with an empty staff_id declares a team) or correct "
                + "the team id"))
          continue
        }
      } else {
        team = trustTeamIDs[key(membership.team)]
      }
      outside.append(
        TrustRoster.OutsideMembership(
          staff: staff, teamSchool: membership.teamSchool, team: team ?? membership.team,
          isLeader: membership.isLeader, line: membership.line))
    }
    let school = TrustRoster.School(
      name: part.rows.name, file: part.file, roster: roster, personIDs: personIDs,
      outsideMemberships: outside)
    return (school, errors)
  }
}
