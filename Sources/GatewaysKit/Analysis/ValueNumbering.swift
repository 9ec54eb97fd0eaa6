/// Numbers strings densely in the order they are first seen, equal strings alike, for a pass
/// over hundreds of thousands of people whose attributes (year group, department) take a few
/// dozen values.
///
/// A `Dictionary` of strings hashes every string in full (SipHash over its bytes). Here each
/// string's own 16 bytes come first: a small table of recently seen representations answers
/// most lookups with no hashing of text. Equal representations mean equal strings: a short
/// string is held in them whole, and a long one is a reference to its storage, which the table
/// keeps alive (it holds the string itself beside its representation), so no other text can
/// come to live at that address meanwhile. A string the table does not know, or one equal to a
/// known string but held differently, is looked up in the dictionary, which decides.
///
/// ```swift
/// var numbering = ValueNumbering()
/// numbering.number(of: "Year 7")   // 0
/// numbering.number(of: "Maths")    // 1
/// numbering.number(of: "Year 7")   // 0
/// ```
struct ValueNumbering {
  /// The number of each distinct string seen.
  private var numbers: [String: Int] = [:]
  /// Per cache entry: the two words of a string's representation and its number plus one
  /// (0: empty).
  private var cacheFirst = [UInt64](repeating: 0, count: Self.cacheSize)
  private var cacheSecond = [UInt64](repeating: 0, count: Self.cacheSize)
  private var cacheNumber = [Int](repeating: 0, count: Self.cacheSize)
  /// Per cache entry: the string whose representation it holds, kept alive by the table.
  private var cacheString = [String](repeating: "", count: Self.cacheSize)

  private static let cacheSize = 256

  /// The number of distinct strings seen.
  var count: Int { numbers.count }

  /// The number of `value`: the count of distinct strings seen before it, if it is new.
  /// - Complexity: O(1) on average; a string whose representation is not in the cache is
  ///   hashed once.
  mutating func number(of value: String) -> Int {
    let (first, second) = unsafeBitCast(value, to: (UInt64, UInt64).self)
    let mixed = (first ^ (second &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
    let entry = Int(truncatingIfNeeded: mixed >> 56)
    if cacheNumber[entry] != 0 && cacheFirst[entry] == first && cacheSecond[entry] == second {
      return cacheNumber[entry] - 1
    }
    let number: Int
    if let known = numbers[value] {
      number = known
    } else {
      number = numbers.count
      numbers[value] = number
    }
    cacheString[entry] = value
    cacheFirst[entry] = first
    cacheSecond[entry] = second
    cacheNumber[entry] = number + 1
    return number
  }
}
