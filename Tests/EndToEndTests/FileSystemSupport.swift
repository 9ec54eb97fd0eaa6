import Foundation
import Testing

/// What the tests of outputs need from the system: root for `mknod` and `mount`, nodes made in
/// a test's own folder, and synthetic rosters. Nothing here touches a system path.
enum FileSystem {
  /// Whether the tests run as root (CI does): `mknod` of a device and `mount` need it.
  static let isRoot = geteuid() == 0

  /// Whether a tmpfs can be mounted (root, and a system that allows it, as CI does): tried
  /// once on a folder of its own, then unmounted.
  static let canMount: Bool = {
    guard isRoot, let folder = try? TemporaryFolder("mount-probe") else { return false }
    defer { folder.remove() }
    guard mountTmpfs(at: folder.url.path, kilobytes: 16) else { return false }
    unmount(folder.url.path)
    return true
  }()

  /// The `mount` and `umount` programs.
  static func tool(_ name: String) -> URL? {
    ["/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/"].map { URL(fileURLWithPath: $0 + name) }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// Mounts a tmpfs of `kilobytes` at `path`; whether it worked.
  @discardableResult
  static func mountTmpfs(at path: String, kilobytes: Int) -> Bool {
    run("mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0755", "tmpfs", path])
  }

  /// Makes the folder at `path` a read-only view of itself (a read-only bind mount); whether
  /// it worked. Root ignores permission bits, so a mode of 0555 would not stop it writing.
  @discardableResult
  static func mountReadOnly(_ path: String) -> Bool {
    guard run("mount", ["--bind", path, path]) else { return false }
    if run("mount", ["-o", "remount,bind,ro", path]) { return true }
    unmount(path)
    return false
  }

  /// Unmounts `path` (lazily, so a file still open elsewhere cannot keep it mounted).
  static func unmount(_ path: String) {
    _ = run("umount", ["-l", path])
  }

  private static func run(_ name: String, _ arguments: [String]) -> Bool {
    guard let tool = tool(name),
      let result = try? runProcess(tool, arguments, timeout: 60)
    else { return false }
    return result.status == 0
  }

  /// A Linux device number (`makedev`).
  static func device(major: UInt64, minor: UInt64) -> dev_t {
    dev_t(
      (minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xff) << 12) | ((major & ~0xfff) << 32))
  }

  /// Makes a character (or block) device node at `path`; throws when the system refuses.
  static func makeDevice(_ path: String, major: UInt64, minor: UInt64, block: Bool = false)
    throws
  {
    let type = block ? S_IFBLK : S_IFCHR
    guard mknod(path, mode_t(type) | 0o666, device(major: major, minor: minor)) == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EPERM)
    }
  }

  /// The status of a file, not following a last symbolic link.
  static func status(_ path: String) -> stat? {
    var info = stat()
    return lstat(path, &info) == 0 ? info : nil
  }

  /// The kind of file at `path` (`S_IFREG`, `S_IFCHR`, ...), or `nil` when there is none.
  static func kind(_ path: String) -> mode_t? {
    status(path).map { $0.st_mode & S_IFMT }
  }

  /// The bytes of a file, or `nil`.
  static func contents(_ path: String) -> Data? {
    FileManager.default.contents(atPath: path)
  }

  /// Writes `text` to a file.
  static func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }
}

/// Generated rosters with synthetic names (`Staff 17`), every team led, no warnings.
enum SyntheticRoster {
  /// `staff` people in teams of `teamSize` (ten by default), each team led by its first
  /// member; teams five larger when `variant` is 1, so two rosters give different outputs.
  static func csv(staff: Int, variant: Int = 0, teamSize: Int = 10) -> String {
    var text = "staff_id,name,team,team_role\n"
    let size = teamSize + variant * 5
    for person in 0..<staff {
      let role = person % size == 0 ? "leader" : "member"
      text += "s\(person),Staff \(person),team\(person / size),\(role)\n"
    }
    return text
  }
}

/// Reads a FIFO to its end on a thread of its own, as another program would.
final class FIFOReader: @unchecked Sendable {
  private let path: String
  private let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var bytes = Data()

  /// Starts reading: the thread waits in `open` until a writer opens the FIFO.
  init(_ path: String) {
    self.path = path
    Thread.detachNewThread { [self] in
      let descriptor = open(path, O_RDONLY)
      var data = Data()
      if descriptor >= 0 {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
          let count = read(descriptor, &buffer, buffer.count)
          if count < 0 && errno == EINTR { continue }
          if count <= 0 { break }
          data.append(contentsOf: buffer[0..<count])
        }
        close(descriptor)
      }
      lock.withLock { bytes = data }
      done.signal()
    }
  }

  /// What was read, once the writer closed the FIFO; `nil` when nothing ended within
  /// `timeout` seconds. A reader still waiting for a writer (the run failed before opening
  /// the FIFO) is let go by opening the FIFO for writing and closing it.
  func finish(timeout: Double = 60) -> Data? {
    if done.wait(timeout: .now() + 1) == .timedOut {
      let release = open(path, O_WRONLY | O_NONBLOCK)
      if release >= 0 { close(release) }
      guard done.wait(timeout: .now() + timeout) == .success else { return nil }
    }
    return lock.withLock { bytes }
  }
}

/// A listening Unix socket that accepts one connection and reads it to its end.
final class SocketReader: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private let lock = NSLock()
  private var bytes = Data()
  private let listener: Int32

  /// Binds and listens at `path`; throws when the system refuses.
  init(_ path: String) throws {
    #if os(Linux)
      listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    #else
      listener = socket(AF_UNIX, SOCK_STREAM, 0)
    #endif
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let name = Array(path.utf8)
    guard listener >= 0, name.count < MemoryLayout.size(ofValue: address.sun_path) else {
      throw POSIXError(.ENAMETOOLONG)
    }
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      raw.copyBytes(from: name)
      raw[name.count] = 0
    }
    let bound = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    guard bound == 0, listen(listener, 1) == 0 else {
      close(listener)
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EINVAL)
    }
    Thread.detachNewThread { [self] in
      let connection = accept(listener, nil, nil)
      var data = Data()
      if connection >= 0 {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
          let count = read(connection, &buffer, buffer.count)
          if count < 0 && errno == EINTR { continue }
          if count <= 0 { break }
          data.append(contentsOf: buffer[0..<count])
        }
        close(connection)
      }
      lock.withLock { bytes = data }
      done.signal()
    }
  }

  /// What the one connection sent, or `nil` when it did not end within `timeout` seconds.
  func finish(timeout: Double = 60) -> Data? {
    defer { close(listener) }
    if done.wait(timeout: .now() + 1) == .timedOut {
      // Nobody connected (the run failed): shut the listener so accept returns.
      shutdown(listener, Int32(SHUT_RDWR))
      guard done.wait(timeout: .now() + timeout) == .success else { return nil }
    }
    return lock.withLock { bytes }
  }
}
