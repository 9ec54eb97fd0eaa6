/// Why a DEFLATE stream (RFC 1951) could not be decoded. Every malformed stream ends in one of
/// these, never in a trap or a read past the input.
package enum InflateError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The input ended before the final block did.
  case truncated
  /// A block header has the reserved block type 3.
  case invalidBlockType
  /// A stored block's length and its one's complement disagree.
  case storedLengthMismatch
  /// A dynamic block declares more than 286 literal/length or 30 distance codes.
  case tooManyCodes
  /// A set of code lengths assigns more codes than the bit lengths allow.
  case oversubscribedCode
  /// A set of code lengths leaves codes unassigned (allowed only for a single code).
  case incompleteCode
  /// A "repeat the previous length" code comes first.
  case repeatWithoutLength
  /// A repeat of code lengths runs past the number of codes declared.
  case repeatPastEnd
  /// The literal/length code has no end-of-block code.
  case missingEndOfBlock
  /// A bit pattern that is no code, or a code for a symbol that is never valid (286, 287; 30, 31).
  case invalidCode
  /// A match reaches back before the start of the output.
  case distanceTooFar
  /// The stream produces more bytes than the limit given.
  case outputTooLarge(limit: Int)

  /// What is wrong, in a few words.
  package var description: String {
    switch self {
    case .truncated: "the compressed data ends too early"
    case .invalidBlockType: "a compressed block has the reserved type 3"
    case .storedLengthMismatch: "a stored block's length does not match its check value"
    case .tooManyCodes: "a compressed block declares too many codes"
    case .oversubscribedCode: "a compressed block's code lengths are over-subscribed"
    case .incompleteCode: "a compressed block's code lengths are incomplete"
    case .repeatWithoutLength: "a compressed block repeats a code length before giving one"
    case .repeatPastEnd: "a compressed block repeats code lengths past the end of its codes"
    case .missingEndOfBlock: "a compressed block has no end-of-block code"
    case .invalidCode: "the compressed data holds an invalid code"
    case .distanceTooFar: "the compressed data refers back before its start"
    case .outputTooLarge(let limit): "the data inflates to more than \(limit) bytes"
    }
  }
}
