extension CSVRosterReader {
  /// The texts of one column made once per distinct value: the people of a roster share a few
  /// dozen job titles, departments and year groups, so a `String` is made (and kept in memory)
  /// once per title rather than once per person.
  ///
  /// Cells that are ranges of the file are looked up by their bytes there; the few others
  /// already have their text. A cache whose lookups mostly miss (a column of values that do not
  /// repeat) stops looking, and lets its table go.
  struct TextCache: Sendable {
    private var table = ByteStringTable(expectedCount: 8)
    private var texts: [String] = []
    private var lookups = 0
    private var hits = 0
    /// Whether the cache looks cells up.
    private(set) var isEnabled: Bool

    /// Lookups made before the cache judges whether it earns its keep.
    static let trialLookups = 4096

    /// Creates an empty cache; a disabled one makes every text afresh.
    init(isEnabled: Bool = true) {
      self.isEnabled = isEnabled
    }

    /// The text of `cell` (trimmed as the reader left it), the same `String` for the same bytes.
    /// - Complexity: expected O(k) for a cell of k bytes.
    mutating func text(
      of cell: CSVCell, in buffer: UnsafeBufferPointer<UInt8>, texts rowTexts: [String]
    ) -> String {
      textAndSlot(of: cell, in: buffer, texts: rowTexts).text
    }

    /// The text of `cell`, as ``text(of:in:texts:)`` gives it, and the slot the cache keeps it
    /// in (the same slot for the same bytes), or -1 when the cache does not keep it.
    /// - Complexity: expected O(k) for a cell of k bytes.
    mutating func textAndSlot(
      of cell: CSVCell, in buffer: UnsafeBufferPointer<UInt8>, texts rowTexts: [String]
    ) -> (text: String, slot: Int) {
      let (slot, made) = slotOrText(of: cell, in: buffer, texts: rowTexts)
      return (made ?? texts[slot], slot)
    }

    /// The slot of `cell` and no text when the cache keeps its bytes already (the caller that
    /// needs the text takes ``text(ofSlot:)``); else the text, made afresh, and its slot as
    /// ``textAndSlot(of:in:texts:)`` gives it.
    /// - Complexity: expected O(k) for a cell of k bytes.
    mutating func slotOrText(
      of cell: CSVCell, in buffer: UnsafeBufferPointer<UInt8>, texts rowTexts: [String]
    ) -> (slot: Int, text: String?) {
      guard isEnabled, !cell.hasText else {
        return (-1, CSVRosterReader.text(of: cell, in: buffer, texts: rowTexts))
      }
      let range = cell.start..<cell.end
      let hash = table.hash(range, in: buffer)
      lookups += 1
      if let slot = table.slot(of: range, hash: hash, in: buffer) {
        hits += 1
        return (slot, nil)
      }
      let text = CSVRosterReader.text(of: cell, in: buffer, texts: rowTexts)
      if lookups >= Self.trialLookups, hits * 2 < lookups {
        isEnabled = false
        table = ByteStringTable(expectedCount: 0)
        texts = []
        return (-1, text)
      }
      table.insert(range, hash: hash)
      texts.append(text)
      return (texts.count - 1, text)
    }

    /// The text the cache keeps in `slot`, a slot ``slotOrText(of:in:texts:)`` gave.
    func text(ofSlot slot: Int) -> String { texts[slot] }
  }
}

extension CSVRosterReader {
  /// What a cell's text means (a staff type, a gateway, a team role), worked out once per
  /// distinct text: cells that are ranges of the file are looked up by their bytes there,
  /// without a `String`; the few others by their text.
  struct CellMemo<Value: Sendable>: Sendable {
    private var table = ByteStringTable(expectedCount: 8)
    private var values: [Value] = []
    private var byText: [String: Value] = [:]

    /// The value remembered for `cell`'s text, if any, and the hash to pass to
    /// ``remember(_:for:hash:in:texts:)``.
    /// - Complexity: expected O(k) for a cell of k bytes.
    func lookup(
      _ cell: CSVCell, in buffer: UnsafeBufferPointer<UInt8>, texts: [String]
    ) -> (Value?, UInt64) {
      if cell.hasText { return (byText[texts[cell.textIndex]], 0) }
      let range = cell.start..<cell.end
      let hash = table.hash(range, in: buffer)
      guard let slot = table.slot(of: range, hash: hash, in: buffer) else { return (nil, hash) }
      return (values[slot], hash)
    }

    /// Remembers `value` for `cell`'s text, which ``lookup(_:in:texts:)`` did not find.
    mutating func remember(
      _ value: Value, for cell: CSVCell, hash: UInt64, in buffer: UnsafeBufferPointer<UInt8>,
      texts: [String]
    ) {
      if cell.hasText {
        byText[texts[cell.textIndex]] = value
      } else {
        table.insert(cell.start..<cell.end, hash: hash)
        values.append(value)
      }
    }
  }
}
