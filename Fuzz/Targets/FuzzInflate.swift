// libFuzzer target: the DEFLATE decoder. Built by Scripts/fuzz.sh, not by `swift build`.
//
// Any input must inflate or throw, within 1 MiB of output; and the limit must be exact: a
// stream that inflates to n bytes inflates to the same bytes with a limit of n, and is
// refused with a limit of n - 1.
import GatewaysKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInflate(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
  guard let output = try? Inflater.inflate(bytes, limit: 1 << 20) else { return 0 }
  guard (try? Inflater.inflate(bytes, limit: output.count)) == output else {
    fatalError("a stream inflates differently with its exact size as the limit")
  }
  if !output.isEmpty {
    do {
      _ = try Inflater.inflate(bytes, limit: output.count - 1)
      fatalError("a stream of \(output.count) bytes inflated within a limit of one less")
    } catch .outputTooLarge(let limit) {
      precondition(limit == output.count - 1, "the wrong limit is reported")
    } catch {
      fatalError("a stream of \(output.count) bytes gave \(error) with a limit of one less")
    }
  }
  return 0
}
