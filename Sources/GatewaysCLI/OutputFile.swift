import Foundation

/// Writes command output to a file atomically: a temporary file in the same folder, then a
/// rename, so an interrupted run leaves any old file intact and readers never see half a file.
enum OutputFile {
  /// Writes `text` to `path`, refusing to overwrite any of `inputs`.
  /// - Throws: ``CommandFailure/usage(command:message:)`` when `path` is an input,
  ///   ``CommandFailure/write(_:)`` when the file cannot be written.
  static func write(_ text: String, toPath path: String, io: CommandIO, inputs: [String]) throws {
    try write(Data(text.utf8), toPath: path, io: io, inputs: inputs)
  }

  /// Writes `data` to `path`, refusing to overwrite any of `inputs`.
  static func write(_ data: Data, toPath path: String, io: CommandIO, inputs: [String]) throws {
    try write(toPath: path, io: io, inputs: inputs) { write in
      try data.withUnsafeBytes { try write($0) }
    }
  }

  /// Writes to `path` whatever `body` passes to the function it is given, piece by piece (a
  /// large document is never joined in memory), refusing to overwrite any of `inputs`. Nothing
  /// is left at `path` unless `body` returns and every byte was written.
  static func write(
    toPath path: String, io: CommandIO, inputs: [String],
    body: (_ write: (UnsafeRawBufferPointer) throws -> Void) throws -> Void
  ) throws {
    let url = io.url(forPath: path).standardizedFileURL
    let resolved = url.resolvingSymlinksInPath()
    for input in inputs where input != "-" {
      let inputURL = io.url(forPath: input).standardizedFileURL.resolvingSymlinksInPath()
      if inputURL.path == resolved.path || sameFile(inputURL.path, resolved.path) {
        throw CommandFailure.usage(
          command: nil,
          message: "refusing to write over the input file '\(input)'; choose another output name")
      }
    }
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw CommandFailure.write("\(path): cannot write: \(describe(errno: errno))")
    }
    var failure: Int32 = 0
    do {
      try body { piece in
        failure = writeAll(piece, to: descriptor)
        if failure != 0 {
          throw CommandFailure.write("\(path): cannot write: \(describe(errno: failure))")
        }
      }
    } catch {
      close(descriptor)
      unlink(temporary.path)
      throw error
    }
    if close(descriptor) != 0 {
      let reason = describe(errno: errno)
      unlink(temporary.path)
      throw CommandFailure.write("\(path): cannot write: \(reason)")
    }
    if rename(temporary.path, url.path) != 0 {
      let reason = describe(errno: errno)
      unlink(temporary.path)
      throw CommandFailure.write("\(path): cannot write: \(reason)")
    }
  }

  /// Writes every byte of `bytes` to a file descriptor; 0, or the `errno` of the failure.
  private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
    guard let base = bytes.baseAddress else { return 0 }
    var offset = 0
    while offset < bytes.count {
      let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += written
    }
    return 0
  }

  /// Words for a failed system call.
  private static func describe(errno code: Int32) -> String {
    switch code {
    case EACCES, EPERM, EROFS: "permission denied"
    case ENOENT, ENOTDIR: "no such folder"
    case ENOSPC, EDQUOT: "the disk is full"
    default: String(cString: strerror(code))
    }
  }

  /// Whether two paths name the same file (the same device and inode), as a hard link does.
  private static func sameFile(_ first: String, _ second: String) -> Bool {
    var a = stat()
    var b = stat()
    guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }
}
