/// The CSS the report (`gateways report`) and the comparison page (`gateways compare`) share,
/// in the pieces both stylesheets are put together from, so a shared rule is written once.
///
/// ```swift
/// let css = PageStyle.page + ".note { color: #555; }\n" + PageStyle.legend
/// ```
enum PageStyle {
  /// The page: A4 print size, the body font and width, the title and section headings.
  static let page = """
    @page { size: A4; margin: 14mm; }
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial,
      sans-serif; color: #222; background: #fff; max-width: 1000px; margin: 0 auto;
      padding: 20px 24px; }
    h1 { font-size: 26px; margin: 0 0 2px; }
    h2 { font-size: 18px; margin: 26px 0 8px; border-bottom: 2px solid #e4e4e4;
      padding-bottom: 3px; }

    """

  /// The labels of the teams in a network drawing, and a silo's in red italics.
  static let teamLabel = """
    .team .label { font-size: 11px; fill: #222; text-anchor: middle; paint-order: stroke;
      stroke: #fff; stroke-width: 3px; }
    .team.silo .label { fill: #c62828; font-style: italic; }

    """

  /// The size and label of a group (a deep or an island) in a drawing.
  static let groupText = """
    .group .size { font-size: 12px; fill: #fff; text-anchor: middle; font-weight: 700; }
    .group .label { font-size: 12px; fill: #222; text-anchor: middle; }

    """

  /// The legend under a drawing: swatches in a wrapping row.
  static let legend = """
    .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 16px; padding: 0;
      margin: 8px 0; font-size: 12px; color: #444; }
    .legend li { display: flex; align-items: center; gap: 5px; }
    .swatch { width: 14px; height: 14px; }
    .swatch.wide { width: 24px; }

    """

  /// The footer, and the start of the print rules (body and headings).
  static let footerAndPrint = """
    footer { margin-top: 28px; color: #777; font-size: 12px; }
    @media print {
      body { max-width: none; padding: 0; font-size: 11pt; }
      h2 { break-after: avoid; }

    """
}
