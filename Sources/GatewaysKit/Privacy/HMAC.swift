/// HMAC-SHA-256 (RFC 2104, with SHA-256 as in RFC 4231).
///
/// ```swift
/// let tag = HMACSHA256.authenticationCode(for: Array("message".utf8), key: Array("key".utf8))
/// ```
/// - Complexity: O(n) in the lengths of the message and the key.
package enum HMACSHA256 {
  /// The HMAC-SHA-256 of `message` under `key`: 32 bytes. A key longer than a block (64 bytes)
  /// is hashed first, as RFC 2104 says.
  package static func authenticationCode(for message: [UInt8], key: [UInt8]) -> [UInt8] {
    var block = key.count > SHA256.blockByteCount ? SHA256.hash(key) : key
    block += [UInt8](repeating: 0, count: SHA256.blockByteCount - block.count)
    let inner = SHA256.hash(block.map { $0 ^ 0x36 } + message)
    return SHA256.hash(block.map { $0 ^ 0x5c } + inner)
  }
}
