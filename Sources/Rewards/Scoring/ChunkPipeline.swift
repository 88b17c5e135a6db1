import Dispatch
import Foundation
import JSONLines
import Synchronization

/// Scores chunks of lines on worker threads without pausing between chunks, and writes each
/// chunk's output in input order.
///
/// Scoring a chunk with a parallel map and waiting for it before reading on would leave the cores
/// idle at the end of each map, at the hand-over to the writer and at the start of the next map.
/// Here the reading thread only queues chunks; the workers take
/// pieces from one chunk after another, and whoever finishes a chunk's last piece passes it on to
/// be written. Memory stays bounded: at most `maxChunks` input buffers exist, and one comes back
/// to the reader only when its chunk's output has been written.
final class ChunkPipeline: @unchecked Sendable {
    // @unchecked: the queue state is guarded by `work`, everything else by `state`, except
    // `summary`, which only the one writing thread touches (see `writing`) until `finish` has
    // seen every chunk written.

    /// Scores piece `piece` of `chunk` into `output` (an empty buffer to reuse, handed over so
    /// that it stays uniquely referenced); returns the filled buffer and the tally.
    typealias ScorePiece =
        @Sendable (_ chunk: ScoringChunk, _ piece: Int, _ output: consuming [UInt8]) -> ([UInt8], ScoreSummary)

    private let sink: ByteSink
    private let scorePiece: ScorePiece
    private let chunkBytes: Int
    private let maxChunks: Int
    private let piecesPerChunk: Int
    private let componentNames: [String]

    /// Guards `queue`, `queueHead`, `nextPiece` and `closed`; workers wait on it for chunks.
    private let work = NSCondition()
    private var queue: [ScoringChunk] = []
    private var queueHead = 0
    /// The next piece of `queue[queueHead]` to hand out.
    private var nextPiece = 0
    private var closed = false

    /// Guards everything below; the reader waits on it for a free buffer.
    private let state = NSCondition()
    private var freeBuffers: [ChunkBuffer] = []
    private var buffersMade = 0
    private var spareOutputs: [[UInt8]] = []
    private var finishedOutOfOrder: [Int: ScoringChunk] = [:]
    private var nextToWrite = 0
    /// Whether a thread is writing chunks; only one writes at a time, which keeps the order.
    private var writing = false
    private var submitted = 0
    private var written = 0
    private var rowsWritten = 0
    private var failure: IOError?

    private var summary: ScoreSummary
    private let workers = DispatchGroup()

    /// Starts one worker per core. `maxChunks` input buffers of `chunkBytes` may exist at once.
    init(
        sink: ByteSink, chunkBytes: Int, maxChunks: Int = 4, componentNames: [String], scorePiece: @escaping ScorePiece
    ) {
        self.sink = sink
        self.chunkBytes = chunkBytes
        self.maxChunks = max(2, maxChunks)
        self.componentNames = componentNames
        self.scorePiece = scorePiece
        summary = ScoreSummary(componentNames: componentNames)
        let threads = ProcessInfoCores.count
        // Many small pieces keep every core busy to the end of a chunk, also when other processes
        // take turns on the cores.
        piecesPerChunk = threads * 16
        for _ in 0..<threads {
            workers.enter()
            let thread = Thread { [self] in
                defer { workers.leave() }
                workLoop()
            }
            // Scoring recurses (nested JSON, math parsing); give workers the main thread's usual stack.
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    // MARK: the reading thread

    /// A buffer for the next chunk's input: a free one, a new one while fewer than `maxChunks`
    /// exist, else the first one given back. Throws the failure of an earlier write.
    func takeBuffer() throws(IOError) -> ChunkBuffer {
        state.lock()
        defer { state.unlock() }
        while true {
            if let failure { throw failure }
            if let buffer = freeBuffers.popLast() { return buffer }
            if buffersMade < maxChunks {
                buffersMade += 1
                return ChunkBuffer(count: chunkBytes)
            }
            state.wait()
        }
    }

    /// Queues the complete lines of `region` of `buffer` (line ranges relative to the region) for
    /// scoring; `buffer` is the pipeline's until the output is written.
    func submit(_ buffer: ChunkBuffer, region: Range<Int>, lines: [(range: Range<Int>, number: Int)]) {
        let chunk = ScoringChunk(
            sequence: takeSequence(), buffer: buffer, region: region, lines: lines,
            pieces: min(lines.count, piecesPerChunk), componentNames: componentNames)
        if chunk.pieceCount == 0 {
            finished(chunk)
            return
        }
        work.lock()
        queue.append(chunk)
        work.broadcast()
        work.unlock()
    }

    /// Queues output made without scoring (an overlong line's error row), in its place in the order.
    func submit(prepared output: [UInt8], tally: ScoreSummary) {
        finished(ScoringChunk(sequence: takeSequence(), prepared: output, tally: tally))
    }

    /// Rows whose output has been written so far.
    var rowsDone: Int {
        state.lock()
        defer { state.unlock() }
        return rowsWritten
    }

    /// Waits until every submitted chunk is written; returns the tally of all of them, or throws
    /// the first write failure.
    func finish() throws(IOError) -> ScoreSummary {
        state.lock()
        while written < submitted { state.wait() }
        let failure = self.failure
        state.unlock()
        if let failure { throw failure }
        return summary
    }

    /// Stops the workers (dropping chunks not yet scored, after a failure) and waits for them,
    /// and so for any write one of them is doing.
    func close() {
        work.lock()
        closed = true
        work.broadcast()
        work.unlock()
        workers.wait()
    }

    private func takeSequence() -> Int {
        state.lock()
        defer { state.unlock() }
        submitted += 1
        return submitted - 1
    }

    // MARK: the workers

    private func workLoop() {
        while let (chunk, piece) = nextWork() {
            let (output, tally) = scorePiece(chunk, piece, spareOutput(capacity: chunk.outputCapacity(ofPiece: piece)))
            if chunk.store(output, tally, piece: piece) { finished(chunk) }
        }
    }

    /// The next piece to score, waiting while there is none; nil once the pipeline is closed.
    private func nextWork() -> (ScoringChunk, Int)? {
        work.lock()
        defer { work.unlock() }
        while queueHead == queue.count {
            if closed { return nil }
            work.wait()
        }
        if closed { return nil }
        let chunk = queue[queueHead], piece = nextPiece
        nextPiece += 1
        if nextPiece == chunk.pieceCount {
            nextPiece = 0
            queueHead += 1
            if queueHead == queue.count {
                queue.removeAll(keepingCapacity: true)
                queueHead = 0
            }
        }
        return (chunk, piece)
    }

    private func spareOutput(capacity: Int) -> [UInt8] {
        state.lock()
        var output = spareOutputs.popLast() ?? []
        state.unlock()
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(capacity)
        return output
    }

    // MARK: writing in order

    /// A chunk is scored: unless another thread is writing, this one writes it and every chunk
    /// after it that is ready, in order. Writing on the thread that just scored saves a hand-over
    /// to a writer thread, and much of the output is still in this core's cache.
    private func finished(_ chunk: ScoringChunk) {
        state.lock()
        finishedOutOfOrder[chunk.sequence] = chunk
        guard !writing else {
            // The writing thread takes this chunk up when its turn comes.
            state.unlock()
            return
        }
        writing = true
        while let next = finishedOutOfOrder.removeValue(forKey: nextToWrite) {
            nextToWrite += 1
            state.unlock()
            write(next)
            state.lock()
        }
        writing = false
        state.unlock()
    }

    private func write(_ chunk: ScoringChunk) {
        let outputs = chunk.takeOutputs()
        state.lock()
        var failed = failure != nil
        state.unlock()
        if !failed {
            do throws(IOError) { try sink.write(outputs) } catch {
                state.lock()
                failure = error
                state.unlock()
                failed = true
            }
        }
        let tally = chunk.tally()
        summary.add(tally)
        chunk.buffer?.shrink(to: chunkBytes)
        state.lock()
        if let buffer = chunk.buffer { freeBuffers.append(buffer) }
        spareOutputs.append(contentsOf: outputs.prefix(max(0, 4 * piecesPerChunk - spareOutputs.count)))
        written += 1
        rowsWritten += tally.rows
        state.broadcast()
        state.unlock()
    }
}

/// One region of complete lines handed to the scoring threads, and their output per piece.
final class ScoringChunk: @unchecked Sendable {
    // @unchecked: each output and tally slot is written by the one thread that scored its piece;
    // the countdown in `store` (acquiring and releasing) orders those writes before the reads of
    // whoever finishes the chunk, and the writer reads them only after that.

    /// The chunk's place in the input order.
    let sequence: Int
    /// The input bytes, nil for prepared output.
    let buffer: ChunkBuffer?
    /// Where the lines lie in `buffer`.
    let region: Range<Int>
    /// The non-blank lines, relative to `region`, with their line numbers.
    let lines: [(range: Range<Int>, number: Int)]
    /// How many pieces the lines are cut into.
    let pieceCount: Int
    private let outputs: UnsafeMutablePointer<[UInt8]>
    private let tallies: UnsafeMutablePointer<ScoreSummary>
    private let slotCount: Int
    private let remaining: Atomic<Int>

    init(
        sequence: Int, buffer: ChunkBuffer, region: Range<Int>, lines: [(range: Range<Int>, number: Int)], pieces: Int,
        componentNames: [String]
    ) {
        self.sequence = sequence
        self.buffer = buffer
        self.region = region
        self.lines = lines
        pieceCount = pieces
        // A region of blank lines has no piece but still one (empty) output, in its place.
        slotCount = max(1, pieces)
        outputs = .allocate(capacity: slotCount)
        outputs.initialize(repeating: [], count: slotCount)
        tallies = .allocate(capacity: slotCount)
        tallies.initialize(repeating: ScoreSummary(componentNames: componentNames), count: slotCount)
        remaining = Atomic(pieces)
    }

    init(sequence: Int, prepared output: [UInt8], tally: ScoreSummary) {
        self.sequence = sequence
        buffer = nil
        region = 0..<0
        lines = []
        pieceCount = 0
        slotCount = 1
        outputs = .allocate(capacity: 1)
        outputs.initialize(to: output)
        tallies = .allocate(capacity: 1)
        tallies.initialize(to: tally)
        remaining = Atomic(0)
    }

    deinit {
        outputs.deinitialize(count: slotCount)
        outputs.deallocate()
        tallies.deinitialize(count: slotCount)
        tallies.deallocate()
    }

    /// The bytes of the region (valid while the chunk holds its buffer).
    var regionBytes: UnsafeBufferPointer<UInt8> {
        buffer.map { $0[region] } ?? UnsafeBufferPointer(start: nil, count: 0)
    }

    /// The lines of piece `piece`.
    func lineIndices(ofPiece piece: Int) -> Range<Int> {
        (lines.count * piece / pieceCount)..<(lines.count * (piece + 1) / pieceCount)
    }

    /// A guess at a piece's output size: its input plus a quarter, for the rewards added.
    func outputCapacity(ofPiece piece: Int) -> Int {
        let indices = lineIndices(ofPiece: piece)
        guard let first = indices.first, let last = indices.last else { return 256 }
        return (lines[last].range.upperBound - lines[first].range.lowerBound) * 5 / 4 + 256
    }

    /// Keeps piece `piece`'s output; true for the call that completes the chunk.
    func store(_ output: [UInt8], _ tally: ScoreSummary, piece: Int) -> Bool {
        outputs[piece] = output
        tallies[piece] = tally
        return remaining.subtract(1, ordering: .acquiringAndReleasing).newValue == 0
    }

    /// The outputs in piece order, leaving empty slots.
    func takeOutputs() -> [[UInt8]] {
        (0..<slotCount).map { i in
            var taken: [UInt8] = []
            swap(&taken, &outputs[i])
            return taken
        }
    }

    /// The pieces' tallies added up in piece order.
    func tally() -> ScoreSummary {
        var total = tallies[0]
        for i in 1..<slotCount { total.add(tallies[i]) }
        return total
    }
}
