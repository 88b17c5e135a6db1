import Dispatch
import JSONLines

/// Adds `key_steps` to JSONL rows from their reference solution: the engine of `rewardkit keysteps`.
///
/// The reference is the first text field among `referenceFields` (a `reference` field, else the
/// row's `solution` / `answer` text). Every other member is written back as it was. A row without
/// a reference becomes `{"line": N, "error": ...}`, like `score`'s error rows.
public struct KeyStepAnnotator: Sendable {
    /// What one run did.
    public struct Summary: Sendable, Equatable {
        /// Non-blank rows read.
        public var rows = 0
        /// Rows written as error rows.
        public var errors = 0
        /// Key steps written, over all rows.
        public var keySteps = 0
        /// Rows whose reference gave no key step (written with an empty list).
        public var rowsWithoutKeySteps = 0
        /// Wall time.
        public var seconds = 0.0
    }

    /// Where the reference solution is looked for, in order.
    public static let referenceFields = ["reference", "solution", "answer", "ground_truth", "gold", "label"]
    /// A longer line becomes an error row instead of growing memory without bound.
    public static let maxLineBytes = 64 << 20

    /// The extractor used on each reference.
    public let extractor: KeyStepExtractor

    /// Makes an annotator.
    public init(extractor: KeyStepExtractor = KeyStepExtractor()) {
        self.extractor = extractor
    }

    /// Annotates every non-blank line of `source` into `sink`, in order.
    public func run(_ source: ByteSource, into sink: ByteSink) throws(IOError) -> Summary {
        let start = DispatchTime.now().uptimeNanoseconds
        var summary = Summary()
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var lineNumber = 1
        var skipping = false
        while true {
            var read: Result<Int, IOError> = .success(0)
            chunk.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                do throws(IOError) { read = .success(try source.read(into: base, count: raw.count)) } catch {
                    read = .failure(error)
                }
            }
            let n = try read.get()
            if n > 0 { pending.append(contentsOf: chunk[0..<n]) }
            var lineStart = 0
            var out = JSONWriter()
            while let newline = pending[lineStart...].firstIndex(of: 0x0A) {
                if skipping {
                    skipping = false
                } else {
                    annotateLine(pending[lineStart..<newline], number: lineNumber, into: &out, summary: &summary)
                }
                lineNumber += 1
                lineStart = newline + 1
            }
            pending.removeFirst(lineStart)
            if n == 0 {
                if !pending.isEmpty, !skipping {
                    annotateLine(pending[...], number: lineNumber, into: &out, summary: &summary)
                }
                try sink.write(out.bytes)
                break
            }
            if pending.count > Self.maxLineBytes {
                if !skipping {
                    RowEncoder.writeError(
                        line: lineNumber, .lineTooLong(bytes: pending.count, limit: Self.maxLineBytes),
                        bytes: nil, members: [], keys: [], into: &out)
                    summary.rows += 1
                    summary.errors += 1
                }
                skipping = true
                pending.removeAll()
            }
            try sink.write(out.bytes)
        }
        summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return summary
    }

    /// The key steps of one row (a JSON object text), or why there are none.
    public func keySteps(forRow json: String) -> Result<[[String]], RowError> {
        var text = json
        return text.withUTF8 { bytes in
            RowDecoder.members(bytes).flatMap { members in
                let keys = RowDecoder.keys(of: members, in: bytes)
                return reference(bytes, members, keys: keys).map(extractor.keySteps)
            }
        }
    }

    private func annotateLine(
        _ line: ArraySlice<UInt8>, number: Int, into out: inout JSONWriter, summary: inout Summary
    ) {
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
        summary.rows += 1
        line.withUnsafeBufferPointer { bytes in
            let members: [JSONScanner.Member]
            switch RowDecoder.members(bytes) {
            case let .success(m): members = m
            case let .failure(error):
                RowEncoder.writeError(line: number, error, bytes: nil, members: [], keys: [], into: &out)
                summary.errors += 1
                return
            }
            let keys = RowDecoder.keys(of: members, in: bytes)
            switch reference(bytes, members, keys: keys) {
            case let .failure(error):
                RowEncoder.writeError(line: number, error, bytes: bytes, members: members, keys: keys, into: &out)
                summary.errors += 1
            case let .success(text):
                let groups = extractor.keySteps(from: text)
                summary.keySteps += groups.count
                if groups.isEmpty { summary.rowsWithoutKeySteps += 1 }
                RowEncoder.write(
                    bytes, members: members, adding: ["key_steps"],
                    {
                        $0.key("key_steps")
                        $0.value(.array(groups.map { .array($0.map(JSONValue.string)) }))
                    }, into: &out)
            }
        }
    }

    /// The first non-blank string among the reference fields.
    private func reference(
        _ bytes: UnsafeBufferPointer<UInt8>, _ members: [JSONScanner.Member], keys: [String]
    ) -> Result<String, RowError> {
        for field in Self.referenceFields {
            guard let i = keys.firstIndex(of: field),
                case let .string(text) = JSONDecoding.value(bytes, members[i].value),
                text.contains(where: { !$0.isWhitespace })
            else { continue }
            return .success(text)
        }
        return .failure(.noReference(fields: Self.referenceFields))
    }
}
