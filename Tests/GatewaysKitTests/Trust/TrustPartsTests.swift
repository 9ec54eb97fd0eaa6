import Foundation
import Testing

@testable import GatewaysKit

/// A trust file large enough is read in parts at once and the parts' schools merged; what it
/// gives must be what reading row by row gives, on every seeded trust, for good files and bad.
struct TrustPartsTests {
  /// The trust, or the error, as text: every school's analysis (its JSON), outside
  /// memberships, person_ids and warnings, and the trust-wide teams.
  static func outcome(_ text: String, halvesThreshold: Int) -> String {
    var reader = RosterReader()
    reader.halvesThreshold = halvesThreshold
    do {
      let reading = try reader.readSchools([(Data(text.utf8), "trust.csv", .csv)])
      guard case .trust(let trust) = reading else { return "one school" }
      var lines = [Analyser().analyse(trust).json()]
      for school in trust.schools {
        lines.append("\(school.name): \(school.roster.warnings.map(\.description))")
        lines.append("\(school.outsideMemberships.map { "\($0)" })")
        lines.append("\(school.personIDs.sorted { $0.key < $1.key }.map { "\($0)" })")
        lines.append("\(school.roster.reading.map { "\($0)" } ?? "")")
      }
      lines.append(
        "\(trust.trustTeams.map { "\($0.id) \($0.name) \($0.gateway?.id ?? "")" })")
      lines.append("\(trust.warnings.map(\.description))")
      return lines.joined(separator: "\n")
    } catch {
      return "error: \(error.diagnostics.map(\.description))"
    }
  }

  @Test(arguments: TrustTests.cases)
  func readingInPartsGivesWhatReadingRowByRowGives(seed: UInt64, schools: Int) {
    let text = RandomTrust(seed: seed, schools: schools).csv
    let byRows = Self.outcome(text, halvesThreshold: .max)
    #expect(!byRows.hasPrefix("error"))
    #expect(Self.outcome(text, halvesThreshold: 0) == byRows)
  }

  /// Schools one after another (as a national export gives them), so most schools are in one
  /// part and a few span two.
  @Test func schoolsInOrderReadInPartsAsRowByRow() {
    let model = RandomTrust(seed: 11, schools: 60)
    var lines = model.csv.split(separator: "\n").map(String.init)
    let header = lines.removeFirst()
    let column = header.split(separator: ",").firstIndex(of: "school") ?? 0
    func school(_ line: String) -> Substring {
      line.split(separator: ",", omittingEmptySubsequences: false)[column]
    }
    // A stable sort: each school's rows keep their order.
    lines = lines.enumerated().sorted { a, b in
      school(a.element) != school(b.element)
        ? school(a.element) < school(b.element) : a.offset < b.offset
    }.map(\.element)
    let text = ([header] + lines).joined(separator: "\n") + "\n"
    #expect(Self.outcome(text, halvesThreshold: 0) == Self.outcome(text, halvesThreshold: .max))
  }

  /// A problem anywhere (a staff id given two person_ids in two parts, a row with no school, a
  /// team_school naming no school, an unterminated quote) is reported as row by row reports it.
  @Test(arguments: [
    "X99,Person X,team-1,,member,,School 000,P7,\n",
    "X99,Person X,team-1,,member,,,P1,\n",
    "X99,Person X,team-1,,member,,School 000,P1,Nowhere\n",
    "X99,\"Person X,team-1,,member,,School 000,P1,\n",
  ])
  func problemsInALaterPartAreReportedAsRowByRow(badRow: String) {
    let model = RandomTrust(seed: 4, schools: 20)
    let rows = model.csv
    let text =
      "\(RandomTrust.header)\nX99,Person X,team-1,,member,,School 000,P1,\n"
      + rows.dropFirst(RandomTrust.header.count + 1) + badRow
    let byRows = Self.outcome(text, halvesThreshold: .max)
    #expect(byRows.hasPrefix("error"))
    #expect(Self.outcome(text, halvesThreshold: 0) == byRows)
  }
}

extension TrustPartsTests {
  /// A clean file is really read in parts (the comparisons above would pass on a fallback).
  @Test func aCleanTrustIsReallyReadInParts() throws {
    let bytes = Array(RandomTrust(seed: 5, schools: 60).csv.utf8)
    let options = RosterReadOptions()
    let prepared = try CSVRosterReader.prepare(
      bytes, fileName: "trust.csv", limits: RosterLimits(), options: options)
    let part = CSVRosterReader.readSchoolsInParts(
      prepared, columns: CSVRosterReader.TrustColumns(prepared.map.columns),
      limits: RosterLimits(), deeps: .hargreaves, options: options, defaultSchool: nil)
    #expect(part?.assemblers.count == 60)
  }
}
