import Foundation

extension OutputFile {
  /// What an output path names, once symbolic links are followed.
  enum Target: Equatable {
    /// A regular file at `path` (the end of any links), with its status, or a path where no
    /// file is yet (`existing` is `nil`): replaced atomically.
    case file(path: String, existing: FileStatus?)
    /// A character device, FIFO or socket: written to directly.
    case stream(path: String, kind: StreamKind)

    /// Looks at `path` (absolute or relative to the working folder).
    /// - Parameters:
    ///   - path: the path to write, absolute or relative to the working folder.
    ///   - shown: the path as the user gave it, for messages.
    /// - Throws: ``CommandFailure/write(_:)`` for a folder, a block device, a loop of links
    ///   or a path that cannot be looked at.
    init(resolving path: String, shownAs shown: String) throws {
      if path.hasSuffix("/") {
        throw CommandFailure.write("\(shown): cannot write: this names a folder; give a file name")
      }
      var info = stat()
      guard stat(path, &info) == 0 else {
        let code = errno
        guard code == ENOENT else { throw OutputFile.failure(shown, "cannot write", code) }
        self = .file(path: try Self.endOfLinks(path, shownAs: shown), existing: nil)
        return
      }
      switch info.st_mode & S_IFMT {
      case S_IFREG:
        self = .file(path: Self.realPath(path), existing: FileStatus(info))
      case S_IFCHR: self = .stream(path: path, kind: .device)
      case S_IFIFO: self = .stream(path: path, kind: .fifo)
      case S_IFSOCK: self = .stream(path: path, kind: .socket)
      case S_IFDIR:
        throw CommandFailure.write(
          "\(shown): cannot write: this is a folder; give a file name for the output")
      case S_IFBLK:
        throw CommandFailure.write(
          "\(shown): cannot write: this is a block device (a disk); refusing to write over it")
      default:
        throw CommandFailure.write("\(shown): cannot write: this is not a file")
      }
    }

    /// The path with every symbolic link resolved, so that the temporary file goes into the
    /// folder of the file itself; the path as given when it cannot be resolved.
    private static func realPath(_ path: String) -> String {
      guard let resolved = realpath(path, nil) else { return path }
      defer { free(resolved) }
      return String(cString: resolved)
    }

    /// Where a chain of symbolic links ending nowhere leads (the path itself when it is no
    /// link), at most 40 links deep as the system allows.
    private static func endOfLinks(_ path: String, shownAs shown: String) throws -> String {
      var current = path
      for _ in 0..<40 {
        var info = stat()
        guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(current, &buffer, buffer.count - 1)
        guard count > 0 else { return current }
        let target = String(
          decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if target.hasPrefix("/") {
          current = target
        } else if let slash = current.lastIndex(of: "/") {
          current = String(current[...slash]) + target
        } else {
          current = target
        }
      }
      throw OutputFile.failure(shown, "cannot write", ELOOP)
    }
  }

  /// The kinds of file written to directly.
  enum StreamKind: Equatable {
    /// A character device such as `/dev/null` or a terminal.
    case device
    /// A named pipe (`mkfifo`).
    case fifo
    /// A Unix domain socket, connected to as a stream.
    case socket
  }

  /// What a replaced file keeps, and what tells it apart from an input.
  struct FileStatus: Equatable {
    var device: UInt64
    var inode: UInt64
    var mode: mode_t
    var owner: uid_t
    var group: gid_t

    init(_ info: stat) {
      device = UInt64(info.st_dev)
      inode = UInt64(info.st_ino)
      mode = info.st_mode
      owner = info.st_uid
      group = info.st_gid
    }
  }
}
