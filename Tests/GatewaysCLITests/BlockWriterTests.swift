import Foundation
import Testing

@testable import GatewaysCLI

/// ``BlockWriter``: the file holds exactly the bytes appended, in pieces of any size, whether
/// blocks go directly to the disk or through the page cache; failures are the error number.
struct BlockWriterTests {
  func temporaryPath() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-blocks-\(UUID().uuidString)").path
  }

  /// Seeded bytes, appended in pieces of seeded sizes (some empty, some over a block).
  func written(total: Int, seed: UInt64, direct: Bool, maxPiece: Int) throws -> (Data, Data) {
    var rng = HardeningTests.SplitMix(state: seed)
    let bytes = Data((0..<total).map { _ in UInt8.random(in: 0...255, using: &rng) })
    let path = temporaryPath()
    defer { unlink(path) }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    try #require(descriptor >= 0)
    let writer = BlockWriter(descriptor, direct: direct)
    var offset = 0
    var code: Int32 = 0
    try bytes.withUnsafeBytes { all in
      let base = try #require(all.baseAddress)
      while offset < total {
        let size = min(total - offset, Int.random(in: 0...maxPiece, using: &rng))
        code = writer.append(UnsafeRawBufferPointer(start: base + offset, count: size))
        if code != 0 { break }
        offset += size
      }
    }
    if code == 0 { code = writer.finish() }
    #expect(code == 0)
    #expect(fsync(descriptor) == 0)
    close(descriptor)
    return (bytes, try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  @Test(arguments: [true, false])
  func theFileHoldsEveryByteInOrder(direct: Bool) throws {
    let block = BlockWriter.blockSize
    // Across several blocks and a partial last one; exactly whole blocks; under one block.
    for (seed, total, piece) in [
      (1, 5 * block + 12345, 300_000), (2, 3 * block, block + 7), (3, 4000, 100), (4, 0, 10),
      (5, 7 * block + 1, 3 * block),
    ] {
      let (expected, file) = try written(
        total: total, seed: UInt64(seed), direct: direct, maxPiece: piece)
      #expect(file.count == expected.count)
      #expect(file == expected)
    }
  }

  /// A full disk: a node of the Linux "full" device (character device 1, 7: every write fails
  /// with `ENOSPC`), made in a folder of the test's own, never the system's `/dev`.
  @Test(.enabled(if: geteuid() == 0, "mknod of a device needs root (CI runs as root)"))
  func aFullDiskIsTheErrorNumber() throws {
    let folder = temporaryPath()
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let node = folder + "/full"
    try #require(mknod(node, mode_t(S_IFCHR) | 0o666, dev_t((1 << 8) | 7)) == 0)
    let descriptor = open(node, O_WRONLY | O_CLOEXEC)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let writer = BlockWriter(descriptor)
    let piece = Data(repeating: 0x41, count: 3 * BlockWriter.blockSize + 10)
    var code = piece.withUnsafeBytes { writer.append($0) }
    if code == 0 { code = writer.finish() }
    #expect(code == ENOSPC)
  }

  @Test func aBadDescriptorIsTheErrorNumber() {
    let writer = BlockWriter(-1)
    var code = Data("x".utf8).withUnsafeBytes { writer.append($0) }
    if code == 0 { code = writer.finish() }
    #expect(code == EBADF)
  }

  @Test func anOutputGivenUpWritesNoMore() throws {
    let path = temporaryPath()
    defer { unlink(path) }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let writer = BlockWriter(descriptor)
    let piece = Data(repeating: 0x42, count: BlockWriter.blockSize / 2)
    #expect(piece.withUnsafeBytes { writer.append($0) } == 0)
    #expect(writer.finish(writingRest: false) == 0)
    // The half block was never handed over.
    var info = stat()
    #expect(fstat(descriptor, &info) == 0)
    #expect(info.st_size == 0)
  }
}
