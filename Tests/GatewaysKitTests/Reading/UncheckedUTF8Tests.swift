import Foundation
import Testing

@testable import GatewaysKit

/// A file that may be UTF-8 is read without a pass that checks it whole: its cells are
/// checked as they are read, and any error reads it again with the pass. These tests hold the
/// reads to what a checked read gives, at sizes read whole and in halves (or parts).
struct UncheckedUTF8Tests {
  /// Rows of a roster whose names hold letters that are not ASCII (as UTF-8), `count` rows.
  static func rows(_ count: Int, school: Bool = false) -> String {
    var text = school ? "school,staff_id,name,team\n" : "staff_id,name,team\n"
    for index in 0..<count {
      let name = index % 3 == 0 ? "Zo\u{EB} \u{D8}stby \(index)" : "Staff \(index)"
      text += (school ? "school \(index % 4)," : "") + "s\(index),\"\(name)\",t\(index % 97)\n"
    }
    return text
  }

  /// Whether two reads gave the same roster: staff, teams, warnings and how it was read.
  static func same(_ one: Roster, _ other: Roster) -> Bool {
    one.staff == other.staff && one.teams == other.teams && one.warnings == other.warnings
      && one.reading == other.reading
  }

  /// The roster a read checked as a whole gives (the reader as it was before this change).
  static func checkedRead(_ bytes: [UInt8], halvesThreshold: Int) throws(RosterError) -> Roster {
    let options = RosterReadOptions()
    let prepared = try CSVRosterReader.prepare(
      RosterBytes(bytes), fileName: "roster.csv", limits: RosterLimits(), options: options)
    #expect(!prepared.isUTF8Unchecked)
    return try CSVRosterReader.assemble(
      prepared, deeps: .hargreaves, limits: RosterLimits(), options: options,
      halvesThreshold: halvesThreshold)
  }

  @Test(arguments: [200, 40_000])
  func validUTF8ReadUncheckedIsTheRosterACheckedReadGives(rows: Int) throws {
    let bytes = Array(Self.rows(rows).utf8)
    let prepared = try CSVRosterReader.prepare(
      RosterBytes(bytes), fileName: "roster.csv", limits: RosterLimits(),
      options: RosterReadOptions(), checksWhole: false)
    #expect(prepared.isUTF8Unchecked)
    #expect(!prepared.parser.bytesAreValidUTF8)
    for threshold in [1 << 20, 1024] {
      let unchecked = try CSVRosterReader.read(
        bytes, fileName: "roster.csv", halvesThreshold: threshold)
      let checked = try Self.checkedRead(bytes, halvesThreshold: threshold)
      #expect(Self.same(unchecked, checked))
      #expect(unchecked.reading?.encoding == .utf8)
      #expect(unchecked.staff.first { $0.id == "s0" }?.name == "Zo\u{EB} \u{D8}stby 0")
    }
  }

  @Test(arguments: [200, 40_000])
  func aWindows1252ByteOnTheLastRowReadsTheFileAgainAsWindows1252(rows: Int) throws {
    // Every row is ASCII but the last, whose name has a Windows-1252 "ë" (0xEB, not UTF-8).
    var bytes = Array(Self.rows(rows).utf8.filter { $0 < 0x80 })
    bytes += Array("s-last,Zo".utf8) + [0xEB] + Array(",t1\n".utf8)
    let lastLine = rows + 2
    for threshold in [1 << 20, 1024] {
      let roster = try CSVRosterReader.read(
        bytes, fileName: "roster.csv", halvesThreshold: threshold)
      #expect(roster.reading?.encoding == .windows1252)
      #expect(roster.staff.first { $0.id == "s-last" }?.name == "Zo\u{EB}")
      let warning = try #require(roster.warnings.first { $0.message.contains("Windows-1252") })
      #expect(warning.location == "roster.csv:\(lastLine)")
      #expect(Self.same(roster, try Self.checkedRead(bytes, halvesThreshold: threshold)))
    }
  }

  @Test func aWindows1252FileWithAnErrorReportsWhatACheckedReadReports() {
    // A row short of a cell, and a Windows-1252 byte two rows later: the error the checked
    // read reports (with its warning about the encoding), not a complaint about UTF-8.
    var bytes = Array("staff_id,name,team\ns1,Ada,t1\ns2,t2\ns3,Ren".utf8)
    bytes += [0xE9] + Array(",t1\n".utf8)
    let found = diagnostics(csv: Data(bytes))
    #expect(found.contains { $0.message.contains("Windows-1252") && $0.location == "roster.csv:4" })
    #expect(found.contains { $0.message.contains("this row has 2 fields") })
    #expect(!found.contains { $0.message.contains("not valid UTF-8") })
    do {
      _ = try Self.checkedRead(bytes, halvesThreshold: 1 << 20)
      Issue.record("the checked read should fail")
    } catch {
      #expect(error.diagnostics == found)
    }
  }

  @Test func aTrustFileWithAWindows1252ByteIsReadAgainAsWindows1252() throws {
    for rows in [200, 40_000] {
      var bytes = Array(Self.rows(rows, school: true).utf8.filter { $0 < 0x80 })
      bytes += Array("school 1,s-last,Zo".utf8) + [0xEB] + Array(",t1\n".utf8)
      let reading = try RosterReader().readSchools([(Data(bytes), "trust.csv", .csv)])
      guard case .trust(let trust) = reading else {
        Issue.record("a file with a school column is a trust")
        return
      }
      let school = try #require(trust.schools.first { $0.name == "school 1" })
      #expect(school.roster.staff.first { $0.id == "s-last" }?.name == "Zo\u{EB}")
      #expect(school.roster.reading?.encoding == .windows1252)
    }
  }
}
