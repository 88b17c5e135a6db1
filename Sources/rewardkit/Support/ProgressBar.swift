import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal
/// (so logs and pipes stay clean) and at most ten times a second.
final class ProgressBar {
    private let total: Int?
    /// Whether `total` counts rows (a list read whole) rather than bytes (a stream).
    private let countsRows: Bool
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast

    /// A bar for `total` bytes (nil when the size is unknown, e.g. a pipe).
    init(total: Int?) {
        self.total = total
        self.countsRows = false
        self.enabled = isatty(2) == 1
    }

    /// A bar for `rows` rows already in memory.
    init(rows: Int) {
        self.total = rows
        self.countsRows = true
        self.enabled = isatty(2) == 1
    }

    /// Redraws with the rows done so far (a bar made with `init(rows:)`).
    func update(rows: Int) {
        update(bytes: rows, rows: rows)
    }

    /// Redraws with the bytes and rows done so far.
    func update(bytes: Int, rows: Int) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let elapsed = max(Date().timeIntervalSince(started), 1e-9)
        let rate = Double(rows) / elapsed
        var line = ""
        if let total, total > 0 {
            let fraction = min(1, Double(countsRows ? rows : bytes) / Double(total))
            let width = 30, done = Int(fraction * Double(width))
            line =
                "[" + String(repeating: "#", count: done) + String(repeating: ".", count: width - done) + "] "
                + String(format: "%3.0f%% ", fraction * 100)
        }
        if !countsRows { line += String(format: "%.1f MB  ", Double(bytes) / 1e6) }
        line += String(format: "%d rows  %.0f rows/s", rows, rate)
        FileHandle.standardError.write(Data("\r\(line)\u{1B}[K".utf8))
    }

    /// Clears the bar's line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
