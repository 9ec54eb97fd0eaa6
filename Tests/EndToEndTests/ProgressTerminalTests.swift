import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The progress line through the real binary: shown when standard error is a terminal (a
/// pseudo-terminal made by the test), never when it is a pipe, nor with `--quiet`. The run is
/// kept longer than the progress delay (one second) by feeding the roster on standard input
/// slowly, so no timing is asserted: the test waits, the program reads.
struct ProgressTerminalTests {
  /// What standard error is during a run.
  private enum ErrorStream {
    case terminal
    case pipe
  }

  /// A pseudo-terminal's two ends: the test reads the main side, the program writes the other.
  private struct PseudoTerminal {
    let main: Int32
    let secondary: Int32

    /// posix_openpt, grantpt, unlockpt and ptsname, looked up at run time (the C library
    /// declares them only for X/Open programs, so Swift does not import them).
    private static func function<F>(_ name: String, as type: F.Type) throws -> F {
      guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, name) else {
        throw POSIXError(.ENOSYS)
      }
      return unsafeBitCast(symbol, to: type)
    }

    init() throws {
      typealias Call = @convention(c) (Int32) -> Int32
      let openpt = try Self.function("posix_openpt", as: Call.self)
      let grant = try Self.function("grantpt", as: Call.self)
      let unlock = try Self.function("unlockpt", as: Call.self)
      let name = try Self.function(
        "ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
      let main = openpt(O_RDWR | O_NOCTTY)
      guard main >= 0, grant(main) == 0, unlock(main) == 0, let path = name(main) else {
        throw POSIXError(.ENOTTY)
      }
      let secondary = open(path, O_RDWR | O_NOCTTY)
      guard secondary >= 0 else {
        close(main)
        throw POSIXError(.ENOTTY)
      }
      self.main = main
      self.secondary = secondary
    }
  }

  /// Runs `gateways check -` (plus `extra`), writing a roster to its standard input in two
  /// parts 1.5 seconds apart, with standard error on a terminal or a pipe; returns what it
  /// wrote there and its exit status.
  private func runSlowly(_ extra: [String], errors: ErrorStream) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = gatewaysExecutable()
    process.arguments = ["check"] + extra + ["-"]
    process.environment = gatewaysEnvironment()
    process.standardOutput = FileHandle.nullDevice
    let input = Pipe()
    process.standardInput = input
    var terminal: PseudoTerminal?
    let errorPipe = Pipe()
    switch errors {
    case .terminal:
      let made = try PseudoTerminal()
      terminal = made
      process.standardError = FileHandle(fileDescriptor: made.secondary, closeOnDealloc: false)
    case .pipe:
      process.standardError = errorPipe
    }
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    // Only the program holds the terminal's other end now, so reading ends when it exits.
    if let terminal { close(terminal.secondary) }
    let collected = Collected()
    let reader = DispatchSemaphore(value: 0)
    let mainSide = terminal?.main
    DispatchQueue.global().async {
      if let main = mainSide {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
          let count = read(main, &buffer, buffer.count)
          if count <= 0 { break }  // EIO once the program has exited
          collected.append(buffer[0..<count])
        }
      } else {
        collected.append(errorPipe.fileHandleForReading.readDataToEndOfFile())
      }
      reader.signal()
    }
    let rows = (0..<400).map { "s\($0),t\($0 % 37)\n" }.joined()
    input.fileHandleForWriting.write(Data(("staff_id,team\n" + rows).utf8))
    Thread.sleep(forTimeInterval: 1.5)
    input.fileHandleForWriting.write(Data(rows.replacingOccurrences(of: ",t", with: ",u").utf8))
    try input.fileHandleForWriting.close()
    if finished.wait(timeout: .now() + gatewaysTimeout) == .timedOut {
      process.terminate()
      _ = finished.wait(timeout: .now() + 10)
      Issue.record("gateways check ran for more than \(gatewaysTimeout) seconds")
    }
    _ = reader.wait(timeout: .now() + 10)
    if let terminal { close(terminal.main) }
    return (process.terminationStatus, collected.text)
  }

  @Test func aTerminalShowsThePhaseAndTheBarAndErasesThem() throws {
    let (status, errors) = try runSlowly([], errors: .terminal)
    #expect(status == 0)
    #expect(errors.contains("gateways: reading"), "stderr: \(errors.debugDescription)")
    #expect(errors.contains("["))
    // The line is erased at the end: the last thing written is the erase sequence.
    #expect(errors.hasSuffix("\r\u{1B}[K"), "stderr: \(errors.debugDescription)")
  }

  @Test func quietShowsNothingOnATerminal() throws {
    let (status, errors) = try runSlowly(["--quiet"], errors: .terminal)
    #expect(status == 0)
    #expect(!errors.contains("gateways: reading"), "stderr: \(errors.debugDescription)")
    #expect(!errors.contains("\u{1B}["))
  }

  @Test func aPipeShowsNothing() throws {
    let (status, errors) = try runSlowly([], errors: .pipe)
    #expect(status == 0)
    #expect(!errors.contains("gateways: reading"), "stderr: \(errors.debugDescription)")
    #expect(!errors.contains("\u{1B}["))
  }
}

/// Bytes gathered on one thread, read on another.
private final class Collected: @unchecked Sendable {
  private let lock = NSLock()
  private var bytes: [UInt8] = []

  func append<S: Sequence>(_ more: S) where S.Element == UInt8 {
    lock.withLock { bytes.append(contentsOf: more) }
  }

  var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
}
