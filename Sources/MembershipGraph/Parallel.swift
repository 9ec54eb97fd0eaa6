import Foundation

/// Runs independent pieces of work on the machine's cores and returns their results in a fixed
/// order, so a parallel computation gives the same answer as a sequential one.
///
/// ```swift
/// let sums = Parallel.map(4) { chunk in (chunk * 1000..<(chunk + 1) * 1000).reduce(0, +) }
/// let (a, b) = Parallel.both({ graph.groupProjection() }, { graph.cutStructure() })
/// ```
public enum Parallel {
  /// `[body(0), body(1), ..., body(count - 1)]`, the calls made concurrently.
  /// - Complexity: the calls' total work, spread over the cores.
  public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    if count <= 1 { return count == 1 ? [body(0)] : [] }
    let slots = ResultSlots<T>(count: count)
    defer { slots.deallocate() }
    DispatchQueue.concurrentPerform(iterations: count) { index in
      slots.store(body(index), at: index)
    }
    return slots.results()
  }

  /// The results of two computations made concurrently.
  public static func both<A: Sendable, B: Sendable>(
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

  /// How many pieces to cut work into so every core has some: the number of active cores.
  public static var width: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
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
