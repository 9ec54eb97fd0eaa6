import Foundation
import Testing

@testable import GatewaysKit

struct TrustTests {
  static func readTrust(_ text: String, fileName: String = "trust.csv") throws -> TrustRoster {
    let reading = try RosterReader().readSchools([(Data(text.utf8), fileName, .csv)])
    guard case .trust(let trust) = reading else {
      Issue.record("read as one school")
      throw RosterError(diagnostics: [])
    }
    return trust
  }

  /// The seeded trusts: 2 to 200 schools.
  static let cases: [(seed: UInt64, schools: Int)] = [
    (1, 2), (2, 3), (3, 7), (4, 20), (5, 60), (6, 200),
  ]

  @Test(arguments: cases)
  func everySchoolIsTheAnalysisOfItsOwnRowsAlone(seed: UInt64, schools: Int) throws {
    let model = RandomTrust(seed: seed, schools: schools)
    let trust = try Self.readTrust(model.csv)
    #expect(trust.schools.map(\.name) == model.schoolNames)
    let analysis = Analyser().analyse(trust)
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(analysis.json().utf8)) as? [String: Any])
    #expect(document["schemaVersion"] as? Int == 3)
    let entries = try #require(document["schools"] as? [[String: Any]])
    #expect(entries.count == schools)
    // Every school of the small trusts, every seventh of the large ones.
    let stride = schools > 20 ? 7 : 1
    for index in Swift.stride(from: 0, to: schools, by: stride) {
      let alone = try RosterReader().read(
        Data(model.csvOfSchool(index).utf8), fileName: "trust.csv", format: .csv)
      let expected = Analyser().analyse(alone)
      #expect(analysis.schools[index].analysis.jsonBytes() == expected.jsonBytes())
      var entry = entries[index]
      #expect(entry.removeValue(forKey: "school") as? String == model.schoolNames[index])
      let own = try #require(
        JSONSerialization.jsonObject(with: Data(expected.json().utf8)) as? NSDictionary)
      #expect(NSDictionary(dictionary: entry) == own, "school \(index)")
    }
  }

  @Test func theTrustDocumentIsEachSchoolsDocumentIndentedWithItsName() throws {
    let model = RandomTrust(seed: 9, schools: 3)
    let analysis = Analyser().analyse(try Self.readTrust(model.csv))
    let text = analysis.json()
    for entry in analysis.schools {
      // The school's own document, indented as an item of `schools`, after its name.
      let own = entry.analysis.json().dropFirst(2).dropLast()
      let indented = own.split(separator: "\n", omittingEmptySubsequences: false).map {
        "    " + $0
      }.joined(separator: "\n")
      #expect(text.contains("    {\n      \"school\": \"\(entry.name)\",\n" + indented))
    }
    #expect(text == analysis.json(), "the same trust gives the same bytes")
  }

  @Test func staffIDsRepeatedAcrossSchoolsAreOtherPeople() throws {
    let trust = try Self.readTrust(
      """
      staff_id,name,team,school
      S1,Ann One,voice,Oak
      S1,Bea Two,voice,Elm
      S2,Cy Three,afl,Oak
      S2,Di Four,voice,Elm
      """)
    #expect(trust.schools.map(\.name) == ["Elm", "Oak"])
    #expect(trust.schools[0].roster.staff.map(\.name) == ["Bea Two", "Di Four"])
    #expect(trust.schools[1].roster.staff.map(\.name) == ["Ann One", "Cy Three"])
    #expect(trust.schools[1].roster.teams.map(\.id) == ["afl", "voice"])
  }

  @Test func conflictingRowsWithinOneSchoolStillConflictNamingBothLines() throws {
    let text = """
      staff_id,name,team,school
      S1,Ann One,voice,Oak
      S1,Bea Two,voice,Elm
      S1,Ann Other,afl,Oak
      """
    #expect {
      _ = try RosterReader().readSchools([(Data(text.utf8), "trust.csv", .csv)])
    } throws: { error in
      guard let error = error as? RosterError else { return false }
      let lines = error.diagnostics.filter { $0.severity == .error }.map(\.description)
      return lines.count == 1 && lines[0].hasPrefix("error: trust.csv:4:")
        && lines[0].contains("conflicting name: line 2 gives the same staff_id another name")
    }
  }

  static func errors(_ text: String) -> [String] {
    do {
      _ = try RosterReader().readSchools([(Data(text.utf8), "trust.csv", .csv)])
      return []
    } catch {
      return error.diagnostics.filter { $0.severity == .error }.map(\.description)
    }
  }

  @Test func aRowWithNoSchoolIsAnError() {
    let lines = Self.errors("staff_id,team,school\nS1,voice,Oak\nS2,voice,\n")
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("error: trust.csv:3: this row has no school") == true)
  }

  @Test func aTeamSchoolNamingNoSchoolOrATeamItLacksIsAnError() {
    let lines = Self.errors(
      """
      staff_id,team,school,team_school
      S1,voice,Oak,
      S3,voice,Oak,Pine
      S4,chess,Oak,Oak
      S5,voice,Elm,Oak
      S6,debate,Elm,Oak
      """)
    #expect(lines.count == 2)
    #expect(
      lines.contains { $0.hasPrefix("error: trust.csv:3: team_school 'Pine' names no school") })
    #expect(
      lines.contains { $0.hasPrefix("error: trust.csv:6: school 'Oak' has no team 'debate'") })
  }

  @Test func aPersonIDBesideAStaffIDIsThePersonAndAloneIsTheStaffID() throws {
    let both = try Self.readTrust(
      """
      Staff Code,Person ID,Team,Academy
      S1,TRN1,voice,Oak
      S9,TRN1,voice,Elm
      """)
    #expect(both.schools[1].personIDs == ["S1": "TRN1"])
    let network = TrustNetwork(both)
    #expect(network.peopleInSeveralSchools == 1)
    #expect(network.groups == [["Elm", "Oak"]])
    let alone = try RosterReader().read(
      Data("Person ID,Team\nS1,voice\n".utf8), fileName: "one.csv", format: .csv)
    #expect(alone.staff.map(\.id) == ["S1"])
  }

  @Test func conflictingPersonIDsOfOneStaffIDAreAnError() throws {
    let text = "staff_id,team,school,person_id\nS1,voice,Oak,P1\nS1,afl,Oak,P2\n"
    #expect(throws: RosterError.self) {
      _ = try RosterReader().readSchools([(Data(text.utf8), "trust.csv", .csv)])
    }
  }

  @Test func severalFilesAreSchoolsNamedByTheirFiles() throws {
    let reading = try RosterReader().readSchools([
      (Data("staff_id,team\nS1,voice\n".utf8), "rosters/oak.csv", .csv),
      (Data("staff_id,team\nS1,afl\nS2,afl\n".utf8), "rosters/elm.csv", .csv),
    ])
    guard case .trust(let trust) = reading else {
      Issue.record("not a trust")
      return
    }
    #expect(trust.schools.map(\.name) == ["elm", "oak"])
    #expect(trust.schools.map(\.file) == ["rosters/elm.csv", "rosters/oak.csv"])
    #expect(trust.schools[0].roster.staff.count == 2)
  }

  @Test func oneFileWithNoSchoolColumnIsOneSchool() throws {
    let reading = try RosterReader().readSchools([
      (Data("staff_id,team\nS1,voice\n".utf8), "a.csv", .csv)
    ])
    guard case .school(let roster) = reading else {
      Issue.record("read as a trust")
      return
    }
    #expect(roster.staff.map(\.id) == ["S1"])
  }

  @Test(arguments: [UInt64(11), 12, 13])
  func theTextReportIsBoundedAndPutsTheNeediestSchoolFirst(seed: UInt64) throws {
    let model = RandomTrust(seed: seed, schools: 150)
    let analysis = Analyser().analyse(try Self.readTrust(model.csv))
    let text = analysis.text(source: "trust.csv")
    #expect(text.split(separator: "\n").count < 80)
    let order = analysis.attentionOrder
    let first = analysis.schools[order[0]].analysis.summary
    for entry in analysis.schools {
      #expect(
        first.silos + first.islands >= entry.analysis.summary.silos + entry.analysis.summary.islands
      )
    }
    #expect(text.contains("and 130 more"))
  }
}
