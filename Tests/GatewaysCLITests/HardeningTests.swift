import Foundation
import GatewaysKit
import Testing

@testable import GatewaysCLI

/// Exit codes, limits, pseudonyms and row-order independence, through the command line.
struct HardeningTests {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func run(_ arguments: [String], input: String = "", in directory: URL? = nil)
    -> (Int32, CapturedOutput)
  {
    let (io, output) = CommandIO.capturing(
      standardInput: Data(input.utf8), currentDirectory: directory ?? root)
    return (GatewaysCommand.run(arguments: arguments, io: io), output)
  }

  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gateways-hardening-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  // MARK: Exit codes

  @Test func everyExitCodeIsTheDocumentedOne() throws {
    #expect(ExitCode.success == 0)
    #expect(ExitCode.findings == 1)
    #expect(ExitCode.usageOrInput == 2)
    #expect(ExitCode.writeFailure == 3)
    #expect(run(["analyse", "Samples/vacher.csv"]).0 == 0)
    #expect(run(["analyse", "--fail-on", "silos", "Samples/secondary.csv"]).0 == 1)
    #expect(run(["analyse", "--no-such-option", "Samples/vacher.csv"]).0 == 2)
    #expect(run(["analyse", "--max-fields", "many", "Samples/vacher.csv"]).0 == 2)
    #expect(run(["check", "-"], input: "staff_id,team\n\u{0},t\n").0 == 2)
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Writing into a missing folder, or over a folder, is a write failure.
    let (missing, missingOutput) = run(
      ["analyse", "-o", folder.appendingPathComponent("none/out.txt").path, "Samples/vacher.csv"])
    #expect(missing == 3)
    #expect(missingOutput.standardOutput.isEmpty)
    let (overFolder, _) = run(["analyse", "-o", folder.path, "Samples/vacher.csv"])
    #expect(overFolder == 3)
    #expect(FileManager.default.fileExists(atPath: folder.path))
  }

  @Test func aFailedWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = folder.appendingPathComponent("out.json")
    try Data("old".utf8).write(to: output)
    // The roster does not read, so nothing is written.
    let (status, _) = run(["analyse", "-o", output.path, "-"], input: "staff_id,team\n")
    #expect(status == 2)
    #expect(try String(contentsOf: output, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
  }

  @Test func theToolRefusesToWriteOverItsInputEvenThroughALink() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let roster = folder.appendingPathComponent("roster.csv")
    try Data("staff_id,team\na,t\n".utf8).write(to: roster)
    let link = folder.appendingPathComponent("link.csv")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: roster)
    let (status, output) = run(["analyse", "-o", "link.csv", "roster.csv"], in: folder)
    #expect(status == 2)
    #expect(output.standardError.contains("refusing to write over the input file"))
    let hard = folder.appendingPathComponent("hard.csv")
    try FileManager.default.linkItem(at: roster, to: hard)
    let (hardStatus, _) = run(["export", "-f", "dot", "-o", "hard.csv", "roster.csv"], in: folder)
    #expect(hardStatus == 2)
    #expect(try String(contentsOf: roster, encoding: .utf8) == "staff_id,team\na,t\n")
  }

  // MARK: Limits

  @Test func standardInputOverTheSizeLimitIsRefused() {
    let big = "staff_id,team\n" + String(repeating: "a,t\n", count: 600)
    let (status, output) = run(["check", "--max-file-size", "1K", "-"], input: big)
    #expect(status == 2)
    #expect(
      output.standardError.hasPrefix(
        "gateways: error: <stdin>: the file is larger than the limit of 1024 bytes"))
    #expect(run(["check", "--max-file-size", "4K", "-"], input: big).0 == 0)
  }

  @Test(arguments: ["0", "-1", "abc", "1X", "K", "99999999999G"])
  func badSizesAreUsageErrors(value: String) {
    let (status, output) = run(["check", "--max-file-size", value, "Samples/vacher.csv"])
    #expect(status == 2)
    #expect(output.standardError.hasPrefix("gateways: error: --max-file-size takes a size"))
  }

  @Test func sizesTakeSuffixes() throws {
    #expect(try byteCount("4096", option: "x") == 4096)
    #expect(try byteCount("64k", option: "x") == 65_536)
    #expect(try byteCount("8M", option: "x") == 8 << 20)
    #expect(try byteCount("1G", option: "x") == 1 << 30)
  }

  @Test func limitsApplyToTheDeepsFileToo() {
    let (status, output) = run([
      "check", "--max-file-size", "10", "--deeps", "Samples/vacher.csv", "Samples/vacher.csv",
    ])
    #expect(status == 2)
    #expect(output.standardError.contains("larger than the limit of 10 bytes"))
  }

  // MARK: Privacy

  /// Every id and name in a sample, to look for in pseudonymised output.
  func personalStrings(_ sample: String) throws -> [String] {
    let roster = try RosterReader().read(
      contentsOf: root.appendingPathComponent("Samples/\(sample)"), displayName: sample,
      format: nil)
    return roster.staff.flatMap { [$0.id, $0.name] + ($0.role.isEmpty ? [] : [$0.role]) }
  }

  @Test(arguments: ["secondary.csv", "primary.csv", "junior.json", "vacher.csv"])
  func pseudonymisedOutputNamesNobodyAndIsStableWithAKey(sample: String) throws {
    let arguments = ["analyse", "--pseudonym-key", "trust secret", "Samples/\(sample)"]
    let (status, output) = run(arguments + ["-f", "json"])
    #expect(status == 0)
    #expect(output.standardError.isEmpty)
    let (_, again) = run(arguments + ["-f", "json"])
    #expect(output.standardOutput == again.standardOutput)
    let (_, text) = run(arguments)
    let (_, check) = run(["check", "--pseudonymise", "Samples/\(sample)"])
    for secret in try personalStrings(sample) where secret.count >= 3 {
      #expect(!output.standardOutput.contains("\"\(secret)\""), "\(secret) in JSON")
      #expect(!text.standardOutput.contains(secret), "\(secret) in text")
      #expect(!check.standardOutput.contains(secret), "\(secret) in check")
    }
    #expect(output.standardOutput.contains("\"Staff-"))
  }

  @Test func thePseudonymIsTheSameInEveryOutputOfARunAndChangesWithTheKey() throws {
    let pseudonym = Pseudonymiser(key: "k").pseudonym(forStaffID: "T02")
    let (_, json) = run(["analyse", "-f", "json", "--pseudonym-key", "k", "Samples/vacher.csv"])
    let (_, text) = run(["analyse", "--pseudonym-key", "k", "Samples/vacher.csv"])
    #expect(json.standardOutput.contains("\"\(pseudonym)\""))
    #expect(text.standardOutput.contains(pseudonym))
    let (_, other) = run(["analyse", "-f", "json", "--pseudonym-key", "k2", "Samples/vacher.csv"])
    #expect(!other.standardOutput.contains(pseudonym))
    // Without a key, each run draws its own.
    let (_, first) = run(["analyse", "-f", "json", "--pseudonymise", "Samples/vacher.csv"])
    let (_, second) = run(["analyse", "-f", "json", "--pseudonymise", "Samples/vacher.csv"])
    #expect(first.standardOutput != second.standardOutput)
  }

  @Test func theKeyFileGivesTheSamePseudonymsAsTheKey() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let keyFile = folder.appendingPathComponent("key")
    try Data("k\n".utf8).write(to: keyFile)
    let (_, fromFile) = run([
      "analyse", "-f", "json", "--pseudonym-key-file", keyFile.path, "Samples/vacher.csv",
    ])
    let (_, fromKey) = run(["analyse", "-f", "json", "--pseudonym-key", "k", "Samples/vacher.csv"])
    #expect(fromFile.standardOutput == fromKey.standardOutput)
    let both = run([
      "check", "--pseudonym-key", "k", "--pseudonym-key-file", keyFile.path, "Samples/vacher.csv",
    ])
    #expect(both.0 == 2)
    #expect(run(["check", "--pseudonym-key", "", "Samples/vacher.csv"]).0 == 2)
    #expect(run(["check", "--pseudonym-key-file", "/no/such/key", "Samples/vacher.csv"]).0 == 2)
  }

  @Test func teamsArePseudonymisedOnlyWithTheOption() {
    let (_, kept) = run(["analyse", "-f", "json", "--pseudonymise", "Samples/vacher.csv"])
    #expect(kept.standardOutput.contains("\"afl\""))
    let (_, hidden) = run([
      "analyse", "-f", "json", "--pseudonymise-teams", "Samples/vacher.csv",
    ])
    #expect(!hidden.standardOutput.contains("\"afl\""))
    #expect(hidden.standardOutput.contains("\"Team-"))
  }

  @Test func messagesNameThePositionAndTheFieldButNoPersonalData() {
    let csv = """
      staff_id,name,role,department,team,team_role,Secret Header
      ID-SECRET-1,Zebedee Quux,Head of Xylophones,Dept-Secret,t1,leader,x
      ID-SECRET-1,Zebedee Quuz,Head of Xylophonez,Dept-Secreu,t1,member,x
      ID-SECRET-2,Wilhelmina Yarrow,,,t2,,x
      ID-SECRET-2,,,,t2,,x

      """
    let (status, output) = run(["check", "-"], input: csv)
    #expect(status == 2)
    #expect(output.standardError.contains("<stdin>:3:"))
    for secret in ["ID-SECRET", "Zebedee", "Quu", "Xylophone", "Dept-Secre", "Wilhelmina"] {
      #expect(!output.standardError.contains(secret), "\(secret) in a message")
    }
    let json = """
      {"staff": [{"id": "ID-SECRET-1"}, {"id": "ID-SECRET-1"}],
       "teams": [{"id": "t", "members": ["ID-SECRET-9", "ID-SECRET-1", "ID-SECRET-1"]}]}
      """
    let (jsonStatus, jsonOutput) = run(["check", "-"], input: json)
    #expect(jsonStatus == 2)
    #expect(!jsonOutput.standardError.contains("ID-SECRET"))
  }

  // MARK: Row order

  /// A small deterministic generator for shuffles (SplitMix64).
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test(arguments: ["secondary.csv", "primary.csv", "vacher.csv"])
  func shuffledRowsGiveTheSameBytes(sample: String) throws {
    let text = try String(
      contentsOf: root.appendingPathComponent("Samples/\(sample)"), encoding: .utf8)
    var lines = text.split(separator: "\n").map(String.init)
    let header = lines.removeFirst()
    let (status, original) = run(["analyse", "-f", "json", "-"], input: text)
    #expect(status == 0)
    #expect(original.standardError.isEmpty)
    let (_, originalText) = run(["analyse", "-"], input: text)
    var generator = SplitMix(state: 2026)
    for _ in 0..<5 {
      lines.shuffle(using: &generator)
      let shuffled = ([header] + lines).joined(separator: "\n") + "\n"
      let (_, json) = run(["analyse", "-f", "json", "-"], input: shuffled)
      #expect(json.standardOutput == original.standardOutput)
      let (_, plain) = run(["analyse", "-"], input: shuffled)
      #expect(plain.standardOutput == originalText.standardOutput)
    }
  }

  @Test func shuffledJSONEntriesGiveTheSameBytes() throws {
    let data = try Data(contentsOf: root.appendingPathComponent("Samples/junior.json"))
    guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      var staff = object["staff"] as? [Any], var teams = object["teams"] as? [Any]
    else {
      Issue.record("junior.json is not an object with staff and teams")
      return
    }
    let (_, original) = run(["analyse", "-f", "json", "Samples/junior.json"])
    var generator = SplitMix(state: 7)
    for _ in 0..<5 {
      staff.shuffle(using: &generator)
      teams.shuffle(using: &generator)
      object["staff"] = staff
      object["teams"] = teams
      let shuffled = try JSONSerialization.data(withJSONObject: object)
      let (_, json) = run(
        ["analyse", "-f", "json", "-"], input: String(decoding: shuffled, as: UTF8.self))
      #expect(json.standardOutput == original.standardOutput)
    }
  }
}
