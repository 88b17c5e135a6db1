/// A plain-text table: a header row, a dashed separator, then rows, with columns padded to align.
struct TextTable {
    /// Which side of its column a cell hugs; numbers read best right-aligned.
    enum Alignment {
        case left, right
    }

    /// A column's title and alignment.
    struct Column {
        var title: String
        var alignment: Alignment = .left
    }

    var columns: [Column]
    private(set) var rows: [[String]] = []

    init(columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; missing trailing cells are blank and extra cells are dropped.
    mutating func append(_ cells: [String]) {
        rows.append((0..<columns.count).map { $0 < cells.count ? cells[$0] : "" })
    }

    /// The table as lines joined by newlines, without a trailing newline or trailing spaces.
    func render(columnGap: String = "  ") -> String {
        let widths = columns.indices.map { index in
            rows.reduce(columns[index].title.count) { max($0, $1[index].count) }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.indices.map { index -> String in
                let fill = String(repeating: " ", count: widths[index] - cells[index].count)
                return columns[index].alignment == .right ? fill + cells[index] : cells[index] + fill
            }
            return trimmingTrailingSpaces(padded.joined(separator: columnGap))
        }
        let header = line(columns.map(\.title))
        let separator = widths.map { String(repeating: "-", count: $0) }.joined(separator: columnGap)
        return ([header, separator] + rows.map(line)).joined(separator: "\n")
    }

    private func trimmingTrailingSpaces(_ text: String) -> String {
        var text = Substring(text)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
