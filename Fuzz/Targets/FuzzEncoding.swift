// libFuzzer target: the encoding detection and conversion, and the separator detection. Built
// by Scripts/fuzz.sh, not by `swift build`.
import Foundation
import GatewaysKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEncoding(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
  for forced in [nil] + TextEncoding.allCases {
    let decoded = TextEncoding.utf8(from: bytes, forced: forced)
    // Whatever was read as anything but forced UTF-8 is valid UTF-8 afterwards.
    if forced != .utf8, decoded.error == nil,
      String(validating: decoded.bytes, as: UTF8.self) == nil
    {
      fatalError("\(String(describing: forced)) gave invalid UTF-8")
    }
    // UTF-16 read without an error goes back to the same units.
    if decoded.encoding == .utf16, decoded.error == nil {
      let text = String(decoding: decoded.bytes, as: UTF8.self)
      let body =
        bytes.count >= 2 && (bytes[0...1] == [0xFF, 0xFE] || bytes[0...1] == [0xFE, 0xFF])
        ? Array(bytes.dropFirst(2)) : bytes
      let bigEndian =
        bytes.starts(with: [0xFE, 0xFF])
        || (!bytes.starts(with: [0xFF, 0xFE]) && bytes.count >= 2 && bytes[0] == 0 && bytes[1] != 0)
      var again: [UInt8] = []
      for unit in text.utf16 {
        let high = UInt8(unit >> 8)
        let low = UInt8(unit & 0xFF)
        again += bigEndian ? [high, low] : [low, high]
      }
      if again != body { fatalError("UTF-16 did not round-trip") }
    }
    // Windows-1252 keeps one scalar per byte.
    if decoded.encoding == .windows1252, decoded.error == nil,
      String(decoding: decoded.bytes, as: UTF8.self).unicodeScalars.count != bytes.count
    {
      fatalError("Windows-1252 did not keep one character per byte")
    }
  }
  _ = RosterDelimiter.detect(in: bytes)
  // And the whole read, detected.
  _ = try? RosterReader().read(Data(bytes), fileName: "fuzz.csv", format: .csv)
  return 0
}
