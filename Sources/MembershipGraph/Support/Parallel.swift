import Foundation
import Synchronization

/// Runs independent pieces of work on the machine's cores and returns their results in a fixed
/// order, so a parallel computation gives the same answer as a sequential one.
///
/// ```swift
/// let sums = Parallel.map(4) { chunk in (chunk * 1000..<(chunk + 1) * 1000).reduce(0, +) }
/// let (a, b) = Parallel.both({ graph.groupProjection() }, { graph.cutStructure() })
/// ```
package enum Parallel {
  /// `[body(0), body(1), ..., body(count - 1)]`, the calls made concurrently.
  /// - Complexity: the calls' total work, spread over the cores.
  package static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    if count <= 1 { return count == 1 ? [body(0)] : [] }
    let slots = ResultSlots<T>(count: count)
    defer { slots.deallocate() }
    DispatchQueue.concurrentPerform(iterations: count) { index in
      slots.store(body(index), at: index)
    }
    return slots.results()
  }

  /// `[body(0), body(1), ..., body(count - 1)]`, as ``map(_:_:)`` gives them, for work that
  /// may itself run inside other parallel work: the indices are claimed one at a time by the
  /// calling thread and by up to ``width`` helpers queued on the pool, so a core that falls
  /// idle while the call runs joins in (`concurrentPerform` inside another parallel loop runs
  /// every index on the calling thread). No index waits for a helper to start: the calling
  /// thread claims whatever is left, then waits only for the helpers queued to find nothing.
  /// - Complexity: the calls' total work, spread over the cores free while it runs.
  package static func mapClaimed<T: Sendable>(
    _ count: Int, _ body: @escaping @Sendable (Int) -> T
  ) -> [T] {
    if count <= 1 { return count == 1 ? [body(0)] : [] }
    let slots = ResultSlots<T>(count: count)
    defer { slots.deallocate() }
    let claims = ClaimCounter()
    let group = DispatchGroup()
    @Sendable func runClaimed() {
      while true {
        let index = claims.next()
        guard index < count else { return }
        slots.store(body(index), at: index)
      }
    }
    for _ in 0..<min(width, count - 1) {
      DispatchQueue.global().async(group: group) { runClaimed() }
    }
    runClaimed()
    group.wait()
    return slots.results()
  }

  /// Below this much work (a rough count of what a computation walks: a graph's memberships,
  /// a roster's staff and teams) handing half of it to another core costs more than it saves
  /// (a wake-up, and memory allocated on one thread and freed on another): the `work:` forms
  /// of ``both(work:_:_:)`` and ``start(work:_:)`` then run on the calling thread. A trust's
  /// thousands of small schools, each analysed while the cores are already busy with others,
  /// are the case this is for.
  package static let worthSharing = 4096

  /// The results of two computations: made concurrently when `work` is at least
  /// ``worthSharing``, else one after the other on this thread.
  /// - Complexity: the two computations' own work.
  package static func both<A: Sendable, B: Sendable>(
    work: Int, _ first: @Sendable () -> A, _ second: @Sendable () -> B
  ) -> (A, B) {
    work < worthSharing ? (first(), second()) : both(first, second)
  }

  /// Starts `job` on another core, as ``start(_:)`` does, when `work` is at least
  /// ``worthSharing``; below that it is left to run on the thread that asks for its result.
  /// - Complexity: O(1), and the job's own.
  package static func start<T: Sendable>(
    work: Int, _ job: @escaping @Sendable () -> T
  ) -> Pending<T> {
    work < worthSharing ? Pending(job) : start(job)
  }

  /// The results of two computations made concurrently.
  package static func both<A: Sendable, B: Sendable>(
    _ first: @Sendable () -> A, _ second: @Sendable () -> B
  ) -> (A, B) {
    let firstSlot = ResultSlots<A>(count: 1)
    let secondSlot = ResultSlots<B>(count: 1)
    defer {
      firstSlot.deallocate()
      secondSlot.deallocate()
    }
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      if index == 0 {
        firstSlot.store(first(), at: 0)
      } else {
        secondSlot.store(second(), at: 0)
      }
    }
    return (firstSlot.results()[0], secondSlot.results()[0])
  }

  /// Computes `produce(0), produce(1), ..., produce(count - 1)` on the machine's cores and hands
  /// each result to `consume`, in index order, as soon as it and those before it are ready: the
  /// calling thread consumes (writes a file, say) while other cores still produce.
  ///
  /// Pieces are claimed in index order by at most ``width`` workers and by the calling thread
  /// itself, which produces the next unclaimed piece whenever the one it needs is not ready yet.
  /// So the call always finishes, even when every thread of the pool is busy or blocked (a
  /// `stream` inside another parallel loop), and one piece is simply produced inline.
  ///
  /// If `consume` throws, the remaining results are still produced (and dropped) before the
  /// error is rethrown.
  package static func stream<T: Sendable>(
    _ count: Int, produce: @escaping @Sendable (Int) -> T, consume: (T) throws -> Void
  ) rethrows {
    guard count > 0 else { return }
    if count == 1 {
      try consume(produce(0))
      return
    }
    let slots = ResultSlots<T>(count: count)
    let ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    let claims = ClaimCounter()
    let group = DispatchGroup()
    defer {
      group.wait()
      slots.deallocate()
    }
    @Sendable func produceClaimed() -> Bool {
      let index = claims.next()
      guard index < count else { return false }
      slots.store(produce(index), at: index)
      ready[index].signal()
      return true
    }
    for _ in 0..<min(width, count - 1) {
      DispatchQueue.global().async(group: group) { while produceClaimed() {} }
    }
    for index in 0..<count {
      // Help while the piece needed is not yet claimed; once it is, its producer is running.
      while claims.peek() <= index, produceClaimed() {}
      ready[index].wait()
      try consume(slots.take(at: index))
    }
  }

  /// Starts `work` on another core and returns at once: ``Pending/result()`` gives its result,
  /// running it on the calling thread if no core has started it yet (so waiting for it never
  /// deadlocks, even when every thread of the pool is busy or blocked).
  ///
  /// ```swift
  /// let brokers = Parallel.start { graph.betweennessEstimate(epsilon: 0.01, delta: 0.1, seed: 1) }
  /// let cuts = graph.cutStructure()        // meanwhile, on this thread
  /// let estimate = brokers.result()
  /// ```
  /// - Complexity: O(1), and the work's own.
  package static func start<T: Sendable>(_ work: @escaping @Sendable () -> T) -> Pending<T> {
    let pending = Pending(work)
    DispatchQueue.global().async { pending.runIfUnclaimed() }
    return pending
  }

  /// Calls `body` with the elements of `array`, to be changed in place by threads that each
  /// change distinct elements (a loop of ``map(_:_:)`` over pieces of the indices, say), so no
  /// element is copied before it is changed.
  ///
  /// ```swift
  /// Parallel.updating(&assemblers) { elements in
  ///   _ = Parallel.map(assemblers.count) { index in elements[index].finish() }
  /// }
  /// ```
  /// - Complexity: O(1), and `body`'s own.
  package static func updating<T: Sendable, R>(
    _ array: inout [T], _ body: (SharedElements<T>) throws -> R
  ) rethrows -> R {
    try array.withUnsafeMutableBufferPointer { buffer in try body(SharedElements(buffer)) }
  }

  /// `[body(range0, elements), body(range1, elements), ...]` for `pieces` runs of consecutive
  /// indices of `array`, made on the cores, where `elements` lends `array`'s elements to be
  /// changed in place; each run's elements are let go by the thread that handled it, as soon as
  /// its call returns (so a large element's memory is freed on the cores, not afterwards on
  /// the calling thread). Hand `array` over (`consume`), so no element is shared.
  ///
  /// ```swift
  /// let rosters = Parallel.map(taking: assemblers, pieces: 16) { range, elements in
  ///   range.map { elements[$0].roster() }
  /// }
  /// ```
  /// - Complexity: O(n) in the elements, plus the calls' own work, spread over the cores.
  package static func map<T: Sendable, R: Sendable>(
    taking array: consuming [T], pieces: Int,
    _ body: @Sendable (Range<Int>, SharedElements<T>) -> R
  ) -> [R] {
    let count = array.count
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
    defer { buffer.deallocate() }
    _ = buffer.initialize(fromContentsOf: array)
    _ = consume array
    let elements = SharedElements(buffer)
    let pieces = count == 0 ? 0 : max(1, min(pieces, count))
    return map(pieces) { piece in
      let range = (count * piece / pieces)..<(count * (piece + 1) / pieces)
      let result = body(range, elements)
      elements.release(range)
      return result
    }
  }

  /// How many pieces to cut work into so every core has some: the number of active cores.
  package static var width: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// The elements of an array lent by ``Parallel/updating(_:_:)`` or
/// ``Parallel/map(taking:pieces:_:)``: threads may read and change them at once, as long as no
/// two touch the same element. Valid only inside that call.
package struct SharedElements<T: Sendable>: @unchecked Sendable {
  private let buffer: UnsafeMutableBufferPointer<T>

  fileprivate init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }

  /// How many elements there are.
  package var count: Int { buffer.count }

  /// The element at `index`, changed in place.
  package subscript(index: Int) -> T {
    unsafeAddress { UnsafePointer(buffer.baseAddress.unsafelyUnwrapped + checked(index)) }
    nonmutating unsafeMutableAddress { buffer.baseAddress.unsafelyUnwrapped + checked(index) }
  }

  /// Lets go of the elements in `range` (for ``Parallel/map(taking:pieces:_:)``).
  fileprivate func release(_ range: Range<Int>) {
    guard !range.isEmpty, let base = buffer.baseAddress else { return }
    (base + range.lowerBound).deinitialize(count: range.count)
  }

  private func checked(_ index: Int) -> Int {
    precondition(index >= 0 && index < buffer.count, "index out of range")
    return index
  }
}

/// Work started by ``Parallel/start(_:)``: claimed once, by a pool thread or by whoever asks
/// for its result first.
package final class Pending<T: Sendable>: @unchecked Sendable {
  private let work: @Sendable () -> T
  private let claimed = Atomic<Bool>(false)
  private let done = DispatchSemaphore(value: 0)
  private let slot = ResultSlots<T>(count: 1)

  fileprivate init(_ work: @escaping @Sendable () -> T) { self.work = work }

  deinit { slot.deallocate() }

  /// Runs the work unless another thread has claimed it.
  /// - Returns: whether this call ran it.
  @discardableResult
  fileprivate func runIfUnclaimed() -> Bool {
    guard !claimed.exchange(true, ordering: .acquiringAndReleasing) else { return false }
    slot.store(work(), at: 0)
    done.signal()
    return true
  }

  /// The work's result: computed here if no thread has started it, else waited for. Call once.
  package func result() -> T {
    if !runIfUnclaimed() { done.wait() }
    return slot.take(at: 0)
  }
}

/// The next piece of a ``Parallel/stream(_:produce:consume:)`` or a
/// ``Parallel/mapClaimed(_:_:)`` to claim, shared by its threads.
private final class ClaimCounter: Sendable {
  private let counter = Atomic<Int>(0)

  /// Claims the next piece: its index (at or past the count when none is left).
  func next() -> Int { counter.wrappingAdd(1, ordering: .relaxed).oldValue }

  /// The next index to be claimed.
  func peek() -> Int { counter.load(ordering: .relaxed) }
}

/// Storage that worker threads fill at distinct indices; read only after they all finish.
private final class ResultSlots<T>: @unchecked Sendable {
  private let buffer: UnsafeMutableBufferPointer<T?>

  init(count: Int) {
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: nil)
  }

  /// Stores a result; each index is written by one thread only.
  func store(_ value: T, at index: Int) { buffer[index] = value }

  /// Moves a stored result out, freeing its slot.
  func take(at index: Int) -> T {
    guard let value = buffer[index] else {
      preconditionFailure("a parallel task did not store its result")
    }
    buffer[index] = nil
    return value
  }

  /// Every result, in index order.
  func results() -> [T] {
    buffer.map { value in
      guard let value else { preconditionFailure("a parallel task did not store its result") }
      return value
    }
  }

  func deallocate() {
    buffer.deinitialize()
    buffer.deallocate()
  }
}
