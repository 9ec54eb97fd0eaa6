import Foundation
import Testing

/// What one run of a program produced.
struct ProcessResult {
  var status: Int32
  var standardOutput: String
  var standardError: String
  /// Whether the program ended by a signal (`status` is then the signal's number).
  var signalled = false
}

/// A program that ran longer than its timeout: it was killed, and the test fails with this.
struct ProcessTimedOut: Error, CustomStringConvertible {
  var command: String
  var seconds: Double
  var description: String { "\(command) ran for more than \(seconds) seconds and was killed" }
}

/// What a program reads on its standard input.
enum ProcessInput {
  /// Nothing (the null device).
  case none
  /// These bytes, written from another thread so a large input cannot block the output.
  case data(Data)
  /// A file, opened for reading (the program may see its size and seek in it).
  case file(URL)
  /// These parts in turn, `pause` seconds apart, from another thread: a slow writer, so that a
  /// run lasts at least that long without any timing being asserted.
  case parts([Data], pause: Double)
}

/// The package's root folder (where `Package.swift` is).
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `gateways` executable, beside the test bundle in the build folder.
func gatewaysExecutable() -> URL {
  var directory = Bundle.main.bundleURL
  if directory.pathExtension == "xctest" { directory = directory.deletingLastPathComponent() }
  let beside = directory.appendingPathComponent("gateways")
  if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
  return packageRoot.appendingPathComponent(".build/debug/gateways")
}

/// How long one run of `gateways` may take before it counts as a hang. Generous, because the
/// debug build on a loaded machine reads the largest hostile inputs slowly.
let gatewaysTimeout: Double = 300

/// Runs `gateways` with arguments and optional standard input, from `directory` (the package
/// root by default), with `NO_COLOR` set; a run longer than `timeout` seconds throws
/// ``ProcessTimedOut``.
func runGateways(
  _ arguments: [String], input: Data? = nil, directory: URL = packageRoot,
  timeout: Double = gatewaysTimeout
) throws -> ProcessResult {
  try runProcess(
    gatewaysExecutable(), arguments, environment: gatewaysEnvironment(), directory: directory,
    input: input.map(ProcessInput.data) ?? .none, timeout: timeout)
}

/// The environment `gateways` runs in: the test's own, with `NO_COLOR` set.
func gatewaysEnvironment() -> [String: String] {
  var environment = ProcessInfo.processInfo.environment
  environment["NO_COLOR"] = "1"
  return environment
}

/// Runs a program to the end and collects what it printed: the one process runner of the
/// tests (see ``RunningProcess``). A program still running after `timeout` seconds is killed
/// and ``ProcessTimedOut`` is thrown, so a hang fails its test instead of stopping the suite.
func runProcess(
  _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
  directory: URL? = nil, input: ProcessInput = .none, timeout: Double
) throws -> ProcessResult {
  try RunningProcess(
    executable, arguments, environment: environment, directory: directory, input: input
  ).wait(timeout: timeout)
}

/// A program started by a test. Standard input is written, and both pipes read, on their own
/// threads, so a large input or output cannot block the others.
final class RunningProcess: @unchecked Sendable {
  private let process = Process()
  private let group = DispatchGroup()
  private let output: PipeReader
  private let errors: PipeReader
  private let command: String

  /// Starts `executable`; with `errorsTo`, standard error goes to that file (a terminal made by
  /// the test, say) instead of a pipe, and the result's `standardError` is empty.
  init(
    _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
    directory: URL? = nil, input: ProcessInput = .none, errorsTo: FileHandle? = nil
  ) throws {
    command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = errorsTo ?? stderr
    let stdin = Pipe()
    switch input {
    case .none: process.standardInput = FileHandle.nullDevice
    case .data, .parts: process.standardInput = stdin
    case .file(let url): process.standardInput = try FileHandle(forReadingFrom: url)
    }
    group.enter()
    let group = self.group
    process.terminationHandler = { _ in group.leave() }
    try process.run()
    let (parts, pause): ([Data], Double)
    switch input {
    case .data(let data): (parts, pause) = ([data], 0)
    case .parts(let pieces, let seconds): (parts, pause) = (pieces, seconds)
    case .none, .file: (parts, pause) = ([], 0)
    }
    if !parts.isEmpty {
      DispatchQueue.global().async {
        // A program that exits without reading all of its input closes the pipe: no matter.
        for (index, part) in parts.enumerated() {
          if index > 0 { Thread.sleep(forTimeInterval: pause) }
          try? stdin.fileHandleForWriting.write(contentsOf: part)
        }
        try? stdin.fileHandleForWriting.close()
      }
    }
    output = PipeReader(stdout, group: group)
    // With standard error elsewhere, the unused pipe's write end is closed here, so it ends.
    if errorsTo != nil { try? stderr.fileHandleForWriting.close() }
    errors = PipeReader(stderr, group: group)
  }

  /// The program's process id.
  var processIdentifier: Int32 { process.processIdentifier }

  /// Whether the program has not ended yet.
  var isRunning: Bool { process.isRunning }

  /// Sends `signal` to the program.
  func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

  /// Waits for the program to end and its pipes to close.
  /// - Throws: ``ProcessTimedOut`` after killing it, when it runs longer than `timeout`.
  func wait(timeout: Double) throws -> ProcessResult {
    if group.wait(timeout: .now() + timeout) == .timedOut {
      send(SIGKILL)
      _ = group.wait(timeout: .now() + 10)
      throw ProcessTimedOut(command: command, seconds: timeout)
    }
    return ProcessResult(
      status: process.terminationStatus,
      standardOutput: String(decoding: output.data, as: UTF8.self),
      standardError: String(decoding: errors.data, as: UTF8.self),
      signalled: process.terminationReason == .uncaughtSignal)
  }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeReader: @unchecked Sendable {
  private let lock = NSLock()
  private var bytes = Data()

  init(_ pipe: Pipe, group: DispatchGroup) {
    group.enter()
    DispatchQueue.global().async {
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      self.lock.withLock { self.bytes = data }
      group.leave()
    }
  }

  var data: Data { lock.withLock { bytes } }
}

/// A folder of its own in the system's temporary folder, removed by ``remove()``.
struct TemporaryFolder {
  let url: URL

  init(_ label: String) throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// A path inside the folder.
  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  /// The names in the folder, hidden ones too, sorted.
  func names() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// An outside program a test needs (Graphviz, Chromium).
///
/// Outside CI a missing tool skips the check with a note; when the `CI` environment variable
/// is set, a missing tool is a failure, so CI can never pass without running the check.
/// `.ci/run` installs the tools with `Scripts/ci-install-report-tools.sh`.
enum RequiredTool {
  /// What ``look(for:purpose:environment:)`` found.
  enum Outcome: Equatable {
    case found(URL)
    /// Missing outside CI: the note to print.
    case skipped(String)
    /// Missing in CI: the failure to record.
    case failed(String)
  }

  /// Looks for the first of `names` on the `PATH` of `environment`.
  static func look(
    for names: [String], purpose: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Outcome {
    let path = environment["PATH"] ?? "/usr/bin:/bin"
    for name in names {
      for directory in path.split(separator: ":") {
        let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: url.path) { return .found(url) }
      }
    }
    let what = names.joined(separator: " or ")
    if let ci = environment["CI"], !ci.isEmpty {
      return .failed(
        "\(what) is not installed, and CI is set: \(purpose) must run in CI "
          + "(Scripts/ci-install-report-tools.sh installs it)")
    }
    return .skipped("note: \(what) is not installed; \(purpose) was not checked")
  }

  /// The tool, or `nil` after printing a note (outside CI) or recording a failure (in CI).
  static func find(_ names: [String], purpose: String) -> URL? {
    switch look(for: names, purpose: purpose) {
    case .found(let url): return url
    case .skipped(let note):
      print(note)
      return nil
    case .failed(let message):
      Issue.record(Comment(rawValue: message))
      return nil
    }
  }
}
