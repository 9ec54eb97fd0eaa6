import Foundation
import GatewaysKit
import Synchronization

/// Where a command reads its input and writes its output.
///
/// The real program uses ``process()``; tests use ``capturing(standardInput:environment:isTerminal:)``
/// and read what was written from the returned ``CapturedOutput``.
package final class CommandIO {
  /// The process environment (for `NO_COLOR`).
  package let environment: [String: String]
  /// Whether standard output is a terminal (colour is used only then).
  package let standardOutputIsTerminal: Bool
  /// The directory relative paths are resolved against.
  package let currentDirectory: URL
  /// Whether standard error is a terminal (a long run's progress is shown only then).
  package var standardErrorIsTerminal = false
  /// How long a run lasts before its progress is shown.
  package var progressDelay: Duration = .seconds(1)
  /// The progress shown on standard error for this run, if any (see ``startProgress()``).
  private(set) var progress: ProgressReporter?
  private let readInput: () -> Data
  private let readInputLimited: ((Int) throws(RosterError) -> Data?)?
  private let writeOutput: (String) -> Void
  private let writeError: (String) -> Void
  /// Where results kept until the process exits go, for the process's own IO.
  private var keeper: ExitKeeper?
  /// The process's standard output, to ask whether a write failed.
  private var standardOutput: DescriptorWriter?

  /// Creates an IO from explicit pieces.
  package init(
    environment: [String: String], standardOutputIsTerminal: Bool, currentDirectory: URL,
    readInput: @escaping () -> Data, writeOutput: @escaping (String) -> Void,
    writeError: @escaping (String) -> Void,
    readInputLimited: ((Int) throws(RosterError) -> Data?)? = nil
  ) {
    self.environment = environment
    self.standardOutputIsTerminal = standardOutputIsTerminal
    self.currentDirectory = currentDirectory
    self.readInput = readInput
    self.readInputLimited = readInputLimited
    self.writeOutput = writeOutput
    self.writeError = writeError
  }

  /// The process's own standard streams and environment.
  ///
  /// Standard output and standard error are written with `write(2)`, never with a call that
  /// traps on failure: a failed write to standard output is remembered
  /// (``standardOutputFailure``) and the command ends with exit 3.
  package static func process() -> CommandIO {
    let output = DescriptorWriter(STDOUT_FILENO)
    let errors = DescriptorWriter(STDERR_FILENO)
    let io = CommandIO(
      environment: ProcessInfo.processInfo.environment,
      standardOutputIsTerminal: isatty(STDOUT_FILENO) == 1,
      currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
      readInput: { FileHandle.standardInput.readDataToEndOfFile() },
      writeOutput: { output.write($0) },
      writeError: { errors.write($0) },
      readInputLimited: { limit throws(RosterError) in
        try RosterReader.readAll(FileHandle.standardInput, limit: limit)
      })
    io.keeper = ExitKeeper.shared
    io.standardOutput = output
    io.standardErrorIsTerminal = isatty(STDERR_FILENO) == 1
    return io
  }

  /// Why standard output could not be written (`the disk is full`), when a write failed.
  package var standardOutputFailure: String? {
    standardOutput?.failure.map { OutputFile.describe(errno: $0) }
  }

  /// Keeps a command's large results (a roster, an analysis) alive until the process exits,
  /// when this is the process's own IO: freeing millions of small arrays one by one takes a
  /// noticeable part of a second, and the system reclaims the memory at exit at once. Other IOs
  /// (tests) let the results go as usual.
  package func keepUntilExit(_ value: Any) { keeper?.keep(value) }

  /// Lets the process keep the memory it frees for its own next allocations, for the
  /// process's own IO: by default the C library hands every freed block of 128 KiB or more
  /// (and the top of its heap) straight back to the system, so the analysis's many large
  /// temporary arrays each cost fresh pages, a page fault (a few microseconds) per 4 KiB.
  /// Blocks up to 32 MiB now come from the heap and freed memory stays there until exit.
  /// Other IOs (tests) change nothing.
  /// - Complexity: O(1).
  package func keepFreedMemory() {
    guard keeper != nil else { return }
    #if os(Linux)
      // `mallopt` is glibc's (malloc.h, which the Glibc module leaves out): looked up by name,
      // and simply not called where it is missing.
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
      let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
      _ = mallopt(mmapThreshold, 32 << 20)
      _ = mallopt(trimThreshold, Int32.max)
    #endif
  }

  /// An IO that reads `standardInput` and records everything written, for tests.
  package static func capturing(
    standardInput: Data = Data(), environment: [String: String] = [:], isTerminal: Bool = false,
    currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) -> (CommandIO, CapturedOutput) {
    let captured = CapturedOutput()
    let io = CommandIO(
      environment: environment, standardOutputIsTerminal: isTerminal,
      currentDirectory: currentDirectory,
      readInput: { standardInput },
      writeOutput: { captured.standardOutput += $0 },
      writeError: { captured.standardError += $0 })
    return (io, captured)
  }

  /// Reads all of standard input.
  package func readStandardInput() -> Data { readInput() }

  /// Reads standard input, in chunks, up to `limit` bytes; `nil` as soon as it holds more, so
  /// an endless or huge input is refused with bounded memory.
  /// - Throws: ``RosterError`` when a read fails.
  package func readStandardInput(limit: Int) throws(RosterError) -> Data? {
    if let readInputLimited { return try readInputLimited(limit) }
    let data = readInput()
    return data.count > limit ? nil : data
  }

  /// Writes text to standard output (erasing the progress line first on a terminal).
  package func print(_ text: String) {
    if standardOutputIsTerminal { progress?.clear() }
    writeOutput(text)
  }

  /// Writes text to standard error (erasing the progress line first).
  package func printError(_ text: String) {
    if let progress {
      progress.pass(text)
    } else {
      writeError(text)
    }
  }

  /// Starts showing progress on standard error, when it is a terminal: nothing appears unless
  /// the run lasts ``progressDelay``. Ended by ``finishProgress()``.
  func startProgress() {
    guard standardErrorIsTerminal, progress == nil else { return }
    progress = ProgressReporter(delay: progressDelay, write: writeError)
  }

  /// Enters a phase of the run (`reading`, `analysing`, `writing`), `fraction` of the way.
  func enterPhase(_ phase: String, fraction: Double) {
    progress?.enter(phase, fraction: fraction)
  }

  /// Stops showing progress and erases the line.
  func finishProgress() {
    progress?.finish()
    progress = nil
  }

  /// Whether output may use ANSI colour: only on a terminal, and never when `NO_COLOR` is set.
  package var colorEnabled: Bool {
    standardOutputIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty
  }

  /// Resolves a user-given path against ``currentDirectory``.
  package func url(forPath path: String) -> URL {
    if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
    return currentDirectory.appendingPathComponent(path)
  }
}

/// What a command wrote, recorded by ``CommandIO/capturing(standardInput:environment:isTerminal:currentDirectory:)``.
package final class CapturedOutput {
  /// Everything written to standard output.
  package internal(set) var standardOutput = ""
  /// Everything written to standard error.
  package internal(set) var standardError = ""
}

/// Writes text to a file descriptor, whole, and remembers the first failure (after which it
/// writes nothing more).
private final class DescriptorWriter: Sendable {
  private let descriptor: Int32
  private let firstFailure = Mutex<Int32>(0)

  init(_ descriptor: Int32) { self.descriptor = descriptor }

  /// The `errno` of the first failed write, if one failed.
  var failure: Int32? {
    let code = firstFailure.withLock { $0 }
    return code == 0 ? nil : code
  }

  func write(_ text: String) {
    firstFailure.withLock { failure in
      guard failure == 0 else { return }
      var text = text
      failure = text.withUTF8 { OutputFile.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
    }
  }
}

/// Values kept alive until the process exits (never released: the process ends first).
private final class ExitKeeper: @unchecked Sendable {
  static let shared = ExitKeeper()
  private let lock = NSLock()
  private var values: [Any] = []

  func keep(_ value: Any) {
    lock.lock()
    values.append(value)
    lock.unlock()
  }
}
