import Foundation
import Synchronization
import Testing

@testable import GatewaysCLI

/// The pieces of ``OutputFile`` below the command line: whole writes through partial writes,
/// `EAGAIN` and signals; what a path names; the record of temporary files.
struct OutputFileTests {
  func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-output-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static let bytes = Data((0..<(4 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 16) })

  /// Reads a pipe to its end in small pieces, slowly enough that the writer fills it.
  final class SlowReader: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private(set) var data = Data()

    init(_ descriptor: Int32) {
      Thread.detachNewThread { [self] in
        var buffer = [UInt8](repeating: 0, count: 4096)
        var reads = 0
        while true {
          let count = read(descriptor, &buffer, buffer.count)
          if count < 0 && errno == EINTR { continue }
          if count <= 0 { break }
          data.append(contentsOf: buffer[0..<count])
          reads += 1
          if reads % 64 == 0 { usleep(200) }
        }
        close(descriptor)
        done.signal()
      }
    }
  }

  @Test func aNonBlockingPipeGetsEveryByteThroughPartialWrites() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    // Non-blocking: a write into a full pipe writes part of its bytes, or fails with EAGAIN.
    #expect(fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK) == 0)
    let reader = SlowReader(ends[0])
    let code = Self.bytes.withUnsafeBytes { OutputFile.writeAll($0, to: ends[1]) }
    close(ends[1])
    reader.done.wait()
    #expect(code == 0)
    #expect(reader.data == Self.bytes)
  }

  @Test func writesInterruptedBySignalsGoOnWhereTheyStopped() throws {
    // SIGUSR2 with a handler that does nothing, and interrupting (no SA_RESTART): a blocked
    // write returns early, with EINTR or the count written so far.
    var action = sigaction()
    #if os(Linux)
      action.__sigaction_handler.sa_handler = { _ in }
    #else
      action.__sigaction_u.__sa_handler = { _ in }
    #endif
    action.sa_flags = 0
    sigemptyset(&action.sa_mask)
    #expect(sigaction(SIGUSR2, &action, nil) == 0)
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let writer = ends[1]
    let thread = Mutex<pthread_t?>(nil)
    let finished = Atomic<Bool>(false)
    let result = Mutex<Int32>(-1)
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      thread.withLock { $0 = pthread_self() }
      let code = Self.bytes.withUnsafeBytes { OutputFile.writeAll($0, to: writer) }
      result.withLock { $0 = code }
      finished.store(true, ordering: .sequentiallyConsistent)
      close(writer)
      done.signal()
    }
    let reader = SlowReader(ends[0])
    var sent = 0
    while !finished.load(ordering: .sequentiallyConsistent) {
      if let target = thread.withLock({ $0 }) {
        pthread_kill(target, SIGUSR2)
        sent += 1
      }
      usleep(300)
    }
    done.wait()
    reader.done.wait()
    #expect(result.withLock { $0 } == 0)
    #expect(reader.data == Self.bytes)
    #expect(sent > 0)
  }

  @Test func aFullDeviceOrAClosedDescriptorIsTheErrorNumber() {
    let code = Data("x".utf8).withUnsafeBytes { OutputFile.writeAll($0, to: -1) }
    #expect(code == EBADF)
    #expect(OutputFile.describe(errno: ENOSPC) == "the disk is full")
    #expect(OutputFile.describe(errno: EROFS) == "the file system is read-only")
  }

  @Test func pathsAreResolvedToWhatTheyName() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let manager = FileManager.default
    let base = folder.resolvingSymlinksInPath().path
    try Data("x".utf8).write(to: folder.appendingPathComponent("file.txt"))
    try manager.createSymbolicLink(atPath: base + "/one", withDestinationPath: "file.txt")
    try manager.createSymbolicLink(atPath: base + "/two", withDestinationPath: base + "/one")
    try manager.createSymbolicLink(
      atPath: base + "/dangling", withDestinationPath: "sub/../new.txt")
    try manager.createSymbolicLink(atPath: base + "/loop-a", withDestinationPath: "loop-b")
    try manager.createSymbolicLink(atPath: base + "/loop-b", withDestinationPath: "loop-a")
    try manager.createDirectory(atPath: base + "/sub", withIntermediateDirectories: true)
    #expect(mkfifo(base + "/fifo", 0o600) == 0)

    func target(_ name: String) throws -> OutputFile.Target {
      try OutputFile.Target(resolving: base + "/" + name, shownAs: name)
    }
    for name in ["file.txt", "one", "two"] {
      guard case .file(let path, let existing) = try target(name) else {
        Issue.record("\(name) is not a file")
        continue
      }
      #expect(path == base + "/file.txt")
      #expect(existing != nil)
    }
    #expect(try target("new.txt") == .file(path: base + "/new.txt", existing: nil))
    #expect(try target("dangling") == .file(path: base + "/sub/../new.txt", existing: nil))
    #expect(try target("fifo") == .stream(path: base + "/fifo", kind: .fifo))
    for name in ["sub", "sub/", "loop-a"] {
      #expect(throws: CommandFailure.self) { try target(name) }
    }
  }

  @Test func everyFileACommandReadsIsAnInputNotToWriteOver() throws {
    let parsed = try ArgumentParser.parse(
      ["--deeps", "d.csv", "--pseudonym-key-file", "k.txt", "-o", "out", "r.csv"],
      options: CommandSpec.analyse.options)
    #expect(OutputFile.inputs(of: parsed) == ["r.csv", "d.csv", "k.txt"])
  }

  @Test func aTemporaryFileIsRecordedWhileItIsWritten() throws {
    let path = "/nonexistent-gateways-test/.out.\(UUID().uuidString).tmp"
    let slot = try #require(TemporaryFiles.register(path))
    #expect(TemporaryFiles.armed.load(ordering: .acquiring) & (1 << UInt64(slot)) != 0)
    let stored = String(cString: TemporaryFiles.paths + slot * TemporaryFiles.slotBytes)
    #expect(stored == path)
    TemporaryFiles.unregister(slot)
    #expect(TemporaryFiles.armed.load(ordering: .acquiring) & (1 << UInt64(slot)) == 0)
    // A path longer than the system allows is not recorded (and could not be created).
    #expect(TemporaryFiles.register(String(repeating: "x", count: Int(PATH_MAX) + 1)) == nil)
  }
}
