import Foundation
import Testing

/// Runs killed or interrupted while they write, and runs writing the same file at once: the
/// output is always a whole file, old or new, and no temporary file is left behind except by
/// SIGKILL (which no program can clean up after).
struct CrashSafetyTests {
  /// A roster whose GraphML export is about 180 KB: large enough to take several writes and
  /// a flush, small enough that a hundred runs take seconds.
  static let roster = SyntheticRoster.csv(staff: 400)
  /// A complete file standing for the output of an earlier run.
  static let old = Data(
    "<?xml version=\"1.0\"?>\n<graphml>an earlier, whole export</graphml>\n".utf8)

  static func arguments(output: String, roster: String) -> [String] {
    ["export", "--format", "graphml", "-o", output, roster]
  }

  /// A roster of 2,100 one-person teams: `analyse --format json` streams its 530 KB to the
  /// file in 16 pieces as they are made (2,048 teams or more), a write long enough to be hit.
  static let streamedRoster = SyntheticRoster.csv(staff: 2100, teamSize: 1)

  @Test func aRunKilledAtOneHundredRandomMomentsOfItsWriteLeavesTheOldOrTheNewFileWhole()
    throws
  {
    let folder = try TemporaryFolder("kill")
    defer { folder.remove() }
    let roster = folder.path("roster.csv")
    try FileSystem.write(Self.streamedRoster, to: roster)
    let output = folder.path("out.json")
    let arguments = ["analyse", "--format", "json", "-o", output, roster]
    func start() throws -> RunningProcess {
      try Self.old.write(to: URL(fileURLWithPath: output))
      return try RunningProcess(
        gatewaysExecutable(), arguments, environment: gatewaysEnvironment(),
        directory: folder.url)
    }
    // One whole run gives the new file, and how long its write lasts here (from the moment it
    // begins to the end of the run), to spread the kills over it.
    let whole = try start()
    let began = Self.waitForWriteToBegin(in: folder, output: output, of: whole)
    let writeStarted = Date()
    let wholeResult = try whole.wait(timeout: gatewaysTimeout)
    let window = max(Date().timeIntervalSince(writeStarted), 0.001)
    #expect(began && wholeResult.status == 0, "\(wholeResult.standardError)")
    let new = try #require(FileSystem.contents(output))
    #expect(new.count > 500_000)
    var random = SplitMix64(seed: 2026)
    var kept = 0
    var replaced = 0
    var temporaryLeft = 0
    for iteration in 0..<100 {
      let process = try start()
      // A random moment of the write: once it has begun, up to a little after its usual end.
      _ = Self.waitForWriteToBegin(in: folder, output: output, of: process)
      usleep(UInt32(random.next(below: UInt64(window * 1.2 * 1e6) + 1)))
      process.send(SIGKILL)
      _ = try process.wait(timeout: gatewaysTimeout)
      let now = FileSystem.contents(output)
      #expect(
        now == Self.old || now == new,
        "kill \(iteration): the output is \(now?.count ?? -1) bytes, neither the old file nor the new one"
      )
      if now == new { replaced += 1 } else if now == Self.old { kept += 1 }
      for name in folder.names() where name.hasSuffix(".tmp") {
        temporaryLeft += 1
        try? FileManager.default.removeItem(atPath: folder.path(name))
      }
    }
    print(
      "note: 100 SIGKILLs during a write of \(new.count) bytes (about \(Int(window * 1000)) ms): "
        + "\(kept) left the old file, \(replaced) the new one, \(temporaryLeft) a temporary file")
  }

  @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
  func aSignalDuringTheWriteRemovesTheTemporaryFileAndEndsTheRun(signal: Int32) throws {
    let folder = try TemporaryFolder("signal")
    defer { folder.remove() }
    let roster = folder.path("roster.csv")
    try FileSystem.write(Self.roster, to: roster)
    let output = folder.path("out.xml")
    let arguments = Self.arguments(output: output, roster: roster)
    // Catch a run with its temporary file present, stopped (SIGSTOP) so that it cannot finish
    // the write before the signal; a run that finished first is tried again.
    for _ in 0..<50 {
      try Self.old.write(to: URL(fileURLWithPath: output))
      let process = try RunningProcess(
        gatewaysExecutable(), arguments, environment: gatewaysEnvironment(),
        directory: folder.url)
      let seen = Self.waitForTemporaryFile(in: folder, seconds: 60, of: process)
      process.send(SIGSTOP)
      let caught = seen && folder.names().contains { $0.hasSuffix(".tmp") }
      process.send(signal)
      process.send(SIGCONT)
      let result = try process.wait(timeout: gatewaysTimeout)
      guard caught else { continue }
      #expect(result.signalled && result.status == signal, "the run ended with \(result.status)")
      #expect(folder.names() == ["out.xml", "roster.csv"])
      #expect(FileSystem.contents(output) == Self.old)
      return
    }
    Issue.record("no run was caught with its temporary file in 50 tries")
  }

  @Test func aNormalRunAndAFailedRunLeaveNoTemporaryFile() throws {
    let folder = try TemporaryFolder("clean")
    defer { folder.remove() }
    let roster = folder.path("roster.csv")
    try FileSystem.write(Self.roster, to: roster)
    let done = try runGateways(Self.arguments(output: folder.path("out.xml"), roster: roster))
    #expect(done.status == 0)
    let failed = try runGateways(
      ["analyse", "-o", folder.path("bad.txt"), "-"], input: Data("staff_id,team\n".utf8))
    #expect(failed.status == 2)
    #expect(folder.names() == ["out.xml", "roster.csv"])
  }

  @Test func twoRunsWritingTheSameFileAtOnceLeaveOneWholeFile() throws {
    let folder = try TemporaryFolder("race")
    defer { folder.remove() }
    let first = folder.path("first.csv")
    let second = folder.path("second.csv")
    try FileSystem.write(SyntheticRoster.csv(staff: 600), to: first)
    try FileSystem.write(SyntheticRoster.csv(staff: 600, variant: 1), to: second)
    let output = folder.path("out.xml")
    let a = try runGateways(Self.arguments(output: "-", roster: first)).standardOutput
    let b = try runGateways(Self.arguments(output: "-", roster: second)).standardOutput
    #expect(a != b)
    for _ in 0..<5 {
      let runs = try [first, second].map { roster in
        try RunningProcess(
          gatewaysExecutable(), Self.arguments(output: output, roster: roster),
          environment: gatewaysEnvironment(), directory: folder.url)
      }
      for run in runs { #expect(try run.wait(timeout: gatewaysTimeout).status == 0) }
      let now = FileSystem.contents(output).map { String(decoding: $0, as: UTF8.self) }
      #expect(now == a || now == b)
      #expect(folder.names() == ["first.csv", "out.xml", "second.csv"])
    }
  }

  /// Waits until the write of `output` has begun, while `process` runs: a temporary file has
  /// appeared, or the output is no longer the old file (as it would be at once if it were
  /// written in place). Whether the write was seen to begin.
  static func waitForWriteToBegin(
    in folder: TemporaryFolder, output: String, of process: RunningProcess
  ) -> Bool {
    while process.isRunning {
      if Self.waitForTemporaryFile(in: folder, seconds: 0, of: process) { return true }
      if FileSystem.status(output).map({ Int($0.st_size) }) != Self.old.count { return true }
      usleep(100)
    }
    return false
  }

  /// Waits until a temporary file (`.NAME.UUID.tmp`) is in `folder`, while `process` runs;
  /// whether one was seen.
  static func waitForTemporaryFile(
    in folder: TemporaryFolder, seconds: Double, of process: RunningProcess
  ) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
      if let directory = opendir(folder.url.path) {
        defer { closedir(directory) }
        while let entry = readdir(directory) {
          let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
          }
          if name.hasSuffix(".tmp") { return true }
        }
      }
      if Date() >= deadline || !process.isRunning { return false }
      usleep(100)
    } while true
  }
}

/// A small seeded generator (SplitMix64), so the kill moments are the same in every run.
struct SplitMix64 {
  private var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound`.
  mutating func next(below bound: UInt64) -> UInt64 { next() % max(bound, 1) }
}
