import Foundation
import Testing

@testable import GatewaysKit

struct ZipArchiveTests {
  static let folder = packageRoot.appendingPathComponent("Tests/Fixtures/Zip")

  static func bytes(_ file: String) throws -> [UInt8] {
    try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
  }

  /// Every entry's contents, by name.
  static func contents(_ archive: ZipArchive) throws -> [String: [UInt8]] {
    var budget = Int.max
    var found: [String: [UInt8]] = [:]
    for entry in archive.entries {
      found[entry.name] = try archive.contents(of: entry, budget: &budget)
    }
    return found
  }

  @Test(arguments: ["descriptors.zip", "zip64.zip", "zip64-descriptors.zip", "infozip.zip"])
  func anArchiveReadsToTheFilesItWasMadeFrom(_ file: String) throws {
    let archive = try ZipArchive(Self.bytes(file), limits: WorkbookLimits())
    #expect(archive.entries.map(\.name) == ["a.txt", "b.txt", "empty.txt"])
    let contents = try Self.contents(archive)
    for name in ["a.txt", "b.txt", "empty.txt"] {
      #expect(contents[name] == (try Self.bytes(name)), "\(file): \(name)")
    }
  }

  @Test func theFixturesHaveWhatTheyClaim() throws {
    let descriptors = try ZipArchive(Self.bytes("descriptors.zip"), limits: WorkbookLimits())
    #expect(descriptors.entries.allSatisfy { $0.flags & 8 != 0 })
    #expect(descriptors.entries.map(\.method) == [8, 0, 8])
    let zip64 = try Self.bytes("zip64.zip")
    // A ZIP64 end of central directory record and, in the central directory, 0xFFFFFFFF sizes.
    #expect(zip64.indices.contains { zip64[$0...].starts(with: [0x50, 0x4B, 0x06, 0x06]) })
    #expect(zip64.indices.contains { zip64[$0...].starts(with: [0x50, 0x4B, 0x06, 0x07]) })
    let mixed = try ZipArchive(Self.bytes("zip64-descriptors.zip"), limits: WorkbookLimits())
    #expect(mixed.entries.allSatisfy { $0.flags & 8 != 0 })
  }

  @Test func namesAreFoundIgnoringCaseAndBackslashes() throws {
    let archive = try ZipArchive(Self.bytes("descriptors.zip"), limits: WorkbookLimits())
    #expect(archive.entry(named: "A.TXT")?.name == "a.txt")
    #expect(archive.entry(named: "/b.txt")?.name == "b.txt")
    #expect(archive.entry(named: "c.txt") == nil)
  }

  @Test func aCorruptedEntryFailsItsCRC() throws {
    var bytes = try Self.bytes("descriptors.zip")
    let archive = try ZipArchive(bytes, limits: WorkbookLimits())
    let stored = try #require(archive.entry(named: "b.txt"))
    bytes[stored.localHeaderOffset + 30 + 5 + 100] ^= 0xFF  // a byte of b.txt's data
    let damaged = try ZipArchive(bytes, limits: WorkbookLimits())
    var budget = Int.max
    #expect(throws: WorkbookError.damaged("the part 'b.txt' fails its CRC-32 check")) {
      try damaged.contents(of: stored, budget: &budget)
    }
  }

  @Test func everyCutOfAnArchiveGivesAnErrorNotATrap() throws {
    let bytes = try Self.bytes("zip64-descriptors.zip")
    for cut in 0..<bytes.count {
      do {
        let archive = try ZipArchive(Array(bytes[..<cut]), limits: WorkbookLimits())
        _ = try Self.contents(archive)
        Issue.record("a cut at \(cut) read")
      } catch let error as WorkbookError {
        #expect(!error.message.isEmpty)
      }
    }
  }

  @Test func aFileThatIsNotAZipSaysSo() {
    #expect(throws: WorkbookError.self) {
      try ZipArchive(Array("staff_id,team\nT1,t\n".utf8), limits: WorkbookLimits())
    }
    do {
      _ = try ZipArchive(Array("staff_id,team\nT1,t\n".utf8), limits: WorkbookLimits())
    } catch {
      #expect(error.message.hasPrefix("this is not an .xlsx workbook (it is not a ZIP archive)"))
    }
    do {
      _ = try ZipArchive([0x50, 0x4B, 0x03, 0x04, 0, 0, 0], limits: WorkbookLimits())
    } catch {
      #expect(error.message.hasPrefix("the workbook is damaged (the file is cut short"))
    }
  }

  @Test func theLimitsRefuseManyEntriesLargeEntriesAndHighRatios() throws {
    let bytes = try Self.bytes("descriptors.zip")
    #expect(throws: WorkbookError.self) {
      try ZipArchive(bytes, limits: WorkbookLimits(maximumEntries: 2))
    }
    let archive = try ZipArchive(bytes, limits: WorkbookLimits(maximumRatio: 2, ratioFloor: 100))
    let text = try #require(archive.entry(named: "a.txt"))
    var budget = Int.max
    do {
      _ = try archive.contents(of: text, budget: &budget)
      Issue.record("a.txt compresses more than twice over and should be refused")
    } catch {
      #expect(error.message.contains("refused as a possible zip bomb"))
    }
    var small = text.uncompressedSize - 1
    do {
      _ = try ZipArchive(bytes, limits: WorkbookLimits()).contents(of: text, budget: &small)
      Issue.record("the budget should refuse a.txt")
    } catch {
      #expect(error.message.contains("inflates to \(text.uncompressedSize) bytes, more than"))
    }
    var enough = text.uncompressedSize
    _ = try ZipArchive(bytes, limits: WorkbookLimits()).contents(of: text, budget: &enough)
    #expect(enough == 0)
  }

  @Test func anEntryThatInflatesPastItsDeclaredSizeIsRefused() throws {
    // Lower a.txt's declared size in the central directory: its data then inflates past it.
    var bytes = try Self.bytes("descriptors.zip")
    let archive = try ZipArchive(bytes, limits: WorkbookLimits())
    let entry = try #require(archive.entry(named: "a.txt"))
    let central = try #require(
      bytes.indices.first { bytes[$0...].starts(with: [0x50, 0x4B, 0x01, 0x02]) })
    bytes[central + 24] = 10
    bytes[central + 25] = 0
    bytes[central + 26] = 0
    bytes[central + 27] = 0
    let lying = try ZipArchive(bytes, limits: WorkbookLimits())
    var budget = Int.max
    #expect(lying.entry(named: "a.txt")?.uncompressedSize == 10)
    #expect(entry.uncompressedSize > 10)
    #expect(
      throws: WorkbookError.damaged("the part 'a.txt' inflates to more than its declared size")
    ) {
      try lying.contents(of: try #require(lying.entry(named: "a.txt")), budget: &budget)
    }
  }

  @Test func anEncryptedEntryIsRefused() throws {
    var bytes = try Self.bytes("descriptors.zip")
    let central = try #require(
      bytes.indices.first { bytes[$0...].starts(with: [0x50, 0x4B, 0x01, 0x02]) })
    bytes[central + 8] |= 1
    let archive = try ZipArchive(bytes, limits: WorkbookLimits())
    var budget = Int.max
    do {
      _ = try archive.contents(of: archive.entries[0], budget: &budget)
      Issue.record("an encrypted entry should be refused")
    } catch {
      #expect(error.message.hasPrefix("the workbook is encrypted (password-protected)"))
    }
  }
}
