import Dispatch
import Foundation

/// Streams JSONL rows through a `Pipeline`: reads large chunks, scores the complete lines of each
/// chunk on all cores, and writes the output rows in input order.
///
/// Memory stays bounded by the chunk size (plus the longest line), whatever the file size.
public struct JSONLScorer: Sendable {
    /// How rows are read and written.
    public struct Options: Sendable {
        /// Add an `explanations` object (component -> why) to each scored row.
        public var explain = false
        /// Bytes read per chunk. A megabyte keeps a chunk and its output in cache, and lets the
        /// output buffers of one chunk be reused for the next: with 8 MiB chunks nearly every
        /// output page was freshly mapped (a page fault and a page cleared for every 4 KiB written).
        public var chunkBytes = 1 << 20
        /// A longer line becomes an error row instead of growing memory without bound.
        public var maxLineBytes = 64 << 20
        /// Makes default options.
        public init() {}
    }

    /// Progress after each chunk: input bytes consumed and rows written so far.
    public typealias Progress = (_ bytes: Int, _ rows: Int) -> Void

    /// The pipeline that scores each row.
    public let pipeline: Pipeline
    /// Reading and writing options.
    public let options: Options

    /// The keys a scored row gains, in order.
    private let addedKeys: [String]
    /// `"name":` of each component, encoded once rather than for every row, all in one buffer
    /// (`componentKeyRanges` says where each lies). Reading one shared buffer through a pointer
    /// takes no reference count; an array of arrays had every thread retain the same objects for
    /// every row, and those atomic counts bounced between the cores.
    private let componentKeyBytes: [UInt8]
    private let componentKeyRanges: [Range<Int>]

    /// Makes a scorer.
    public init(pipeline: Pipeline, options: Options = Options()) {
        self.pipeline = pipeline
        self.options = options
        addedKeys = options.explain ? ["rewards", "reward", "explanations"] : ["rewards", "reward"]
        var keys = JSONWriter(), ranges: [Range<Int>] = []
        for name in pipeline.componentNames {
            let start = keys.bytes.count
            keys.key(name)
            ranges.append(start..<keys.bytes.count)
        }
        componentKeyBytes = keys.bytes
        componentKeyRanges = ranges
    }

    /// Scores every non-blank line of `source` into `sink`; returns the run's summary.
    public func run(_ source: ByteSource, into sink: ByteSink, progress: Progress? = nil) throws(IOFailure) -> ScoreSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        var summary = ScoreSummary(componentNames: pipeline.componentNames)
        let writer = OrderedWriter(sink: sink)
        defer { writer.waitForPending() }
        let reader = ReadAhead(source: source, capacity: options.chunkBytes)
        defer { _ = try? reader.finish() }
        var buffer = [UInt8](repeating: 0, count: options.chunkBytes)
        // Bytes the read-ahead put after `filled` while the last region was scored.
        var prefetched: Int?
        var filled = 0, consumed = 0
        var nextLine = 1
        var discardingLongLine = false
        var atEnd = false
        while !atEnd {
            if let n = prefetched {
                prefetched = nil
                filled += n
                atEnd = n == 0
            } else {
                if filled == buffer.count {
                    // No newline in a full buffer: grow up to the line limit, then give up on the line.
                    if buffer.count < options.maxLineBytes + options.chunkBytes && !discardingLongLine {
                        buffer.append(contentsOf: repeatElement(0, count: buffer.count))
                    } else {
                        if !discardingLongLine {
                            var out = JSONWriter()
                            RowEncoder.writeError(line: nextLine, .lineTooLong(bytes: filled, limit: options.maxLineBytes),
                                                  bytes: nil, members: [], keys: [], into: &out)
                            try writer.write([out.bytes])
                            summary.rows += 1
                            summary.errors += 1
                            discardingLongLine = true
                        }
                        consumed += filled
                        filled = 0
                    }
                }
                let wanted = buffer.count - filled
                let n = try read(source, into: &buffer, at: filled, count: wanted)
                filled += n
                atEnd = n == 0
            }
            guard let lastNewline = buffer[0..<filled].lastIndex(of: 0x0A) ?? (atEnd && filled > 0 ? filled - 1 : nil) else {
                continue
            }
            var regionStart = 0
            if discardingLongLine, let firstNewline = buffer[0..<filled].firstIndex(of: 0x0A) {
                // The rest of the overlong line ends here; its error row is already written.
                regionStart = firstNewline + 1
                nextLine += 1
                discardingLongLine = false
            } else if discardingLongLine {
                consumed += filled
                filled = 0
                continue
            }
            let regionEnd = lastNewline + 1
            let tail = filled - regionEnd
            let readingAhead = regionStart < regionEnd && !atEnd
            if readingAhead {
                // Read on, behind the incomplete last line, while this region is scored.
                if reader.buffer.count != buffer.count { reader.buffer = [UInt8](repeating: 0, count: buffer.count) }
                Self.copy(buffer, regionEnd..<filled, to: &reader.buffer)
                reader.start(at: tail)
            }
            if regionStart < regionEnd {
                let (chunkSummary, lines, outputs) = buffer.withUnsafeBufferPointer { all in
                    scoreRegion(UnsafeBufferPointer(rebasing: all[regionStart..<regionEnd]), firstLine: nextLine, buffers: writer)
                }
                try writer.write(outputs)
                summary.add(chunkSummary)
                nextLine += lines
            }
            consumed += regionEnd
            summary.bytes = consumed
            progress?(consumed, summary.rows)
            if readingAhead {
                prefetched = try reader.finish()
                swap(&buffer, &reader.buffer)
            } else {
                // Keep the incomplete last line for the next read.
                if tail > 0 { buffer.withUnsafeMutableBufferPointer { b in
                    b.baseAddress!.update(from: b.baseAddress! + regionEnd, count: tail)
                } }
            }
            filled = tail
        }
        try writer.finish()
        summary.bytes = consumed
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return summary
    }

    /// Copies `range` of `source` to the start of another buffer, `target`.
    private static func copy(_ source: [UInt8], _ range: Range<Int>, to target: inout [UInt8]) {
        guard !range.isEmpty else { return }
        let count = range.count
        source.withUnsafeBufferPointer { from in
            target.withUnsafeMutableBufferPointer { to in
                // Both buffers hold at least `range.upperBound` bytes, so neither base address is nil.
                to.baseAddress!.update(from: from.baseAddress! + range.lowerBound, count: count)
            }
        }
    }

    private func read(_ source: ByteSource, into buffer: inout [UInt8], at offset: Int, count: Int) throws(IOFailure) -> Int {
        var result: Result<Int, IOFailure> = .success(0)
        buffer.withUnsafeMutableBytes { raw in
            do throws(IOFailure) { result = .success(try source.read(into: raw.baseAddress! + offset, count: count)) }
            catch { result = .failure(error) }
        }
        return try result.get()
    }

    /// Scores the complete lines of `region` on all cores into buffers from `buffers`.
    /// Returns the tally, the number of physical lines (blank ones included) and the output, in order.
    private func scoreRegion(_ region: UnsafeBufferPointer<UInt8>, firstLine: Int, buffers: OrderedWriter) -> (ScoreSummary, Int, [[UInt8]]) {
        let (lines, physicalLines) = JSONLLines.nonBlank(region, firstLine: firstLine)
        let shared = SendableRegion(bytes: region)
        let chunks = min(lines.count, ProcessInfoCores.count * 16)
        let outputs = ParallelMap.map(Array(0..<chunks)) { chunk -> ([UInt8], ScoreSummary) in
            let lo = lines.count * chunk / chunks, hi = lines.count * (chunk + 1) / chunks
            let capacity = (lines[hi - 1].range.upperBound - lines[lo].range.lowerBound) * 5 / 4 + 256
            var out = JSONWriter(reusing: buffers.buffer(capacity: capacity))
            var tally = ScoreSummary(componentNames: pipeline.componentNames)
            for i in lo..<hi {
                scoreLine(UnsafeBufferPointer(rebasing: shared.bytes[lines[i].range]), number: lines[i].number,
                          into: &out, tally: &tally)
            }
            return (out.bytes, tally)
        }
        var summary = ScoreSummary(componentNames: pipeline.componentNames)
        for (_, tally) in outputs { summary.add(tally) }
        return (summary, physicalLines, outputs.map(\.0))
    }


    /// Decodes, scores and encodes one line.
    private func scoreLine(_ line: UnsafeBufferPointer<UInt8>, number: Int, into out: inout JSONWriter, tally: inout ScoreSummary) {
        tally.rows += 1
        let row: DecodedRow
        switch RowDecoder.decode(line, fields: pipeline.fieldsRead) {
        case let .success(decoded): row = decoded
        case let .failure(error):
            let (members, keys) = RowDecoder.readableMembers(line)
            RowEncoder.writeError(line: number, error, bytes: line, members: members, keys: keys, into: &out)
            tally.errors += 1
            return
        }
        switch pipeline.score(row.trajectory) {
        case let .success(scored):
            for (i, s) in scored.scores.enumerated() { tally.componentSums[i] += s.value }
            tally.rewardSum += scored.total
            RowEncoder.write(line, members: row.members, adding: addedKeys, { writeAdded(scored, into: &$0) }, into: &out)
        case let .failure(error):
            RowEncoder.writeError(line: number, error, bytes: line, members: row.members,
                                  keys: RowDecoder.keys(of: row.members, in: line), into: &out)
            tally.errors += 1
        }
    }

    /// Writes the members a scored row gains: `rewards`, `reward`, and `explanations` when asked.
    private func writeAdded(_ scored: ScoredTrajectory, into out: inout JSONWriter) {
        out.ascii("\"rewards\":{")
        componentKeyBytes.withUnsafeBufferPointer { keys in
            for i in 0..<componentKeyRanges.count {
                if i > 0 { out.byte(UInt8(ascii: ",")) }
                out.raw(UnsafeBufferPointer(rebasing: keys[componentKeyRanges[i]]))
                out.number(scored.scores[i].value)
            }
        }
        out.ascii("},\"reward\":")
        out.number(scored.total)
        guard options.explain else { return }
        out.ascii(",\"explanations\":{")
        var first = true
        for (name, score) in zip(scored.names, scored.scores) {
            guard let why = score.explanation else { continue }
            if !first { out.byte(UInt8(ascii: ",")) }
            out.key(name)
            out.string(why)
            first = false
        }
        out.byte(UInt8(ascii: "}"))
    }
}

/// The bytes of a region shared read-only by the threads that score its lines.
private struct SendableRegion: @unchecked Sendable {
    // @unchecked: the buffer outlives the parallel map and nobody writes to it meanwhile.
    let bytes: UnsafeBufferPointer<UInt8>
}
