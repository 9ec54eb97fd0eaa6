/// A ZIP archive read from its bytes (PKWARE APPNOTE 6.3): the central directory, local
/// headers, data descriptors (sizes after the data, flag bit 3), ZIP64 sizes and offsets, and
/// stored and deflated entries, each checked against its CRC-32.
///
/// ```swift
/// let archive = try ZipArchive(bytes, limits: WorkbookLimits())
/// if let entry = archive.entry(named: "xl/workbook.xml") {
///   var budget = 1 << 20
///   let xml = try archive.contents(of: entry, budget: &budget)
/// }
/// ```
///
/// The sizes come from the central directory, which a writer completes after the data (so an
/// entry with a data descriptor needs no look at the descriptor). Nothing is trusted: every
/// offset and size is checked against the file, an entry inflates into a buffer of its
/// declared size and no more, and the entry count, the total size inflated and the
/// compression ratio are limited (``WorkbookLimits``).
package struct ZipArchive: Sendable {
  /// One file in the archive, as the central directory describes it.
  package struct Entry: Sendable, Hashable {
    /// The path inside the archive (`xl/worksheets/sheet1.xml`).
    package var name: String
    /// 0 stored, 8 deflated; anything else is refused when read.
    package var method: Int
    /// The general purpose flags (bit 0: encrypted; bit 3: data descriptor).
    package var flags: Int
    /// The CRC-32 of the uncompressed data.
    package var crc: UInt32
    /// The size of the data as stored.
    package var compressedSize: Int
    /// The size of the data once inflated.
    package var uncompressedSize: Int
    /// Where the entry's local header starts.
    package var localHeaderOffset: Int

    /// Whether the entry is encrypted (traditional PKWARE or AES encryption).
    package var isEncrypted: Bool { flags & 1 != 0 || method == 99 }
  }

  /// The entries in central directory order.
  package let entries: [Entry]
  private let bytes: [UInt8]
  /// Entry positions by ``key(_:)`` of their names.
  private let positions: [String: Int]
  /// The limits the archive was opened with.
  package let limits: WorkbookLimits

  /// Whether `bytes` start like a ZIP archive (a local file header, or an empty archive).
  package static func looksLikeZip(_ bytes: some Collection<UInt8>) -> Bool {
    let head = Array(bytes.prefix(4))
    return head == [0x50, 0x4B, 0x03, 0x04] || head == [0x50, 0x4B, 0x05, 0x06]
  }

  /// Opens an archive: finds the end of the central directory (and its ZIP64 form) and reads
  /// every entry's description.
  /// - Throws: ``WorkbookError`` when the bytes are not a ZIP archive, are truncated or
  ///   damaged, span several disks, or hold more entries than `limits` allow.
  /// - Complexity: O(n) in the size of the central directory, plus a backward scan of at most
  ///   64 KiB for its end.
  package init(_ bytes: [UInt8], limits: WorkbookLimits) throws(WorkbookError) {
    self.bytes = bytes
    self.limits = limits
    let reader = ByteReader(bytes: bytes)
    guard let end = Self.endOfCentralDirectory(reader) else {
      throw Self.looksLikeZip(bytes)
        ? .damaged("the file is cut short: the end of its ZIP directory is missing")
        : WorkbookError(
          "this is not an .xlsx workbook (it is not a ZIP archive); if it is CSV text, name it "
            + ".csv (or give --input-format csv), else \(WorkbookError.saveAgain)")
    }
    var entryCount = reader.uint16(end + 10)
    var directorySize = reader.uint32(end + 12)
    var directoryOffset = reader.uint32(end + 16)
    guard reader.uint16(end + 4) == 0 || reader.uint16(end + 4) == 0xFFFF else {
      throw WorkbookError(
        "the workbook is split across several files (a multi-part ZIP); "
          + WorkbookError.saveAgain)
    }
    // ZIP64: a locator just before the end record points at the ZIP64 end record.
    if end >= 20, reader.uint32(end - 20) == 0x0706_4B50 {
      let record = reader.uint64(end - 12)
      guard record >= 0, record <= end - 20 - 56, reader.uint32(record) == 0x0606_4B50 else {
        throw .damaged("its ZIP64 directory record is missing")
      }
      entryCount = reader.uint64(record + 32)
      directorySize = reader.uint64(record + 40)
      directoryOffset = reader.uint64(record + 48)
    }
    guard entryCount >= 0, entryCount <= limits.maximumEntries else {
      throw WorkbookError(
        "the workbook holds \(entryCount) parts, more than the limit of "
          + "\(limits.maximumEntries); a spreadsheet never holds this many, so it is refused as "
          + "a possible zip bomb; \(WorkbookError.saveAgain)")
    }
    guard directoryOffset >= 0, directorySize >= 0, directoryOffset <= bytes.count,
      directorySize <= bytes.count - directoryOffset, entryCount <= directorySize / 46 + 1
    else {
      throw .damaged("its ZIP directory lies outside the file")
    }
    var entries: [Entry] = []
    entries.reserveCapacity(entryCount)
    var positions: [String: Int] = [:]
    var offset = directoryOffset
    let directoryEnd = directoryOffset + directorySize
    for _ in 0..<entryCount {
      let entry = try Self.centralEntry(at: &offset, end: directoryEnd, reader: reader)
      let key = Self.key(entry.name)
      guard positions[key] == nil else {
        throw .damaged("it holds the part '\(entry.name)' twice")
      }
      positions[key] = entries.count
      entries.append(entry)
    }
    self.entries = entries
    self.positions = positions
  }

  /// A part name as OPC compares them: ASCII case ignored, `\` read as `/`, no leading `/`.
  private static func key(_ name: String) -> String {
    var key = name.lowercased().replacingOccurrences(of: "\\", with: "/")
    while key.hasPrefix("/") { key.removeFirst() }
    return key
  }

  /// The entry of that name (ASCII case ignored, as OPC part names are), if any.
  /// - Complexity: O(1) expected.
  package func entry(named name: String) -> Entry? {
    positions[Self.key(name)].map { entries[$0] }
  }

  /// The entry's uncompressed data, checked against its CRC-32. `budget` is how many more
  /// bytes may be inflated; the entry's size is taken from it.
  /// - Throws: ``WorkbookError`` when the entry is encrypted, uses another compression method,
  ///   is larger than `budget`, compresses suspiciously well (a zip bomb), or is damaged.
  /// - Complexity: O(n + m) for n stored and m uncompressed bytes; O(m) memory.
  package func contents(of entry: Entry, budget: inout Int) throws(WorkbookError) -> [UInt8] {
    if entry.isEncrypted {
      throw WorkbookError(
        "the workbook is encrypted (password-protected); remove the password (File, Info, "
          + "Protect Workbook in Excel) and save it as .xlsx, or save the sheet as CSV UTF-8")
    }
    guard entry.method == 0 || entry.method == 8 else {
      throw WorkbookError(
        "the part '\(entry.name)' is compressed with method \(entry.method), which gateways "
          + "cannot read; \(WorkbookError.saveAgain)")
    }
    guard entry.uncompressedSize <= budget else {
      throw WorkbookError(
        "the part '\(entry.name)' inflates to \(entry.uncompressedSize) bytes, more than the "
          + "limit of \(limits.maximumUncompressedBytes) for a workbook (8 times "
          + "--max-file-size, at most 2 GiB); if this really is the roster, save the sheet as CSV UTF-8"
      )
    }
    if entry.uncompressedSize > limits.ratioFloor,
      entry.uncompressedSize / max(1, entry.compressedSize) > limits.maximumRatio
    {
      throw WorkbookError(
        "the part '\(entry.name)' would inflate \(entry.uncompressedSize / max(1, entry.compressedSize)) "
          + "times over (\(entry.compressedSize) bytes to \(entry.uncompressedSize)), far more "
          + "than a spreadsheet does, so it is refused as a possible zip bomb; if this really "
          + "is the roster, save the sheet as CSV UTF-8")
    }
    let reader = ByteReader(bytes: bytes)
    let header = entry.localHeaderOffset
    guard header <= bytes.count - 30, reader.uint32(header) == 0x0403_4B50 else {
      throw .damaged("the part '\(entry.name)' is missing its header")
    }
    let start = header + 30 + reader.uint16(header + 26) + reader.uint16(header + 28)
    guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
      throw .damaged("the file is cut short inside the part '\(entry.name)'")
    }
    let data: [UInt8]
    if entry.method == 0 {
      guard entry.compressedSize == entry.uncompressedSize else {
        throw .damaged("the stored part '\(entry.name)' has two different sizes")
      }
      data = Array(bytes[start..<(start + entry.compressedSize)])
    } else {
      do throws(InflateError) {
        data = try bytes.withUnsafeBufferPointer { all throws(InflateError) in
          try Inflater.inflate(
            UnsafeBufferPointer(rebasing: all[start..<(start + entry.compressedSize)]),
            limit: entry.uncompressedSize)
        }
      } catch .outputTooLarge {
        throw .damaged("the part '\(entry.name)' inflates to more than its declared size")
      } catch {
        throw .damaged("the part '\(entry.name)' cannot be inflated: \(error)")
      }
      guard data.count == entry.uncompressedSize else {
        throw .damaged("the part '\(entry.name)' inflates to fewer bytes than its declared size")
      }
    }
    guard CRC32.checksum(data) == entry.crc else {
      throw .damaged("the part '\(entry.name)' fails its CRC-32 check")
    }
    budget -= data.count
    return data
  }

  /// The offset of the end of central directory record, found by scanning back from the end
  /// over at most the largest comment (64 KiB).
  private static func endOfCentralDirectory(_ reader: ByteReader) -> Int? {
    let count = reader.bytes.count
    guard count >= 22 else { return nil }
    var offset = count - 22
    let lowest = max(0, count - 22 - 0xFFFF)
    while offset >= lowest {
      if reader.bytes[offset] == 0x50, reader.uint32(offset) == 0x0605_4B50,
        reader.uint16(offset + 20) <= count - offset - 22
      {
        return offset
      }
      offset -= 1
    }
    return nil
  }

  /// Reads one central directory file header at `offset` and moves past it.
  private static func centralEntry(at offset: inout Int, end: Int, reader: ByteReader)
    throws(WorkbookError) -> Entry
  {
    let at = offset
    guard at <= end - 46, reader.uint32(at) == 0x0201_4B50 else {
      throw .damaged("its ZIP directory is cut short or overwritten")
    }
    let nameLength = reader.uint16(at + 28)
    let extraLength = reader.uint16(at + 30)
    let commentLength = reader.uint16(at + 32)
    let next = at + 46 + nameLength + extraLength + commentLength
    guard next <= end else { throw .damaged("its ZIP directory is cut short") }
    var entry = Entry(
      name: String(decoding: reader.bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
      method: reader.uint16(at + 10), flags: reader.uint16(at + 8),
      crc: UInt32(reader.uint32(at + 16)),
      compressedSize: reader.uint32(at + 20), uncompressedSize: reader.uint32(at + 24),
      localHeaderOffset: reader.uint32(at + 42))
    // The ZIP64 extended information field holds, in this order, the sizes and offset that
    // do not fit in 32 bits (those given as 0xFFFFFFFF).
    var extra = at + 46 + nameLength
    let extraEnd = extra + extraLength
    while extra + 4 <= extraEnd {
      let id = reader.uint16(extra)
      let size = reader.uint16(extra + 2)
      let fieldEnd = extra + 4 + size
      guard fieldEnd <= extraEnd else { break }
      if id == 0x0001 {
        var field = extra + 4
        func next64() throws(WorkbookError) -> Int {
          guard field + 8 <= fieldEnd else {
            throw .damaged("the ZIP64 sizes of the part '\(entry.name)' are cut short")
          }
          defer { field += 8 }
          return reader.uint64(field)
        }
        if entry.uncompressedSize == 0xFFFF_FFFF { entry.uncompressedSize = try next64() }
        if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = try next64() }
        if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = try next64() }
      }
      extra = fieldEnd
    }
    guard entry.uncompressedSize >= 0, entry.compressedSize >= 0, entry.localHeaderOffset >= 0
    else {
      throw .damaged("the part '\(entry.name)' has impossible sizes")
    }
    offset = next
    return entry
  }
}

/// Little-endian integers at byte offsets of a buffer; offsets past the end read as zero
/// bytes, so callers check bounds once for a whole record.
private struct ByteReader {
  let bytes: [UInt8]

  func byte(_ offset: Int) -> Int {
    offset >= 0 && offset < bytes.count ? Int(bytes[offset]) : 0
  }

  func uint16(_ offset: Int) -> Int { byte(offset) | byte(offset + 1) << 8 }

  func uint32(_ offset: Int) -> Int { uint16(offset) | uint16(offset + 2) << 16 }

  /// A 64-bit field; a value of 2^63 or more reads as -1 (no file is that large).
  func uint64(_ offset: Int) -> Int {
    let high = uint32(offset + 4)
    guard high < 0x8000_0000 else { return -1 }
    return uint32(offset) | high << 32
  }
}
