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
      bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
          let count = write(writer, raw.baseAddress.map { $0 + offset }, raw.count - offset)
          if count <= 0 { break }
          offset += count
        }
      }
      close(writer)
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
