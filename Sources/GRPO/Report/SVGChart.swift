import Foundation

/// A line chart as inline SVG, drawn by hand: axes, min/max labels, one polyline per series.
public struct SVGChart {
    /// One named line.
    public struct Series {
        /// Legend text.
        public var name: String
        /// (x, y) points, x increasing.
        public var points: [(Double, Double)]
        /// Stroke colour (CSS).
        public var color: String

        /// A series.
        public init(name: String, points: [(Double, Double)], color: String) {
            self.name = name
            self.points = points
            self.color = color
        }
    }

    /// Chart title.
    public var title: String
    /// The lines.
    public var series: [Series]
    /// Size in pixels.
    public var width = 460.0, height = 230.0

    /// A chart.
    public init(title: String, series: [Series]) {
        self.title = title
        self.series = series
    }

    /// The `<svg>` element.
    public func render() -> String {
        let all = series.flatMap(\.points)
        let left = 52.0, right = 12.0, top = 26.0, bottom = 28.0
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">"
        svg += "<text x=\"\(left)\" y=\"16\" font-size=\"13\" font-family=\"sans-serif\">\(Self.escape(title))</text>"
        guard let xMin = all.map(\.0).min(), let xMax = all.map(\.0).max(),
            var yMin = all.map(\.1).min(), var yMax = all.map(\.1).max()
        else {
            return svg + "<text x=\"\(left)\" y=\"60\" font-size=\"12\">no data</text></svg>"
        }
        if yMax - yMin < 1e-12 { yMin -= 0.5; yMax += 0.5 }
        let plotW = width - left - right, plotH = height - top - bottom
        func px(_ x: Double) -> Double { left + (xMax > xMin ? (x - xMin) / (xMax - xMin) : 0.5) * plotW }
        func py(_ y: Double) -> Double { top + (1 - (y - yMin) / (yMax - yMin)) * plotH }
        svg += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(plotW)\" height=\"\(plotH)\" fill=\"none\" stroke=\"#999\"/>"
        for (value, y) in [(yMax, top + 4), (yMin, top + plotH)] {
            svg +=
                "<text x=\"\(left - 4)\" y=\"\(y)\" font-size=\"10\" text-anchor=\"end\" font-family=\"sans-serif\">\(Self.format(value))</text>"
        }
        for (value, anchor) in [(xMin, "start"), (xMax, "end")] {
            svg +=
                "<text x=\"\(px(value))\" y=\"\(height - 10)\" font-size=\"10\" text-anchor=\"\(anchor)\" font-family=\"sans-serif\">step \(Self.format(value))</text>"
        }
        for (i, s) in series.enumerated() where !s.points.isEmpty {
            let path = s.points.map { String(format: "%.1f,%.1f", px($0.0), py($0.1)) }.joined(separator: " ")
            svg += "<polyline fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"1.5\" points=\"\(path)\"/>"
            if s.points.count < 40 {
                for p in s.points {
                    svg += String(
                        format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%@\"/>", px(p.0), py(p.1), s.color)
                }
            }
            svg +=
                "<text x=\"\(left + 6 + Double(i) * 130)\" y=\"\(top + 14)\" font-size=\"11\" fill=\"\(s.color)\" font-family=\"sans-serif\">\(Self.escape(s.name))</text>"
        }
        return svg + "</svg>"
    }

    static func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e6 { return String(Int(v)) }
        return abs(v) >= 100 ? String(format: "%.0f", v) : String(format: "%.3g", v)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }
}
