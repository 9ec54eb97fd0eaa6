import Dispatch
import Foundation

/// The progress line a long run shows on a terminal's standard error: the phase, a bar and the
/// time so far, redrawn in place (`\r` and erase-to-end-of-line) and erased at the end.
///
/// ```swift
/// ProgressLine.render(phase: "reading", fraction: 0.25, elapsedTenths: 12)
/// // "\rgateways: reading    [######                  ]  25%  1.2 s\u{1B}[K"
/// ```
enum ProgressLine {
  /// The bar's width in characters.
  static let barWidth = 24
  /// The longest phase name, so the bar does not move when the phase changes.
  static let phaseWidth = 10
  /// What erases the line: back to its start, then clear to its end.
  static let erase = "\r\u{1B}[K"

  /// One drawing of the line.
  /// - Complexity: O(1).
  static func render(phase: String, fraction: Double, elapsedTenths: Int) -> String {
    let clamped = min(1, max(0, fraction.isFinite ? fraction : 0))
    let filled = Int((clamped * Double(barWidth)).rounded(.down))
    let percent = Int((clamped * 100).rounded(.down))
    let paddedPercent = String(repeating: " ", count: 3 - String(percent).count) + "\(percent)%"
    let paddedPhase =
      phase + String(repeating: " ", count: max(0, phaseWidth - phase.count))
    return "\rgateways: \(paddedPhase) ["
      + String(repeating: "#", count: filled) + String(repeating: " ", count: barWidth - filled)
      + "] \(paddedPercent)  \(elapsedTenths / 10).\(elapsedTenths % 10) s\u{1B}[K"
  }
}

/// Shows a run's phase and progress on standard error once the run has lasted `delay`, redrawn
/// every tenth of a second, and erases it when the run ends or before anything else is written
/// to standard error. Created only when standard error is a terminal and `--quiet` is not given.
final class ProgressReporter: @unchecked Sendable {
  private let lock = NSLock()
  private let write: (String) -> Void
  private let start = ContinuousClock.now
  private let delay: Duration
  /// Nothing is drawn before the first phase is entered.
  private var phase: String?
  private var fraction = 0.0
  private var drawn = false
  private var finished = false
  private var timer: DispatchSourceTimer?

  /// Starts the clock; nothing is drawn before `delay` has passed.
  init(delay: Duration = .seconds(1), write: @escaping (String) -> Void) {
    self.delay = delay
    self.write = write
    let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
    let (seconds, attoseconds) = delay.components
    let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
    timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .milliseconds(100))
    timer.setEventHandler { [weak self] in self?.draw() }
    self.timer = timer
    timer.resume()
  }

  /// Enters a phase (`reading`, `analysing`, `writing`, ...), `fraction` of the way through;
  /// drawn at once if the run has already lasted `delay`.
  func enter(_ phase: String, fraction: Double) {
    lock.lock()
    defer { lock.unlock() }
    self.phase = phase
    self.fraction = fraction
    drawLocked()
  }

  /// Erases the line (if drawn) so other text can go to the terminal; it is drawn again at the
  /// next tick.
  func clear() {
    lock.lock()
    defer { lock.unlock() }
    if drawn {
      write(ProgressLine.erase)
      drawn = false
    }
  }

  /// Writes `text` to standard error after erasing the line, so the two never interleave.
  func pass(_ text: String) {
    lock.lock()
    defer { lock.unlock() }
    if drawn {
      write(ProgressLine.erase)
      drawn = false
    }
    write(text)
  }

  /// Stops drawing and erases the line.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    finished = true
    timer?.cancel()
    timer = nil
    if drawn {
      write(ProgressLine.erase)
      drawn = false
    }
  }

  private func draw() {
    lock.lock()
    defer { lock.unlock() }
    drawLocked()
  }

  private func drawLocked() {
    guard !finished, let phase else { return }
    let elapsed = ContinuousClock.now - start
    guard elapsed >= delay else { return }
    let (seconds, attoseconds) = elapsed.components
    let tenths = Int(seconds) * 10 + Int(attoseconds / 100_000_000_000_000_000)
    write(ProgressLine.render(phase: phase, fraction: fraction, elapsedTenths: tenths))
    drawn = true
  }
}
