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
    let rows = (0..<400).map { "s\($0),t\($0 % 37)\n" }.joined()
    let parts = [
      Data(("staff_id,team\n" + rows).utf8),
      Data(rows.replacingOccurrences(of: ",t", with: ",u").utf8),
    ]
    let terminal = errors == .terminal ? try PseudoTerminal() : nil
    let running = try RunningProcess(
      gatewaysExecutable(), ["check"] + extra + ["-"], environment: gatewaysEnvironment(),
      input: .parts(parts, pause: 1.5),
      errorsTo: terminal.map { FileHandle(fileDescriptor: $0.secondary, closeOnDealloc: false) })
    guard let terminal else {
      let result = try running.wait(timeout: gatewaysTimeout)
      return (result.status, result.standardError)
    }
    // Only the program holds the terminal's other end now, so reading ends when it exits.
    close(terminal.secondary)
    defer { close(terminal.main) }
    let collected = Collected()
    let reader = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = read(terminal.main, &buffer, buffer.count)
        if count <= 0 { break }  // EIO once the program has exited
        collected.append(buffer[0..<count])
      }
      reader.signal()
    }
    let result = try running.wait(timeout: gatewaysTimeout)
    _ = reader.wait(timeout: .now() + 10)
    return (result.status, collected.text)
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
