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
    var parts: [(file: String, rows: CSVRosterReader.SchoolRows)] = []
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
          parts += schools.map { (fileName, $0) }
          trustTeams.merge(teams) { first, _ in first }
        }
      } catch {
        diagnostics += error.diagnostics
      }
    }
    if !diagnostics.isEmpty { throw RosterError(diagnostics: diagnostics) }
    return .trust(try Self.trust(parts, trustTeams: trustTeams, exactIDs: options.exactIDs))
  }

  /// The school a file names: its name without the folder and the extension.
  static func schoolName(ofFile path: String) -> String {
    let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    return name.isEmpty ? path : name
  }

  /// Joins the schools of every file into a trust, checking what joins them.
  private static func trust(
    _ parts: [(file: String, rows: CSVRosterReader.SchoolRows)],
    trustTeams drafts: [String: CSVRosterReader.TrustTeamDraft], exactIDs: Bool
  ) throws(RosterError) -> TrustRoster {
    var errors: [Diagnostic] = []
    var fileOfSchool: [String: String] = [:]
    for part in parts {
      if let other = fileOfSchool[part.rows.name] {
        errors.append(
          Diagnostic(
            .error, file: part.file,
            message:
              "school '\(part.rows.name)' is also in \(other); give each school's rows in one "
              + "file (or name the schools apart in a school column)"))
      } else {
        fileOfSchool[part.rows.name] = part.file
      }
    }
    func key(_ id: String) -> String { exactIDs ? id : id.lowercased() }
    // Each school on its own (schools are many and independent): a piece of consecutive
    // schools per task, on the cores.
    let pieces = min(parts.count, Parallel.width * 8)
    let teamLists = Parallel.map(pieces) { piece in
      ((parts.count * piece / pieces)..<(parts.count * (piece + 1) / pieces)).map { index in
        Dictionary(
          parts[index].rows.roster.teams.map { (exactIDs ? $0.id : $0.id.lowercased(), $0.id) },
          uniquingKeysWith: { first, _ in first })
      }
    }.flatMap { $0 }
    var teamsOfSchool: [String: [String: String]] = [:]
    teamsOfSchool.reserveCapacity(parts.count)
    for (part, teams) in zip(parts, teamLists) { teamsOfSchool[part.rows.name] = teams }
    var trustTeamIDs: [String: String] = [:]
    for id in drafts.keys.sorted(by: { $0.precedesInBytes($1) }) where trustTeamIDs[key(id)] == nil
    {
      trustTeamIDs[key(id)] = id
    }
    let schoolNames = parts.map(\.rows.name).sorted { $0.precedesInBytes($1) }
    let shownNames =
      schoolNames.prefix(5).joined(separator: ", ")
      + (schoolNames.count > 5 ? " and \(schoolNames.count - 5) more" : "")
    let (teamsByKey, trustTeamsByKey) = (teamsOfSchool, trustTeamIDs)
    let results = Parallel.map(pieces) { piece in
      let range = (parts.count * piece / pieces)..<(parts.count * (piece + 1) / pieces)
      return range.map { index in
        school(
          parts[index], teamsOfSchool: teamsByKey, trustTeamIDs: trustTeamsByKey,
          shownNames: shownNames, exactIDs: exactIDs)
      }
    }.flatMap { $0 }
    for result in results { errors += result.errors }
    let schools = results.map(\.school)
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
    return TrustRoster(schools: schools, trustTeams: trustTeams)
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
    let staffIDs = Dictionary(
      roster.staff.map { (key($0.id), $0.id) }, uniquingKeysWith: { first, _ in first })
    var personIDs: [String: String] = [:]
    for (staff, person) in part.rows.personIDs {
      if let id = staffIDs[key(staff)] { personIDs[id] = person }
    }
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
