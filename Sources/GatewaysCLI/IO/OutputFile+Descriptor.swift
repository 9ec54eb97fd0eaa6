import Foundation

extension OutputFile {
  /// Writes every byte of `bytes` to a file descriptor: a write interrupted by a signal
  /// (`EINTR`) is tried again, a partial write goes on from where it stopped, and a descriptor
  /// that is not ready (`EAGAIN`, a non-blocking pipe) is waited for.
  /// - Returns: 0, or the `errno` of the failure.
  /// - Complexity: O(n) in the number of bytes.
  static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
    guard let base = bytes.baseAddress else { return 0 }
    var offset = 0
    while offset < bytes.count {
      // Linux writes at most 2 GiB less a page in one call; ask for no more.
      let written = Foundation.write(descriptor, base + offset, min(bytes.count - offset, 1 << 30))
      if written < 0 {
        let code = errno
        if code == EINTR { continue }
        if code == EAGAIN || code == EWOULDBLOCK {
          var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
          if poll(&ready, 1, -1) < 0 && errno != EINTR { return errno }
          continue
        }
        return code
      }
      // A write of no bytes would repeat forever.
      if written == 0 { return EIO }
      offset += written
    }
    return 0
  }

  /// Words for a failed system call.
  static func describe(errno code: Int32) -> String {
    switch code {
    case EACCES, EPERM: "permission denied"
    case EROFS: "the file system is read-only"
    case ENOENT, ENOTDIR: "no such folder"
    case ENOSPC, EDQUOT: "the disk is full"
    case EPIPE: "the reader closed the pipe"
    case ELOOP: "too many symbolic links"
    default: String(cString: strerror(code))
    }
  }
}
