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
    do {
      try data.write(to: temporary, options: [.withoutOverwriting])
    } catch {
      throw CommandFailure.write("\(path): cannot write: \(describe(error))")
    }
    if rename(temporary.path, url.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw CommandFailure.write("\(path): cannot write: \(reason)")
    }
  }

  /// Whether two paths name the same file (the same device and inode), as a hard link does.
  private static func sameFile(_ first: String, _ second: String) -> Bool {
    var a = stat()
    var b = stat()
    guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }

  private static func describe(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if nsError.domain == NSCocoaErrorDomain {
      switch nsError.code {
      case NSFileWriteNoPermissionError: return "permission denied"
      case NSFileNoSuchFileError, NSFileWriteInvalidFileNameError: return "no such folder"
      case NSFileWriteOutOfSpaceError: return "the disk is full"
      default: break
      }
    }
    return nsError.localizedDescription
  }
}
