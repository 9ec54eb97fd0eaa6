import Foundation
import Testing

@testable import GatewaysKit

/// `RosterReader.contents(of:displayName:limit:)` and the reads under it: every read error is
/// an error, never a short read taken for the end of the file, and a file that changes size
/// while it is read is refused.
struct FileReadingTests {
  func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-reading-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func message(_ read: () throws(RosterError) -> Data?) -> String? {
    do {
      _ = try read()
      return nil
    } catch {
      return error.diagnostics.first?.description
    }
  }

  @Test func aWholeFileIsReadAtAnySize() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The last two are read in two halves at once (RosterReader.parallelReadThreshold).
    for size in [0, 1, 65_535, 65_536, 65_537, 3 << 20, 4 << 20, (4 << 20) + 1] {
      let url = folder.appendingPathComponent("f\(size)")
      let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) })
      try bytes.write(to: url)
      #expect(try RosterReader.contents(of: url, displayName: "f", limit: 5 << 20) == bytes)
    }
    #expect(RosterReader.parallelReadThreshold == 4 << 20)
  }

  @Test func aFailedReadIsAnErrorNotTheEndOfTheFile() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Reading a folder's descriptor fails (EISDIR): a real read error, made without a system path.
    let descriptor = open(folder.path, O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let text = message { () throws(RosterError) in
      try RosterReader.read(
        descriptor: descriptor, displayName: "r.csv", limit: 100, sizeWhenOpened: nil)
    }
    #expect(
      text
        == "error: r.csv: cannot read the file after 0 bytes (\(String(cString: strerror(EISDIR)))); the roster was not read"
    )
  }

  @Test func aFileThatShrinksWhileReadIsRefused() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("r.csv")
    try Data(repeating: 0x61, count: 1000).write(to: url)
    let descriptor = open(url.path, O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    // Opened at 1000 bytes; then another program cuts the file to 400.
    #expect(truncate(url.path, 400) == 0)
    let text = message { () throws(RosterError) in
      try RosterReader.read(
        descriptor: descriptor, displayName: "r.csv", limit: 1 << 20, sizeWhenOpened: 1000)
    }
    #expect(
      text
        == "error: r.csv: the file changed size while it was read (1000 bytes when opened, 400 read, 400 now); something is writing to it, so read it again when that is done"
    )
  }

  @Test func aFileThatGrowsWhileReadIsRefused() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("r.csv")
    try Data(repeating: 0x61, count: 1000).write(to: url)
    let descriptor = open(url.path, O_RDONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let handle = try FileHandle(forWritingTo: url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(repeating: 0x62, count: 500))
    try handle.close()
    let text = message { () throws(RosterError) in
      try RosterReader.read(
        descriptor: descriptor, displayName: "r.csv", limit: 1 << 20, sizeWhenOpened: 1000)
    }
    #expect(
      text?.contains(
        "the file changed size while it was read (1000 bytes when opened, 1500 read, 1500 now)")
        == true)
  }

  @Test func aStreamIsReadToItsEndAndLimited() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let bytes = Data(repeating: 0x63, count: 300_000)
    let writer = ends[1]
    Thread.detachNewThread {
      Self.writeAll(bytes, to: writer)
    }
    defer { close(ends[0]) }
    let read = try RosterReader.read(
      descriptor: ends[0], displayName: "-", limit: 1 << 20, sizeWhenOpened: nil)
    #expect(read == bytes)
    // The same stream over a smaller limit is refused, reading at most limit + 1 bytes.
    var small: [Int32] = [0, 0]
    try #require(pipe(&small) == 0)
    defer { close(small[0]) }
    _ = Data(repeating: 0x64, count: 5000).withUnsafeBytes {
      write(small[1], $0.baseAddress, $0.count)
    }
    close(small[1])
    #expect(
      try RosterReader.read(
        descriptor: small[0], displayName: "-", limit: 4096, sizeWhenOpened: nil) == nil)
  }

  @Test func aFolderAndAMissingFileAreNamedErrors() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(
      message { () throws(RosterError) in
        try RosterReader.contents(of: folder, displayName: "dir", limit: 100)
      } == "error: dir: this is a folder, not a roster file")
    #expect(
      message { () throws(RosterError) in
        try RosterReader.contents(
          of: folder.appendingPathComponent("none.csv"), displayName: "none.csv", limit: 100)
      } == "error: none.csv: no such file; check the path and the spelling of the file name")
    let file = folder.appendingPathComponent("f.csv")
    try Data("x".utf8).write(to: file)
    #expect(
      message { () throws(RosterError) in
        try RosterReader.contents(
          of: file.appendingPathComponent("inside.csv"), displayName: "f.csv/inside.csv", limit: 100
        )
      }?.hasPrefix("error: f.csv/inside.csv: no such file") == true)
  }
}

/// Large regular files are mapped into memory rather than copied
/// (`RosterReader.bytes(of:displayName:limit:mappingThreshold:)`): a mapped read gives what a
/// copied one does, and what cannot be mapped (a pipe, a FIFO, a JSON file, a workbook, an
/// empty file) is read as before.
extension FileReadingTests {
  /// A roster as something comparable: its content and warnings, or the diagnostics.
  static func outcome(_ read: () throws(RosterError) -> Roster) -> String {
    do {
      let roster = try read()
      return "staff \(roster.staff)\nteams \(roster.teams)\npositions \(roster.memberPositions)\n"
        + "warnings \(roster.warnings.map(\.description))\nreading \(String(describing: roster.reading))"
    } catch {
      return "errors \(error.diagnostics.map(\.description))"
    }
  }

  @Test(arguments: [0, 1, 7]) func aMappedFileReadsAsTheCopiedOneDoes(seed: UInt64) throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("r.csv")
    var text = CSVHalvesTests.messyCSV(seed: seed)
    if seed == 7 {
      // A clean file big enough to be read in halves.
      text = "staff_id,team,name,gateway\n"
      for row in 0..<5000 { text += "s\(row % 977),t\(row % 131),N\(row % 977),voice\n" }
    }
    try Data(text.utf8).write(to: url)
    let mapped = try RosterReader.bytes(
      of: url, displayName: "r.csv", limit: 1 << 20, mappingThreshold: 0)
    let copied = try RosterReader.bytes(
      of: url, displayName: "r.csv", limit: 1 << 20, mappingThreshold: .max)
    #expect(mapped.isMapped)
    #expect(!copied.isMapped)
    #expect(Array(mapped) == Array(text.utf8))
    #expect(Array(copied) == Array(text.utf8))
    for halves in [0, Int.max] {
      var reader = RosterReader()
      reader.halvesThreshold = halves
      let fromMapping = Self.outcome { () throws(RosterError) in
        try reader.read(bytes: mapped, fileName: "r.csv", format: .csv)
      }
      let fromCopy = Self.outcome { () throws(RosterError) in
        try reader.read(bytes: copied, fileName: "r.csv", format: .csv)
      }
      #expect(fromMapping == fromCopy)
    }
  }

  @Test func aFileTheReaderMustHaveAsAnArrayIsNotMapped() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let files: [(String, [UInt8])] = [
      ("empty.csv", []),
      ("r.json", Array("  {\"staff\": []}".utf8)),
      ("book.csv", [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 64)),
      ("r.csv", Array("staff_id,team\ns1,voice\n".utf8)),
    ]
    for (name, bytes) in files {
      let url = folder.appendingPathComponent(name)
      try Data(bytes).write(to: url)
      let read = try RosterReader.bytes(
        of: url, displayName: name, limit: 1 << 20, mappingThreshold: 0)
      #expect(read.isMapped == (name == "r.csv"), "\(name)")
      #expect(Array(read) == bytes, "\(name)")
    }
  }

  @Test func aFIFOIsReadToItsEnd() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("fifo.csv")
    try #require(mkfifo(url.path, 0o600) == 0)
    var text = "staff_id,team\n"
    for row in 0..<20_000 { text += "s\(row),t\(row % 50)\n" }
    let bytes = Data(text.utf8)
    let path = url.path
    Thread.detachNewThread {
      let writer = open(path, O_WRONLY)
      guard writer >= 0 else { return }
      Self.writeAll(bytes, to: writer)
    }
    let roster = try RosterReader().read(contentsOf: url, displayName: "fifo.csv", format: nil)
    #expect(roster.staff.count == 20_000)
    #expect(roster.teams.count == 50)
  }

  /// Writes all of `bytes` to `descriptor` (a pipe or FIFO whose reader drains it), then closes it.
  private static func writeAll(_ bytes: Data, to descriptor: Int32) {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let count = write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
        if count <= 0 { break }
        offset += count
      }
    }
    close(descriptor)
  }
}
