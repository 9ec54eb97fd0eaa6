import Foundation

/// Writes command output (`-o`, `--output`, `--write`) to what a path names.
///
/// - A regular file, or a path where nothing is yet, is replaced atomically: the bytes go to a
///   temporary file in the same folder (a unique name, so two runs never share one), written in
///   large blocks from another thread while the output is made (``BlockWriter``, directly to the
///   disk where it can), flushed to the disk (`fsync`) and renamed over the target; the folder is
///   flushed too. A run
///   that fails, or is killed at any moment, leaves the old file whole or the new one whole. A
///   replaced file keeps its permissions (and, where the process may, its owner and group).
/// - A symbolic link is followed: the file it leads to is replaced, in that file's own folder,
///   and the link stays a link. A link that leads nowhere creates the file it names.
/// - A character device (`/dev/null`), a FIFO or a Unix socket is written to directly, never
///   replaced.
/// - A folder or a block device is refused (``CommandFailure/write(_:)``, exit 3).
///
/// Writing over one of the command's inputs is refused (exit 2), through links too: the output is
/// compared with each input by device and inode. A SIGINT, SIGTERM or SIGHUP that ends the
/// process during a write removes the temporary file first (``TemporaryFiles``).
enum OutputFile {
  /// Writes `text` to `path`, refusing to overwrite any of `inputs`.
  /// - Throws: ``CommandFailure/usage(command:message:)`` when `path` is an input,
  ///   ``CommandFailure/write(_:)`` when the file cannot be written.
  static func write(_ text: String, toPath path: String, io: CommandIO, inputs: [String]) throws {
    var text = text
    try text.withUTF8 { bytes in
      try write(toPath: path, io: io, inputs: inputs) { write in
        try write(UnsafeRawBufferPointer(bytes))
      }
    }
  }

  /// Writes `data` to `path`, refusing to overwrite any of `inputs`.
  static func write(_ data: Data, toPath path: String, io: CommandIO, inputs: [String]) throws {
    try write(toPath: path, io: io, inputs: inputs) { write in
      try data.withUnsafeBytes { try write($0) }
    }
  }

  /// Writes to `path` whatever `body` passes to the function it is given, piece by piece (a
  /// large document is never joined in memory), refusing to overwrite any of `inputs`. A file
  /// is replaced only when `body` returns and every byte reached the disk.
  static func write(
    toPath path: String, io: CommandIO, inputs: [String],
    body: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws {
    io.enterPhase("writing", fraction: 0.8)
    let given = io.url(forPath: path).path
    let target = try Target(resolving: given, shownAs: path)
    switch target {
    case .file(let file, let existing):
      if let existing { try refuseInputs(inputs, sameAs: existing, io: io) }
      try replace(file, existing: existing, shownAs: path, body: body)
    case .stream(let stream, let kind):
      try writeDirectly(stream, kind: kind, shownAs: path, body: body)
    }
  }

  /// Whether `path` names a device, FIFO or socket (written to directly, as a stream), so that
  /// a command that would write two files there writes one stream instead.
  static func isStream(_ path: String, io: CommandIO) -> Bool {
    if case .stream = try? Target(resolving: io.url(forPath: path).path, shownAs: path) {
      return true
    }
    return false
  }

  /// The names of the files a command reads: its positional arguments (except `-`) and the
  /// files its options name, all of which an output must never overwrite.
  static func inputs(of parsed: ParsedArguments) -> [String] {
    parsed.positionals
      + ["deeps", "pseudonym-key-file", "columns-file", "fit", "plan"].compactMap {
        parsed.value($0)
      }
  }

  // MARK: Replacing a file

  /// Writes a temporary file beside `path`, flushes it and renames it over `path`.
  private static func replace(
    _ path: String, existing: FileStatus?, shownAs shown: String,
    body: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws {
    let (folder, name) = split(path)
    let temporary = folder + "/." + shortened(name) + "." + UUID().uuidString + ".tmp"
    // Registered before the file exists, so that no moment has the file and not its record.
    let slot = TemporaryFiles.register(temporary)
    defer { TemporaryFiles.unregister(slot) }
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw failure(shown, "cannot write", errno)
    }
    var isOpen = true
    do {
      if let existing { keepPermissions(of: existing, on: descriptor) }
      // Written from another thread, in blocks, while `body` makes the bytes that follow.
      let writer = BlockWriter(descriptor)
      do {
        try body { piece in
          let code = writer.append(piece)
          if code != 0 { throw failure(shown, "cannot write", code) }
        }
      } catch {
        _ = writer.finish(writingRest: false)
        throw error
      }
      let code = writer.finish()
      if code != 0 { throw failure(shown, "cannot write", code) }
      if fsync(descriptor) != 0 {
        throw failure(shown, "cannot write (flushing it to the disk)", errno)
      }
      isOpen = false
      if close(descriptor) != 0 { throw failure(shown, "cannot write", errno) }
      if rename(temporary, path) != 0 {
        throw failure(shown, "cannot write (putting the new file in place)", errno)
      }
    } catch {
      if isOpen { close(descriptor) }
      unlink(temporary)
      throw error
    }
    // The rename is on the disk only once the folder is: flush it too. File systems that
    // cannot flush a folder say so with EINVAL; the new file is in place either way.
    let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if directory >= 0 {
      let flushed = fsync(directory) == 0 ? 0 : errno
      close(directory)
      if flushed == EIO {
        throw failure(shown, "cannot write (flushing its folder to the disk)", flushed)
      }
    }
  }

  /// Gives the new file the old one's owner, group and permission bits. A process that may
  /// not give the owner (not root) keeps what it may; set-user-ID and set-group-ID bits are
  /// kept only with the owner and group they belong to.
  private static func keepPermissions(of existing: FileStatus, on descriptor: Int32) {
    var mode = existing.mode & 0o7777
    if fchown(descriptor, existing.owner, existing.group) != 0 {
      mode &= ~mode_t(S_ISUID | S_ISGID)
    }
    fchmod(descriptor, mode)
  }

  /// Refuses (exit 2) when the existing output is the same file as one of `inputs`.
  private static func refuseInputs(_ inputs: [String], sameAs output: FileStatus, io: CommandIO)
    throws
  {
    for input in inputs where input != "-" {
      var info = stat()
      guard stat(io.url(forPath: input).path, &info) == 0 else { continue }
      if UInt64(info.st_dev) == output.device && UInt64(info.st_ino) == output.inode {
        throw CommandFailure.usage(
          command: nil,
          message: "refusing to write over the input file '\(input)'; choose another output name")
      }
    }
  }

  // MARK: Writing a stream

  /// Opens a device, FIFO or socket and writes to it: never created, truncated or replaced.
  private static func writeDirectly(
    _ path: String, kind: StreamKind, shownAs shown: String,
    body: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws {
    let descriptor: Int32
    if kind == .socket {
      descriptor = try connectToSocket(path, shownAs: shown)
    } else {
      // No O_CREAT and no O_TRUNC: if the node was swapped for a file since it was looked at,
      // the check below refuses it before a byte is written.
      descriptor = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
      guard descriptor >= 0 else { throw failure(shown, "cannot write", errno) }
    }
    var info = stat()
    if fstat(descriptor, &info) != 0 || (info.st_mode & S_IFMT) == S_IFREG {
      close(descriptor)
      throw CommandFailure.write("\(shown): cannot write: it changed while it was opened")
    }
    do {
      try body { piece in
        let code = writeAll(piece, to: descriptor)
        if code != 0 { throw failure(shown, "cannot write", code) }
      }
    } catch {
      close(descriptor)
      throw error
    }
    if close(descriptor) != 0 { throw failure(shown, "cannot write", errno) }
  }

  /// A stream socket connected to the Unix socket at `path`.
  private static func connectToSocket(_ path: String, shownAs shown: String) throws -> Int32 {
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    let bytes = Array(path.utf8)
    guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
      throw CommandFailure.write(
        "\(shown): cannot write: the socket's path is too long to connect to")
    }
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      raw.copyBytes(from: bytes)
      raw[bytes.count] = 0
    }
    #if os(Linux)
      let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw failure(shown, "cannot write (opening a socket)", errno) }
    let connected = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    if connected != 0 {
      let code = errno
      close(descriptor)
      throw failure(shown, "cannot write (connecting to the socket)", code)
    }
    return descriptor
  }

  // MARK: Helpers

  /// The folder and the name of a path (`.` for a bare name).
  private static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = String(path[..<slash])
    return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
  }

  /// At most 64 bytes of a file name, cut between characters, so the temporary name (the
  /// name, a UUID and `.tmp`) stays within the file system's 255 bytes.
  private static func shortened(_ name: String) -> String {
    var result = ""
    var bytes = 0
    for character in name {
      bytes += character.utf8.count
      if bytes > 64 { break }
      result.append(character)
    }
    return result
  }

  /// The error for a failed system call on the output.
  static func failure(_ shown: String, _ what: String, _ code: Int32) -> CommandFailure {
    CommandFailure.write("\(shown): \(what): \(describe(errno: code))")
  }
}
