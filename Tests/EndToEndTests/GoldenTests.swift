import Foundation
import Testing

/// The JSON, the text report and the HTML report of every bundled sample, compared byte for
/// byte with the files committed in `Tests/Golden/`, so that any change of the schema, of the
/// wording or of the results shows in review.
///
/// A change made on purpose is recorded by writing the files again, in one command:
///
/// ```sh
/// GATEWAYS_UPDATE_GOLDEN=1 swift test --disable-xctest --filter Golden
/// ```
///
/// then reviewing `git diff Tests/Golden` and committing it with the change.
struct GoldenTests {
  /// One golden file: a command's output in one format for one sample.
  struct Case: Sendable, CustomTestStringConvertible {
    var command: String
    /// `json`, `txt` (the text report) or `html` (the report command's page).
    var kind: String
    var sample: String
    var testDescription: String { "\(command) \(kind) \(sample)" }
    /// `analyse-secondary.json` for `analyse --format json` of `secondary.csv`.
    var fileName: String {
      "\(command)-\(URL(fileURLWithPath: sample).deletingPathExtension().lastPathComponent).\(kind)"
    }
    /// The command line that writes it.
    var arguments: [String] {
      kind == "json"
        ? [command, "--format", "json", "Samples/\(sample)"] : [command, "Samples/\(sample)"]
    }
  }

  static let folder = packageRoot.appendingPathComponent("Tests/Golden")
  static let updating = ProcessInfo.processInfo.environment["GATEWAYS_UPDATE_GOLDEN"] == "1"

  /// Every roster in `Samples/`.
  static let samples: [String] = {
    let names =
      (try? FileManager.default.contentsOfDirectory(
        atPath: packageRoot.appendingPathComponent("Samples").path)) ?? []
    return names.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") }.sorted()
  }()

  static let cases: [Case] = samples.flatMap { sample in
    [("analyse", "json"), ("suggest", "json"), ("analyse", "txt"), ("report", "html")]
      .map { Case(command: $0.0, kind: $0.1, sample: sample) }
  }

  @Test(arguments: cases)
  func theOutputIsTheGoldenFile(_ entry: Case) throws {
    let result = try runGateways(entry.arguments)
    #expect(result.status == 0, "\(result.standardError)")
    let golden = Self.folder.appendingPathComponent(entry.fileName)
    if Self.updating {
      try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
      try Data(result.standardOutput.utf8).write(to: golden)
      print("note: wrote \(golden.path)")
      return
    }
    let expected = try #require(
      FileManager.default.contents(atPath: golden.path),
      "no golden file \(entry.fileName); write it with GATEWAYS_UPDATE_GOLDEN=1 swift test --disable-xctest --filter Golden"
    )
    let actual = Data(result.standardOutput.utf8)
    if actual != expected {
      let old = String(decoding: expected, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false)
      let new = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
      let line =
        zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(old.count, new.count)
      Issue.record(
        """
        gateways \(entry.arguments.joined(separator: " ")) differs from Tests/Golden/\(entry.fileName) \
        from line \(line + 1): \(line < new.count ? String(new[line]) : "(end)") instead of \
        \(line < old.count ? String(old[line]) : "(end)"). If the change is intended, write the \
        files again with GATEWAYS_UPDATE_GOLDEN=1 swift test --disable-xctest --filter Golden and \
        commit them.
        """)
    }
  }

  @Test func everySampleHasItsGoldenFilesAndNoOtherIsThere() throws {
    #expect(Self.samples.count >= 4)
    let committed = Set(
      ((try? FileManager.default.contentsOfDirectory(atPath: Self.folder.path)) ?? [])
        .filter { $0.hasSuffix(".json") || $0.hasSuffix(".txt") || $0.hasSuffix(".html") })
    let wanted = Set(Self.cases.map(\.fileName))
    #expect(wanted.count == Self.cases.count, "two samples have the same name")
    if !Self.updating { #expect(committed == wanted) }
  }

  /// The README's worked example quotes the real text report of `Samples/vacher.csv`: each
  /// piece of its excerpt (between `...` lines) is in the output as it is.
  @Test func theReadmesWorkedExampleIsTheRealOutput() throws {
    let readme = try String(
      contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let example = try #require(readme.components(separatedBy: "### A worked example").last)
    let block = try #require(
      example.components(separatedBy: "```text\n").dropFirst().first?
        .components(separatedBy: "\n```").first)
    let result = try runGateways(["analyse", "Samples/vacher.csv"])
    #expect(result.status == 0)
    let pieces = block.components(separatedBy: "\n...\n")
    #expect(pieces.count >= 2)
    #expect(block.contains("partial: the gateways partly complement each other"))
    for piece in pieces {
      #expect(result.standardOutput.contains(piece + "\n"), "not in the output: \(piece)")
    }
  }
}
