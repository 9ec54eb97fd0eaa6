import Foundation
import Synchronization

/// Writes a new regular file in large blocks from a queue of its own, so that a command goes on
/// making its output while the bytes before it go to the file; on Linux, whole blocks go to the
/// disk directly (`O_DIRECT`), not through the page cache.
///
/// An output file is flushed to the disk (`fsync`) before it is put in place, so the page cache
/// only adds a copy of every byte; and where the memory the cache takes is new to the process's
/// machine (a virtual machine whose free memory the host takes back), each page of it costs a
/// fault: 600 MB written through the cache took 1.9 s of system time here, directly 0.06 s.
///
/// Bytes are gathered into blocks of ``blockSize`` bytes, aligned to the page as direct writes
/// need; each full block is written, in order, at an offset that is a multiple of the block size,
/// with at most ``blockCount`` blocks in memory. The last, partial block goes through the page
/// cache, and so does everything when the file system refuses direct writes (`EINVAL`): the bytes
/// of the file are the same either way. The first failure is kept, later writes are skipped, and
/// ``append(_:)`` and ``finish(writingRest:)`` return it.
///
/// ```swift
/// let writer = BlockWriter(descriptor)
/// var code = writer.append(piece)            // 0, or the errno of a failed write
/// if code == 0 { code = writer.finish() }    // every byte is in the file (not yet flushed)
/// ```
///
/// One thread appends and finishes; the writer's queue writes.
final class BlockWriter: @unchecked Sendable {
  /// The size of a block: a direct write of a megabyte is as fast as of larger ones.
  static let blockSize = 1 << 20
  /// The blocks in memory at most: one filling, the others written or waiting.
  static let blockCount = 4

  /// A block's memory, handed to the queue.
  private struct Block: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
  }

  private let descriptor: Int32
  private let queue = DispatchQueue(label: "gateways.output-file")
  /// Signalled once for each block the queue is done with.
  private let released = DispatchSemaphore(value: 0)
  private let idle = Mutex<[Block]>([])
  /// The `errno` of the first failed write, or 0.
  private let failure = Atomic<Int32>(0)
  // The appending thread's own.
  private var current: Block?
  private var filled = 0
  private var allocated: [Block] = []
  // The queue's own.
  private var mayWriteDirectly: Bool
  private var writesDirectly = false

  /// A writer for `descriptor`, a regular file opened for writing at its start; `direct: false`
  /// writes everything through the page cache.
  init(_ descriptor: Int32, direct: Bool = true) {
    self.descriptor = descriptor
    mayWriteDirectly = direct && Self.directFlag != nil
  }

  deinit {
    for block in allocated { block.base.deallocate() }
  }

  /// Copies `bytes` into the blocks, handing each block that fills to the queue.
  /// - Returns: 0, or the `errno` of a write that failed (this one's or an earlier one's).
  /// - Complexity: O(n) in the number of bytes.
  func append(_ bytes: UnsafeRawBufferPointer) -> Int32 {
    guard let source = bytes.baseAddress else { return failure.load(ordering: .relaxed) }
    var offset = 0
    while offset < bytes.count {
      let block = current ?? takeBlock()
      let count = min(Self.blockSize - filled, bytes.count - offset)
      (block.base + filled).copyMemory(from: source + offset, byteCount: count)
      filled += count
      offset += count
      if filled == Self.blockSize {
        submit(block, count: filled, whole: true)
        current = nil
        filled = 0
      } else {
        current = block
      }
    }
    return failure.load(ordering: .relaxed)
  }

  /// Writes what is left (unless `writingRest` is false, when the output is given up) and waits
  /// until every block handed over is written.
  /// - Returns: 0, or the `errno` of the first write that failed.
  func finish(writingRest: Bool = true) -> Int32 {
    if let block = current {
      if writingRest {
        submit(block, count: filled, whole: false)
      } else {
        idle.withLock { $0.append(block) }
      }
      current = nil
      filled = 0
    }
    if !writingRest {
      _ = failure.compareExchange(expected: 0, desired: ECANCELED, ordering: .relaxed)
    }
    queue.sync {}
    return writingRest ? failure.load(ordering: .relaxed) : 0
  }

  /// A block to fill: a new one while fewer than ``blockCount`` exist, else the next the queue
  /// is done with.
  private func takeBlock() -> Block {
    if allocated.count < Self.blockCount {
      let block = Block(
        base: .allocate(byteCount: Self.blockSize, alignment: Self.alignment))
      allocated.append(block)
      return block
    }
    released.wait()
    // Each signal follows a block put back: there is one.
    return idle.withLock { $0.removeLast() }
  }

  private func submit(_ block: Block, count: Int, whole: Bool) {
    queue.async { [self] in
      if failure.load(ordering: .relaxed) == 0 {
        let code = write(UnsafeRawBufferPointer(start: block.base, count: count), whole: whole)
        if code != 0 { _ = failure.compareExchange(expected: 0, desired: code, ordering: .relaxed) }
      }
      idle.withLock { $0.append(block) }
      released.signal()
    }
  }

  /// Writes every byte: a whole block directly when the file allows it, anything else through
  /// the page cache. Runs on the queue.
  private func write(_ bytes: UnsafeRawBufferPointer, whole: Bool) -> Int32 {
    guard let base = bytes.baseAddress else { return 0 }
    setDirect(whole && mayWriteDirectly)
    var offset = 0
    while offset < bytes.count {
      let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
      if written < 0 {
        let code = errno
        if code == EINTR { continue }
        // Not for this file (or no longer aligned after a short write): through the cache.
        if code == EINVAL && writesDirectly {
          mayWriteDirectly = false
          setDirect(false)
          if !writesDirectly { continue }
        }
        return code
      }
      if written == 0 { return EIO }
      offset += written
      // What follows a short direct write is not aligned.
      if offset < bytes.count && writesDirectly {
        mayWriteDirectly = false
        setDirect(false)
      }
    }
    return 0
  }

  /// Turns direct writes on or off; a file system that refuses them leaves them off for good.
  private func setDirect(_ on: Bool) {
    guard on != writesDirectly, let flag = Self.directFlag else { return }
    let flags = fcntl(descriptor, F_GETFL)
    guard flags >= 0 else {
      mayWriteDirectly = false
      return
    }
    if fcntl(descriptor, F_SETFL, on ? flags | flag : flags & ~flag) == 0 {
      writesDirectly = on
    } else if on {
      mayWriteDirectly = false
    }
  }

  /// The alignment of blocks in memory: the page, which covers every disk's logical block.
  private static let alignment = 4096

  /// `O_DIRECT`, which Swift does not import; `nil` where it is not known.
  static var directFlag: Int32? {
    #if os(Linux) && arch(x86_64)
      return 0o40000
    #elseif os(Linux) && arch(arm64)
      return 0o200000
    #else
      return nil
    #endif
  }
}
