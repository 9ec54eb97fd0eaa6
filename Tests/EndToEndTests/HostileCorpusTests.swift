import Foundation
import Testing

/// One line of `Tests/Hostile/manifest.tsv`.
struct HostileCase: Sendable, CustomTestStringConvertible {
  var input: String
  var arguments: [String]
  var exitCode: Int32
  var firstErrorLine: String

  var testDescription: String { "\(arguments.joined(separator: " ")) \(input)" }

  /// Every case in the manifest, in file order.
  static let all: [HostileCase] = {
    let url = packageRoot.appendingPathComponent("Tests/Hostile/manifest.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line -> HostileCase? in
      if line.hasPrefix("#") { return nil }
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard columns.count == 4, let code = Int32(columns[2]) else { return nil }
      return HostileCase(
        input: columns[0], arguments: columns[1].split(separator: " ").map(String.init),
        exitCode: code, firstErrorLine: columns[3])
    }
  }()
}

/// The large hostile inputs, written at test time rather than committed.
enum HostileRecipes {
  /// Writes the input `name` (without its `@`) into `folder` and returns its path.
  static func make(_ name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    func write(_ text: String) throws { try Data(text.utf8).write(to: url) }
    switch name {
    case "line-50MB.csv":
      try write("staff_id,team\nT01," + String(repeating: "x", count: 50 << 20) + "\n")
    case "columns-1000000.csv":
      try write(
        "staff_id,team" + String(repeating: ",c", count: 999_998) + "\nT01,t"
          + String(repeating: ",", count: 999_998) + "\n")
    case "team-100000-members.csv":
      try write("staff_id,team\n" + (0..<100_000).map { "s\($0),big\n" }.joined())
    case "json-nested-1000000.json":
      try write(String(repeating: "[", count: 1_000_000))
    case "every-row-twice-10000.csv":
      try write(
        "staff_id,team\n" + (0..<10_000).map { "s\($0 % 5000),t\($0 % 5000 / 10)\n" }.joined())
    case "grid-10000-teams.csv":
      // One column per team, 10^4 of them, a person on every one.
      try write(
        "staff_id," + (0..<10_000).map { "t\($0)" }.joined(separator: ",") + "\n"
          + (0..<20).map { "s\($0)," + Array(repeating: "Y", count: 10_000).joined(separator: ",") }
          .joined(separator: "\n") + "\n")
    case "list-cell-100000-teams.csv":
      // One person on 10^5 teams, listed in one cell.
      try write(
        "staff_id,teams\ns1,\"" + (0..<100_000).map { "t\($0)" }.joined(separator: ";") + "\"\n")
    case "zero-device":
      // An endless character device (the kernel's zero device, 1:5), made in the test's own
      // folder: the reader must stop at the size limit.
      try FileSystem.makeDevice(url.path, major: 1, minor: 5)
    case "null-device":
      // A character device that reads as empty (the kernel's null device, 1:3).
      try FileSystem.makeDevice(url.path, major: 1, minor: 3)
    case "sparse-4GB.csv":
      // A 4 GiB file that takes no disk space: the reader must refuse it from its size.
      guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown)
      }
      let handle = try FileHandle(forWritingTo: url)
      try handle.truncate(atOffset: 4 << 30)
      try handle.close()
    default:
      throw CocoaError(.fileNoSuchFile)
    }
    return url.path
  }
}

/// Runs every hostile roster through the real binary: no crash, no hang, the documented exit
/// code and the documented first line of standard error.
struct HostileCorpusTests {
  @Test func theCorpusHasAtLeastFiftyRosters() {
    let inputs = Set(HostileCase.all.map(\.input))
    #expect(inputs.count >= 50)
    let files =
      (try? FileManager.default.contentsOfDirectory(
        atPath: packageRoot.appendingPathComponent("Tests/Hostile/files").path)) ?? []
    // Every committed file is in the manifest.
    #expect(Set(files).subtracting(inputs).isEmpty)
  }

  @Test(arguments: HostileCase.all)
  func hostileRoster(_ entry: HostileCase) throws {
    let path: String
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-hostile-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    if entry.input.hasPrefix("@") {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      path = try HostileRecipes.make(String(entry.input.dropFirst()), in: folder)
    } else if entry.input.contains("/") {
      path = entry.input
    } else {
      path = "Tests/Hostile/files/" + entry.input
    }
    let result = try runGateways(entry.arguments + [path])
    #expect(result.status == entry.exitCode)
    let first = result.standardError.split(separator: "\n", omittingEmptySubsequences: false)[0]
    #expect(String(first) == entry.firstErrorLine.replacingOccurrences(of: "{FILE}", with: path))
    if entry.exitCode == 2 { #expect(result.standardOutput.isEmpty) }
  }
}

/// Standard input larger than the limit, read by the real binary from a file descriptor.
struct StandardInputLimitTests {
  @Test func aLargeStandardInputIsRefusedWithBoundedReading() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-stdin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let big = folder.appendingPathComponent("big.csv")
    try Data(("staff_id,team\n" + String(repeating: "s1,t\n", count: 400_000)).utf8).write(to: big)
    let result = try runProcess(
      gatewaysExecutable(), ["check", "--max-file-size", "1M", "-"], input: .file(big),
      timeout: gatewaysTimeout)
    #expect(result.status == 2)
    #expect(
      result.standardError.hasPrefix(
        "gateways: error: <stdin>: the file is larger than the limit of 1048576 bytes"))
  }
}
