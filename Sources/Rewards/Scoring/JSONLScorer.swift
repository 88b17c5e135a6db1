import Dispatch
import Foundation
import JSONLines

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
        /// output buffers of one chunk be reused for the next: with much larger chunks nearly every
        /// output page is freshly mapped (a page fault and a page cleared for every 4 KiB written).
        public var chunkBytes = 1 << 20
        /// A longer line becomes an error row instead of growing memory without bound.
        public var maxLineBytes = 64 << 20
        /// The line number of the source's first line (greater than 1 when a resumed run
        /// starts after the rows it already has), for error rows.
        public var firstLine = 1
        /// Checked before each read: once requested, the run reads no further, writes the rows
        /// it has read in whole, and returns a summary marked `interrupted`.
        public var stop: StopRequest?
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
    /// Some reward calls a served model: each piece's rows are decoded first and scored as one
    /// batch, so its requests go out together.
    private let batchesPieces: Bool

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
        batchesPieces = pipeline.callsModels
    }

    /// Scores every non-blank line of `source` into `sink`; returns the run's summary.
    ///
    /// This thread reads chunks and cuts them at the last newline; `ChunkPipeline` scores the
    /// complete lines on all cores and writes them in order while the next chunks are read.
    public func run(
        _ source: ByteSource, into sink: ByteSink, progress: Progress? = nil
    ) throws(IOError) -> ScoreSummary {
        let start = DispatchTime.now().uptimeNanoseconds
        let chunks = ChunkPipeline(sink: sink, chunkBytes: options.chunkBytes, componentNames: pipeline.componentNames)
        { chunk, piece, output in
            scorePiece(piece, of: chunk, into: output)
        }
        defer { chunks.close() }
        var buffer = try chunks.takeBuffer()
        var filled = 0, consumed = 0
        var nextLine = options.firstLine
        var discardingLongLine = false
        var atEnd = false
        var interrupted = false
        while !atEnd {
            if let stop = options.stop, stop.isRequested {
                // The incomplete line in the buffer is dropped: the output ends after whole rows.
                interrupted = true
                break
            }
            if filled == buffer.count {
                // No newline in a full buffer: grow up to the line limit, then give up on the line.
                if buffer.count < options.maxLineBytes + options.chunkBytes && !discardingLongLine {
                    buffer.grow(keeping: filled)
                } else {
                    if !discardingLongLine {
                        var out = JSONWriter()
                        RowEncoder.writeError(
                            line: nextLine, .lineTooLong(bytes: filled, limit: options.maxLineBytes),
                            bytes: nil, members: [], keys: [], into: &out)
                        var tally = ScoreSummary(componentNames: pipeline.componentNames)
                        tally.rows = 1
                        tally.errors = 1
                        chunks.submit(prepared: out.bytes, tally: tally)
                        discardingLongLine = true
                    }
                    consumed += filled
                    filled = 0
                }
            }
            let n = try source.read(into: buffer.base + filled, count: buffer.count - filled)
            filled += n
            atEnd = n == 0
            guard let lastNewline = buffer.lastNewline(before: filled) ?? (atEnd && filled > 0 ? filled - 1 : nil)
            else {
                continue
            }
            var regionStart = 0
            if discardingLongLine, let firstNewline = buffer.firstNewline(before: filled) {
                // The rest of the overlong line ends here; its error row is already queued.
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
            if regionStart < regionEnd {
                // The incomplete last line moves to the next buffer; this one goes to be scored.
                let next = try chunks.takeBuffer()
                buffer.copy(regionEnd..<filled, toFrontOf: next)
                let (lines, physicalLines) = JSONLLines.nonBlank(buffer[regionStart..<regionEnd], firstLine: nextLine)
                chunks.submit(buffer, region: regionStart..<regionEnd, lines: lines)
                nextLine += physicalLines
                buffer = next
            } else {
                buffer.moveToFront(regionEnd..<filled)
            }
            consumed += regionEnd
            filled = tail
            progress?(consumed, chunks.rowsDone)
        }
        var summary = try chunks.finish()
        summary.bytes = consumed
        summary.interrupted = interrupted
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        progress?(consumed, summary.rows)
        return summary
    }

    /// Scores the lines of one piece of a chunk into `output` (emptied, its memory reused);
    /// returns the output rows and the piece's tally.
    private func scorePiece(
        _ piece: Int, of chunk: ScoringChunk, into output: consuming [UInt8]
    ) -> ([UInt8], ScoreSummary) {
        let region = chunk.regionBytes, lines = chunk.lines
        // Moved, not copied: a second reference would make the writer's first append copy the buffer.
        var out = JSONWriter(reusing: consume output)
        var tally = ScoreSummary(componentNames: pipeline.componentNames)
        if batchesPieces {
            let indices = chunk.lineIndices(ofPiece: piece)
            scoreBatch(
                indices.map { (UnsafeBufferPointer(rebasing: region[lines[$0].range]), lines[$0].number) }, into: &out,
                tally: &tally)
            return (out.bytes, tally)
        }
        for i in chunk.lineIndices(ofPiece: piece) {
            scoreLine(
                UnsafeBufferPointer(rebasing: region[lines[i].range]), number: lines[i].number, into: &out,
                tally: &tally)
        }
        return (out.bytes, tally)
    }

    /// Decodes every line, scores the decoded rows as one batch (`Pipeline.scoreBatch`), and
    /// encodes them in order.
    func scoreBatch(
        _ batch: [(line: UnsafeBufferPointer<UInt8>, number: Int)], into out: inout JSONWriter,
        tally: inout ScoreSummary
    ) {
        let decoded = batch.map { RowDecoder.decode($0.line, fields: pipeline.fieldsRead) }
        var trajectories: [Trajectory] = []
        for case let .success(row) in decoded { trajectories.append(row.trajectory) }
        var results = pipeline.scoreBatch(trajectories).makeIterator()
        for (item, row) in zip(batch, decoded) {
            tally.rows += 1
            switch row {
            case let .failure(error):
                let (members, keys) = RowDecoder.readableMembers(item.line)
                RowEncoder.writeError(
                    line: item.number, error, bytes: item.line, members: members, keys: keys, into: &out)
                tally.errors += 1
            case let .success(row):
                guard let result = results.next() else { return }
                write(result, row: row, line: item.line, number: item.number, into: &out, tally: &tally)
            }
        }
    }

    /// Decodes, scores and encodes one line.
    func scoreLine(
        _ line: UnsafeBufferPointer<UInt8>, number: Int, into out: inout JSONWriter, tally: inout ScoreSummary
    ) {
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
        write(pipeline.score(row.trajectory), row: row, line: line, number: number, into: &out, tally: &tally)
    }

    /// Encodes one scored row, or its error row.
    private func write(
        _ result: Result<ScoredTrajectory, RowError>, row: DecodedRow, line: UnsafeBufferPointer<UInt8>, number: Int,
        into out: inout JSONWriter, tally: inout ScoreSummary
    ) {
        switch result {
        case let .success(scored):
            for (i, s) in scored.scores.enumerated() { tally.componentSums[i] += s.value }
            tally.rewardSum += scored.total
            if scored.formatTagsMissing { tally.taglessFormatRows += 1 }
            RowEncoder.write(
                line, members: row.members, adding: addedKeys, { writeAdded(scored, into: &$0) }, into: &out)
        case let .failure(error):
            RowEncoder.writeError(
                line: number, error, bytes: line, members: row.members,
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
        // Says when the response the rewards read differs from the row's (trailing tokens cut, <think> prefilled).
        if let note = scored.responseNote {
            if !first { out.byte(UInt8(ascii: ",")) }
            out.key("response")
            out.string(note)
        }
        out.byte(UInt8(ascii: "}"))
    }
}
