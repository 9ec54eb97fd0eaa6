import Foundation
import Testing

@testable import GatewaysKit

/// The CSV reader finds printable-ASCII ids by their bytes and compares known values with the
/// cells' bytes; these tests pin down that it still behaves as Swift string equality does.
struct CSVFastPathTests {
  @Test func quotedUnquotedAndSpacedSpellingsOfAnIdAreOnePerson() throws {
    let roster = try readCSV("staff_id,team\ns1,a\n\"s1\",b\n  s1 ,c\n\" s1\",d\n")
    #expect(roster.staff.map(\.id) == ["s1"])
    #expect(roster.membershipCount == 4)
  }

  @Test(arguments: [("\u{212A}", "K"), ("K", "\u{212A}"), ("caf\u{E9}", "cafe\u{301}")])
  func anIdEqualOnlyAfterNormalisationIsRefusedInEitherOrder(first: String, second: String) {
    let found = diagnostics(csv: "staff_id,team\n\(first),a\n\(second),b\n")
    #expect(
      found.map(\.description) == [
        "error: roster.csv:3:1: staff_id matches the one on line 2 only after Unicode "
          + "normalisation (the same letters, encoded differently); write it the same way on "
          + "every row"
      ])
  }

  @Test func asciiIdsStillMatchAfterAnotherIdIsNotASCII() throws {
    let roster = try readCSV("staff_id,team\ns1,a\nZo\u{EB},a\ns1,b\nt2,b\nZo\u{EB},c\n")
    // Byte order: "Z" comes before "s".
    #expect(roster.staff.map(\.id) == ["Zo\u{EB}", "s1", "t2"])
    #expect(roster.teams.map(\.members) == [["Zo\u{EB}", "s1"], ["s1", "t2"], ["Zo\u{EB}"]])
  }

  @Test func namesSpelledWithOtherBytesButEqualDoNotConflict() throws {
    let roster = try readCSV("staff_id,team,name\ns1,a,Jos\u{E9}\ns1,b,Jose\u{301}\n")
    #expect(roster.staff[0].name == "Jos\u{E9}")
  }

  @Test func aNameSpelledOtherwiseFirstStillAgreesWithItsCanonicalTwin() throws {
    let roster = try readCSV(
      "staff_id,team,name\ns1,a,Jose\u{301}\ns1,b,Jos\u{E9}\ns1,c,Jose\u{301}\n")
    // The first spelling is kept, byte for byte.
    #expect(Array(roster.staff[0].name.utf8) == Array("Jose\u{301}".utf8))
  }

  @Test func namesThatAreNotCanonicallyEqualConflict() {
    let found = diagnostics(csv: "staff_id,team,name\ns1,a,Jos\u{E9}\ns1,b,Jose\n")
    #expect(
      found.map(\.description) == [
        "error: roster.csv:3:6: conflicting name: line 2 gives the same staff_id another name; "
          + "make the rows agree (or leave the cell blank on one of them)"
      ])
  }

  @Test func aQuotedNameWithDoubledQuotesAgreesWithItsRepeats() throws {
    let roster = try readCSV(
      "staff_id,team,name\ns1,a,\"Ann \"\"A\"\" B\"\ns1,b,\"Ann \"\"A\"\" B\"\ns2,b,\" Bo \"\"C\"\"\"\n"
    )
    #expect(roster.staff.map(\.name) == ["Ann \"A\" B", "Bo \"C\""])
    let found = diagnostics(
      csv: "staff_id,team,name\ns1,a,\"Ann \"\"A\"\" B\"\ns1,b,\"Ann \"\"A\"\" C\"\n")
    #expect(found.map(\.line) == [3])
  }

  @Test func aCellThatIsNotASCIIIsTrimmedOfUnicodeWhiteSpace() throws {
    let roster = try readCSV(
      "staff_id,team,name,department\ns1,a,\u{3000}Zo\u{EB}\u{A0},\u{C9}cole \ns1,b,Zo\u{EB},\u{C9}cole\n"
    )
    #expect(roster.staff[0].name == "Zo\u{EB}")
    #expect(roster.staff[0].department == "\u{C9}cole")
  }

  @Test func aControlCharacterInACellThatIsNotASCIIIsAnError() {
    let found = diagnostics(csv: "staff_id,team,name\ns1,a,Zo\u{EB}\u{85}x\n")
    #expect(
      found.map(\.description) == [
        "error: roster.csv:2:6: name contains a control character (U+0085); delete it"
      ])
  }

  @Test func aRepeatedMembershipFarApartNamesItsFirstLine() throws {
    let roster = try readCSV("staff_id,team\ns1,a\ns2,a\ns1,b\ns1,a\ns2,a\n")
    #expect(roster.membershipCount == 3)
    #expect(
      roster.warnings.map(\.description).dropFirst() == [
        "warning: roster.csv:5: repeated membership: line 2 already puts this staff_id on this "
          + "team; counted once. Delete one of the rows",
        "warning: roster.csv:6: repeated membership: line 3 already puts this staff_id on this "
          + "team; counted once. Delete one of the rows",
      ])
    #expect(roster.warnings.first?.message.hasPrefix("the roster has no team_role column") == true)
  }

  @Test func teamRolesOfOneMembershipMustAgreeAcrossFarApartRows() {
    let found = diagnostics(
      csv: "staff_id,team,team_role\ns1,a,member\ns2,a,leader\ns1,b,leader\ns1,a,\ns1,a,leader\n")
    #expect(
      found.map(\.description).first
        == "error: roster.csv:6:6: conflicting team_role: line 2 gives the same staff_id on this "
        + "team another team_role ('leader' here, 'member' there); make the rows agree (or leave "
        + "the cell blank on one of them)")
  }

  @Test func leadersAreFoundFromAnyRowOfTheirMembership() throws {
    let roster = try readCSV("staff_id,team,team_role\ns1,a,\ns2,a,member\ns1,a,lead\n")
    #expect(roster.teams[0].leaders == ["s1"])
    #expect(roster.teams[0].members == ["s1", "s2"])
  }

  @Test func theByteStringTableFindsEveryKeyAfterGrowing() {
    var text = ""
    for index in 0..<5000 { text += "id\(index * 7919 % 100_003)," }
    let bytes = Array(text.utf8)
    var table = ByteStringTable(expectedCount: 4)
    var ranges: [Range<Int>] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: ",") {
      ranges.append(start..<index)
      start = index + 1
    }
    bytes.withUnsafeBufferPointer { buffer in
      for range in ranges {
        #expect(table.slot(of: range, in: buffer) == nil)
        table.insert(range, in: buffer)
      }
      for (slot, range) in ranges.enumerated() {
        #expect(table.slot(of: range, in: buffer) == slot)
      }
      #expect(table.count == 5000)
    }
  }
}
