/// The SVG pieces a drawing of a network is made of, shared by the team network
/// (`SVGNetworkDrawing`) and the network of schools (`TrustNetworkDrawing`) so both draw alike:
/// the opening `<svg>`, a line with its tooltip, the count on a line, and a circle with its ring,
/// size and label. Every text from a roster is escaped with `HTMLEscaping.text(_:)`.
///
/// ```swift
/// var svg = NetworkSVG.opening(classes: "network", layout: layout, title: "The team network")
/// svg += NetworkSVG.line(classes: "", from: a, to: b, width: 1.2, title: "a – b: Ann")
/// ```
enum NetworkSVG {
  /// `<svg>` drawn ``SVGNetworkDrawing/zoom`` times larger than its units, its title, and the
  /// group of links opened.
  /// - Complexity: O(title).
  static func opening(classes: String, layout: TeamNetworkLayout, title: String) -> String {
    let c = formatCoordinate
    let zoom = SVGNetworkDrawing.zoom
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(classes)\""
    out += " width=\"\(c(layout.width * zoom))\" height=\"\(c(layout.height * zoom))\""
    out += " viewBox=\"0 0 \(c(layout.width)) \(c(layout.height))\" role=\"img\">\n"
    out += "<title>\(HTMLEscaping.text(title))</title>\n<g class=\"links\">\n"
    return out
  }

  /// The width of a line for `shared` people: 1.2 for one, 1.2 more for each more, at most 6.
  /// - Complexity: O(1).
  static func lineWidth(shared: Int) -> Double { min(1.2 + Double(shared - 1) * 1.2, 6) }

  /// A line of class `link` and `classes` (each with a leading space) between two circles.
  /// - Complexity: O(title).
  static func line(
    classes: String, from a: TeamNetworkLayout.Node, to b: TeamNetworkLayout.Node, width: Double,
    title: String
  ) -> String {
    let c = formatCoordinate
    var out = "<line class=\"link\(classes)\" x1=\"\(c(a.x))\" y1=\"\(c(a.y))\" x2=\"\(c(b.x))\""
    out += " y2=\"\(c(b.y))\" stroke-width=\"\(c(width))\">"
    return out + "<title>\(HTMLEscaping.text(title))</title></line>\n"
  }

  /// The number on a line, centred on (x, y).
  /// - Complexity: O(1).
  static func count(_ value: Int, classes: String, x: Double, y: Double) -> String {
    let c = formatCoordinate
    return "<text class=\"count\(classes)\" x=\"\(c(x))\" y=\"\(c(y + 3.5))\">\(value)</text>\n"
  }

  /// One circle in its `<g>`: the group's class and an attribute naming it, a tooltip, a ring
  /// 4 units out (`ring` its class), the circle (filled with `fill`, else by the page's style),
  /// a pattern over it (`hatch` the id), the number inside and the label under it (shortened to
  /// ``SVGNetworkDrawing/labelLimit`` characters).
  /// - Complexity: O(title + label).
  static func node(
    classes: String, attribute: String, value: String, title: String,
    at node: TeamNetworkLayout.Node, ring: String? = nil, fill: String? = nil,
    hatch: String? = nil, size: Int, label: String?
  ) -> String {
    let c = formatCoordinate
    let e = HTMLEscaping.text
    let (x, y, r) = (c(node.x), c(node.y), node.radius)
    var out = "<g class=\"\(classes)\" \(attribute)=\"\(e(value))\"><title>\(e(title))</title>"
    if let ring { out += "<circle class=\"\(ring)\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(c(r + 4))\"/>" }
    out += "<circle class=\"node\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(c(r))\""
    if let fill { out += " fill=\"\(fill)\"" }
    out += "/>"
    if let hatch {
      // The pattern over the colour, for greyscale print.
      out += "<circle class=\"hatch\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(c(r))\""
      out += " fill=\"url(#\(hatch)) none\"/>"
    }
    out += "<text class=\"size\" x=\"\(x)\" y=\"\(c(node.y + 4))\">\(size)</text>"
    if let label {
      out += "<text class=\"label\" x=\"\(x)\" y=\"\(c(node.y + r + 13))\">"
      out += e(HTMLEscaping.shortened(label, limit: SVGNetworkDrawing.labelLimit)) + "</text>"
    }
    return out + "</g>\n"
  }
}
