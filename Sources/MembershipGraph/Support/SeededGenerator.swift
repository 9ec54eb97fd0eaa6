/// A small, fast, seedable random number generator (SplitMix64, Steele, Lea and Flood 2014).
///
/// The same seed gives the same sequence on every platform and every run, which is what sampled
/// algorithms, tests and benchmarks need. Not for cryptography.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let roll = Int.random(in: 1...6, using: &rng)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator whose sequence is fixed by `seed`.
  ///
  /// ```swift
  /// var rng = SeededGenerator(seed: 7)
  /// ```
  ///
  /// - Complexity: O(1).
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  ///
  /// ```swift
  /// var a = SeededGenerator(seed: 7)
  /// var b = SeededGenerator(seed: 7)
  /// a.next() == b.next()   // true: the same seed gives the same sequence
  /// ```
  ///
  /// - Complexity: O(1).
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
