import Foundation
import JSONLines

/// Where an interrupted scoring run continues: the whole rows its partial output keeps, and the
/// input bytes and line number after the input rows they are the scored form of.
public struct ResumePoint: Sendable, Equatable {
    /// Whole output rows kept (one per non-blank input line).
    public var rows: Int
    /// Bytes of those rows; anything after them (a row cut short by a kill) is dropped.
    public var keptBytes: Int
    /// Input bytes that hold the rows' lines, up to and including the last one's newline.
    public var inputOffset: Int
    /// The line number of the first input line not yet scored.
    public var nextLine: Int
}

extension JSONLScorer {
    /// Checks that `kept` (a partial output) holds the scored form of the first rows of `input`
    /// and says where to continue: the number of whole rows must not exceed the input's, and the
    /// first and the last kept row must be byte for byte what their input lines score to now,
    /// which a changed line or a changed config (weights, rewards, `explain`) breaks.
    public func resumePoint(input: ByteSource, kept: ByteSource) throws(ResumeError) -> ResumePoint {
        let keptRows = try Self.reading { () throws(IOError) in try KeptRows(kept) }
        guard keptRows.count > 0 else { return ResumePoint(rows: 0, keptBytes: 0, inputOffset: 0, nextLine: 1) }
        let lines = try Self.reading { () throws(IOError) in try InputLines(input, upTo: keptRows.count) }
        guard lines.count == keptRows.count else {
            throw .inputShorter(keptRows: keptRows.count, inputRows: lines.count)
        }
        for (row, rowRange, line) in [(1, keptRows.first, lines.first), (keptRows.count, keptRows.last, lines.last)] {
            // An overlong line's error row depends on how the read cut it; only its count is checked.
            guard line.range.count <= options.maxLineBytes else { continue }
            let (lineBytes, rowBytes) = try Self.reading { () throws(IOError) in
                (
                    try input.read(at: line.range.lowerBound, count: line.range.count),
                    try kept.read(at: rowRange.lowerBound, count: rowRange.count + 1)
                )
            }
            guard scoredForm(of: lineBytes, number: line.number) == rowBytes else {
                throw .rowDiffers(row: row, line: line.number)
            }
        }
        return ResumePoint(
            rows: keptRows.count, keptBytes: keptRows.bytes, inputOffset: lines.endOffset,
            nextLine: lines.last.number + 1)
    }

    private static func reading<T>(_ body: () throws(IOError) -> T) throws(ResumeError) -> T {
        do throws(IOError) { return try body() } catch { throw .unreadable(error) }
    }

    /// The output row (with its newline) that `line` scores to.
    private func scoredForm(of line: [UInt8], number: Int) -> [UInt8] {
        var out = JSONWriter()
        var tally = ScoreSummary(componentNames: pipeline.componentNames)
        line.withUnsafeBufferPointer { scoreLine($0, number: number, into: &out, tally: &tally) }
        return out.bytes
    }
}

/// The whole rows of a partial output: how many, their bytes, where the first and last lie.
private struct KeptRows {
    var count = 0
    var bytes = 0
    var first = 0..<0
    var last = 0..<0

    init(_ source: ByteSource) throws(IOError) {
        try LineScan.forEachLine(of: source) { line in
            // A row without its newline was cut short by a kill; it is dropped and scored again.
            guard line.terminated else { return false }
            count += 1
            if count == 1 { first = line.range }
            last = line.range
            bytes = line.range.upperBound + 1
            return true
        }
    }
}

/// The first `limit` non-blank lines of an input: how many there are, the first and the last
/// with their line numbers, and the offset after the last one.
private struct InputLines {
    var count = 0
    var first = (range: 0..<0, number: 0)
    var last = (range: 0..<0, number: 0)
    var endOffset = 0

    init(_ source: ByteSource, upTo limit: Int) throws(IOError) {
        var physical = 0
        try LineScan.forEachLine(of: source) { line in
            physical += 1
            guard line.hasContent else { return true }
            count += 1
            if count == 1 { first = (line.range, physical) }
            last = (line.range, physical)
            endOffset = line.range.upperBound + (line.terminated ? 1 : 0)
            return count < limit
        }
    }
}

/// Reads a file block by block and reports each line's byte range, without holding more than a
/// block in memory.
enum LineScan {
    /// One line: its bytes (without the newline), whether it has a byte other than space, tab
    /// or carriage return, and whether a newline ends it.
    struct Line {
        var range: Range<Int>
        var hasContent: Bool
        var terminated: Bool
    }

    /// Calls `body` for each line of `source` from where it stands, until `body` returns false.
    static func forEachLine(of source: ByteSource, blockBytes: Int = 1 << 20, _ body: (Line) -> Bool) throws(IOError) {
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: blockBytes)
        defer { block.deallocate() }
        var blockStart = 0, lineStart = 0, hasContent = false
        while true {
            let n = try source.read(into: block, count: blockBytes)
            if n == 0 {
                if lineStart < blockStart {
                    _ = body(Line(range: lineStart..<blockStart, hasContent: hasContent, terminated: false))
                }
                return
            }
            var position = 0
            while position < n {
                let end = memchr(block + position, 0x0A, n - position).map {
                    block.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                }
                let stop = end ?? n
                if !hasContent {
                    hasContent = UnsafeBufferPointer(start: block + position, count: stop - position)
                        .contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
                }
                guard let end else { break }
                let line = Line(range: lineStart..<(blockStart + end), hasContent: hasContent, terminated: true)
                if !body(line) { return }
                lineStart = blockStart + end + 1
                hasContent = false
                position = end + 1
            }
            blockStart += n
        }
    }
}
