import Foundation
import Synchronization

/// The temporary files being written, removed by a signal handler when SIGINT, SIGTERM or
/// SIGHUP ends the process, so that an interrupted run leaves no stray file behind.
///
/// The handler may run at any moment, on any thread, so it touches only memory that is set up
/// before it is installed and never freed: a fixed table of path buffers, and an atomic mask
/// of the slots whose path is complete. A writer copies the path into a free slot, then sets
/// its bit (a releasing store); the handler reads the mask (an acquiring load), unlinks each
/// marked path, restores the default action and raises the signal again, so the process still
/// ends as the signal asks. `unlink`, `signal` and `raise` are async-signal-safe.
///
/// A slot freed by one writer may be taken by another while the handler is reading it, so the
/// handler never unlinks the slot's bytes in place: like a sequence lock's reader, it copies
/// the path into a buffer of its own between two reads of a generation counter that every
/// writer bumps before it writes a path, and unlinks the copy only when the counter did not
/// move (so the copy is one whole path, never the halves of two).
///
/// The handlers are installed with the first temporary file, and only for signals whose
/// action is the default: a signal the parent ignores (`nohup`) stays ignored. A signal left
/// blocked by the parent is unblocked on the writing thread (see `installHandler(for:)`).
enum TemporaryFiles {
  /// How many temporary files may be recorded at once (the bits of the mask).
  static var capacity: Int { 64 }
  /// The bytes of one slot: a path and its terminating NUL.
  static var slotBytes: Int { Int(PATH_MAX) + 1 }

  /// The slots' paths, allocated once and never freed.
  nonisolated(unsafe) static let paths = UnsafeMutablePointer<CChar>.allocate(
    capacity: 64 * (Int(PATH_MAX) + 1))
  /// Bit `i` is set while slot `i` holds the complete path of a temporary file.
  static let armed = Atomic<UInt64>(0)
  /// Bumped by every writer before it writes a path into a slot; the handler's copy of a path
  /// is whole when this did not change while it copied.
  static let generation = Atomic<UInt64>(0)
  /// The handler's own copies of a path, one per handled signal (a signal is blocked while its
  /// handler runs, so no two handlers share a buffer); allocated once and never freed.
  nonisolated(unsafe) static let handlerCopies = UnsafeMutablePointer<CChar>.allocate(
    capacity: 3 * (Int(PATH_MAX) + 1))

  /// The slots in use, and whether the handlers are installed; for writers only.
  private static let state = Mutex<(claimed: UInt64, installed: Bool)>((0, false))

  /// Records `path` for removal if a signal ends the process.
  /// - Returns: the slot to pass to ``unregister(_:)``; `nil` (the file is then not
  ///   removed on a signal) when 64 files are being written at once or the path is too long.
  static func register(_ path: String) -> Int? {
    let bytes = Array(path.utf8CString)
    guard bytes.count <= slotBytes else { return nil }
    let slot: Int? = state.withLock { state in
      if !state.installed {
        _ = armed.load(ordering: .relaxed)  // initialised before the handler can read it
        _ = generation.load(ordering: .relaxed)
        _ = paths
        _ = handlerCopies
        for signal in [SIGINT, SIGTERM, SIGHUP] { installHandler(for: signal) }
        state.installed = true
      }
      guard let free = (0..<capacity).first(where: { state.claimed & (1 << $0) == 0 }) else {
        return nil
      }
      state.claimed |= 1 << free
      return free
    }
    guard let slot else { return nil }
    generation.wrappingAdd(1, ordering: .sequentiallyConsistent)
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      (paths + slot * slotBytes).update(from: base, count: buffer.count)
    }
    armed.bitwiseOr(1 << UInt64(slot), ordering: .releasing)
    return slot
  }

  /// Forgets a slot, once its file is renamed into place or removed.
  static func unregister(_ slot: Int?) {
    guard let slot else { return }
    armed.bitwiseAnd(~(1 << UInt64(slot)), ordering: .releasing)
    state.withLock { $0.claimed &= ~(1 << UInt64(slot)) }
  }

  /// Installs ``removeTemporaryFilesAndReraise(_:)`` for `signal` when its action is the
  /// default (the null handler), and unblocks it on this thread; puts any other action back.
  ///
  /// A parent may start the program with these signals blocked without meaning to (Foundation's
  /// `Process` passes on the mask of the thread that starts it, and Dispatch's threads block
  /// nearly every signal): they would then never arrive, and Ctrl-C or `kill` would not end
  /// the run. Unblocking them on the writing thread lets them in.
  private static func installHandler(for signal: Int32) {
    let previous = Foundation.signal(signal, removeTemporaryFilesAndReraise)
    if previous != nil {
      _ = Foundation.signal(signal, previous)
      return
    }
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, signal)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }
}

/// The signal handler: removes every recorded temporary file, then ends the process with the
/// same signal. Async-signal-safe: atomic loads, `unlink`, `signal` and `raise`.
private func removeTemporaryFilesAndReraise(_ signal: Int32) {
  let slotBytes = Int(PATH_MAX) + 1
  let copyIndex = signal == SIGINT ? 0 : signal == SIGTERM ? 1 : 2
  let copy = TemporaryFiles.handlerCopies + copyIndex * slotBytes
  let mask = TemporaryFiles.armed.load(ordering: .acquiring)
  var slot = 0
  while slot < 64 {
    if mask & (1 << UInt64(slot)) != 0 {
      copyWholePath(from: TemporaryFiles.paths + slot * slotBytes, to: copy, capacity: slotBytes)
      if copy[0] != 0 { unlink(copy) }
    }
    slot += 1
  }
  _ = Foundation.signal(signal, SIG_DFL)
  raise(signal)
}

/// Copies the NUL-terminated path at `source` into `copy` while no writer writes a slot; leaves
/// `copy` empty when writers kept writing through a few tries.
private func copyWholePath(
  from source: UnsafeMutablePointer<CChar>, to copy: UnsafeMutablePointer<CChar>, capacity: Int
) {
  var attempt = 0
  while attempt < 8 {
    let before = TemporaryFiles.generation.load(ordering: .acquiring)
    var index = 0
    while index < capacity - 1 {
      copy[index] = source[index]
      if copy[index] == 0 { break }
      index += 1
    }
    copy[index] = 0
    atomicMemoryFence(ordering: .sequentiallyConsistent)
    if TemporaryFiles.generation.load(ordering: .relaxed) == before { return }
    attempt += 1
  }
  copy[0] = 0
}
