import Foundation
import Testing

/// The DOT export, made by the built binary, accepted by Graphviz's `dot`.
///
/// `.ci/run` installs Graphviz with `Scripts/ci-install-report-tools.sh`. Elsewhere a missing
/// `dot` makes the test print a note and pass; when the `CI` environment variable is set it
/// makes it fail (``RequiredTool``).
struct GraphvizTests {
  /// Names that DOT must quote: quotes, backslashes, line breaks, braces, markup.
  static let awkwardRoster = """
    {"staff": [
      {"id": "q1", "name": "say \\"hi\\" \\\\ back\\\\"},
      {"id": "q2", "name": "line one\\nline two\\r\\nthree\\ttab"},
      {"id": "q3", "name": "{braces} [brackets] <b>markup</b> -- ->"}],
     "teams": [
      {"id": "t\\"1", "name": "Voice \\\\ \\"team\\"", "gateway": "student voice",
       "leaders": ["q1"], "members": ["q2", "q3"]},
      {"id": "t2", "name": "graph { node }", "gateway": "curriculum", "members": ["q2", "q3"]}]}
    """

  static let rosters = [
    "Samples/vacher.csv", "Samples/primary.csv", "Samples/secondary.csv", "Samples/junior.json",
    "Tests/Fixtures/hostile-names.csv", "-",
  ]

  @Test(arguments: rosters)
  func dotAcceptsTheExport(roster: String) throws {
    let input = roster == "-" ? Data(Self.awkwardRoster.utf8) : nil
    let export = try runGateways(["export", "--format", "dot", roster], input: input)
    #expect(export.status == 0, "export failed: \(export.standardError)")
    #expect(export.standardOutput.hasPrefix("graph gateways {"))
    guard
      let dot = RequiredTool.find(["dot"], purpose: "the DOT export's validity (Graphviz)")
    else { return }
    let result = try runProcess(
      dot, ["-Tsvg"], input: .data(Data(export.standardOutput.utf8)), timeout: 120)
    #expect(result.status == 0, "dot rejected the export: \(result.standardError)")
    #expect(result.standardOutput.contains("<svg"))
    #expect(!result.standardOutput.contains("<script>"))
  }
}

/// The tests of the outside tools fail in CI when the tool is missing.
struct RequiredToolTests {
  @Test func aMissingToolIsSkippedOutsideCIAndFailsInCI() throws {
    let empty = try TemporaryFolder("no-tools")
    defer { empty.remove() }
    let outside = RequiredTool.look(
      for: ["dot"], purpose: "the check", environment: ["PATH": empty.url.path])
    guard case .skipped(let note) = outside else {
      Issue.record("expected a skip, got \(outside)")
      return
    }
    #expect(note.contains("dot is not installed"))
    for ci in ["1", "true"] {
      let inCI = RequiredTool.look(
        for: ["dot"], purpose: "the check", environment: ["PATH": empty.url.path, "CI": ci])
      guard case .failed(let message) = inCI else {
        Issue.record("expected a failure with CI=\(ci), got \(inCI)")
        continue
      }
      #expect(message.contains("CI is set"))
    }
    // An empty CI is not CI.
    let blank = RequiredTool.look(
      for: ["dot"], purpose: "the check", environment: ["PATH": empty.url.path, "CI": ""])
    #expect(blank == outside)
  }

  @Test func aToolOnThePathIsFound() throws {
    let folder = try TemporaryFolder("tools")
    defer { folder.remove() }
    let tool = folder.url.appendingPathComponent("dot")
    try Data("#!/bin/sh\n".utf8).write(to: tool)
    chmod(tool.path, 0o755)
    let found = RequiredTool.look(
      for: ["dot"], purpose: "the check", environment: ["PATH": folder.url.path, "CI": "1"])
    #expect(found == .found(tool))
  }
}

/// The process runner: a hang fails instead of stopping the suite.
struct ProcessRunnerTests {
  @Test func aProgramThatHangsIsKilledAndThrows() throws {
    // Without the timeout the sleep would end normally, with status 0, and nothing thrown.
    #expect(throws: ProcessTimedOut.self) {
      _ = try runProcess(URL(fileURLWithPath: "/bin/sleep"), ["60"], timeout: 0.5)
    }
  }

  @Test func inputAndBothOutputsAreCarriedWhole() throws {
    let big = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
    let result = try runProcess(
      URL(fileURLWithPath: "/bin/sh"), ["-c", "cat; echo done >&2"], input: .data(big),
      timeout: 60)
    #expect(result.status == 0)
    #expect(result.standardOutput.utf8.count == big.count)
    #expect(result.standardError == "done\n")
  }

  @Test func inputInPartsArrivesWholeAndInOrder() throws {
    let parts = ["first\n", "second\n", "third\n"].map { Data($0.utf8) }
    let result = try runProcess(
      URL(fileURLWithPath: "/bin/sh"), ["-c", "cat"], input: .parts(parts, pause: 0.1),
      timeout: 60)
    #expect(result.status == 0)
    #expect(result.standardOutput == "first\nsecond\nthird\n")
  }

  @Test func standardErrorCanGoToAFileOfTheTests() throws {
    let folder = try TemporaryFolder("errors")
    defer { folder.remove() }
    let path = folder.path("stderr.txt")
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    let result = try RunningProcess(
      URL(fileURLWithPath: "/bin/sh"), ["-c", "echo out; echo elsewhere >&2"], errorsTo: file
    ).wait(timeout: 60)
    try file.close()
    #expect(result.status == 0)
    #expect(result.standardOutput == "out\n")
    #expect(result.standardError == "")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "elsewhere\n")
  }
}
