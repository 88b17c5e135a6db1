import JSONLines
import Rewards
import Verify

// `rewardkit verify` over C: one pair, one pair explained, and many pairs on all cores.

/// The verifier and extractor for one call's settings; nil (with the message) when they are out of range.
func verifier(precision: Int32, strict: Int32, extraction: Int32) -> Result<(MathVerifier, AnswerExtractor), CallError>
{
    guard (0...30).contains(precision) else {
        return .failure(CallError("precision must be between 0 and 30, got \(precision)"))
    }
    guard let mode = extractionMode(extraction) else {
        return .failure(CallError("extraction must be 0 (anchored) or 1 (fallback), got \(extraction)"))
    }
    return .success(
        (
            MathVerifier(options: MathVerifier.Options(precision: Int(precision), strict: strict != 0)),
            AnswerExtractor(mode: mode)
        ))
}

/// 0 anchored, 1 fallback.
func extractionMode(_ code: Int32) -> ExtractionMode? {
    switch code {
    case 0: .anchored
    case 1: .fallback
    default: nil
    }
}

/// A call's arguments are wrong: the message says which and why.
struct CallError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Is `pred` (an answer or a whole response) equivalent to `gold`? 1 match, 0 no match, -1 bad
/// settings (message in `*error`). `extraction`: 0 anchored, 1 fallback.
@_cdecl("rk_verify")
public func rkVerify(
    _ gold: UnsafePointer<CChar>?, _ goldBytes: Int, _ pred: UnsafePointer<CChar>?, _ predBytes: Int,
    _ precision: Int32, _ strict: Int32, _ extraction: Int32,
    _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    switch verifier(precision: precision, strict: strict, extraction: extraction) {
    case let .failure(e):
        fail(e.message, errorOut)
        return -1
    case let .success((verifier, extractor)):
        return verifier.verifyResponse(
            gold: text(gold, goldBytes), prediction: text(pred, predBytes), extractor: extractor
        ).isMatch ? 1 : 0
    }
}

/// One verification explained, as a JSON object: match, reason, gold_answer and pred_answer (as
/// extracted), gold_parsed and pred_parsed (canonical forms, null when unparsed), hedged, micros.
@_cdecl("rk_explain")
public func rkExplain(
    _ gold: UnsafePointer<CChar>?, _ goldBytes: Int, _ pred: UnsafePointer<CChar>?, _ predBytes: Int,
    _ precision: Int32, _ strict: Int32, _ extraction: Int32,
    _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutablePointer<CChar>? {
    switch verifier(precision: precision, strict: strict, extraction: extraction) {
    case let .failure(e):
        fail(e.message, errorOut)
        return nil
    case let .success((verifier, extractor)):
        let r = verifier.explainResponse(
            gold: text(gold, goldBytes), prediction: text(pred, predBytes), extractor: extractor)
        let v = r.verification
        var out = JSONWriter(capacity: 256)
        out.value(
            .object([
                ("match", .bool(v.isMatch)), ("reason", .string(v.reason)),
                ("gold_answer", .string(r.goldAnswer)), ("pred_answer", .string(r.predictedAnswer)),
                ("gold_parsed", v.goldParsed.map(JSONValue.string) ?? .null),
                ("pred_parsed", v.predictedParsed.map(JSONValue.string) ?? .null),
                ("hedged", .bool(r.hedged)), ("micros", .number(Double(v.micros))),
            ]))
        return cString(out.bytes)
    }
}

/// Verifies `count` pairs on all cores, in order. Golds are the bytes of `goldText` cut at
/// `goldOffsets` (`count + 1` offsets, the first 0), and preds likewise; `matches[i]` becomes 1
/// or 0. Returns 0, or -1 with a message for bad settings or offsets.
@_cdecl("rk_verify_batch")
public func rkVerifyBatch(
    _ goldText: UnsafePointer<CChar>?, _ goldOffsets: UnsafePointer<Int64>?,
    _ predText: UnsafePointer<CChar>?, _ predOffsets: UnsafePointer<Int64>?, _ count: Int,
    _ precision: Int32, _ strict: Int32, _ extraction: Int32,
    _ matches: UnsafeMutablePointer<UInt8>?,
    _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    guard count >= 0 else { fail("count must not be negative, got \(count)", errorOut); return -1 }
    if count == 0 { return 0 }
    guard let goldOffsets, let predOffsets, let matches else {
        fail("offsets and the result buffer must not be NULL", errorOut); return -1
    }
    let golds = UnsafeBufferPointer(start: goldOffsets, count: count + 1)
    let preds = UnsafeBufferPointer(start: predOffsets, count: count + 1)
    for (name, offsets) in [("gold", golds), ("pred", preds)] {
        if let problem = offsetProblem(offsets) { fail("\(name) offsets \(problem)", errorOut); return -1 }
    }
    if (golds[count] > 0 && goldText == nil) || (preds[count] > 0 && predText == nil) {
        fail("text must not be NULL when its offsets are not all 0", errorOut)
        return -1
    }
    let settings: (MathVerifier, AnswerExtractor)
    switch verifier(precision: precision, strict: strict, extraction: extraction) {
    case let .failure(e): fail(e.message, errorOut); return -1
    case let .success(s): settings = s
    }
    let input = BatchInput(goldText: goldText, golds: golds, predText: predText, preds: preds)
    let results = ParallelMap.map(count: count, makeState: {}) { _, i in
        settings.0.verifyResponse(gold: input.gold(i), prediction: input.pred(i), extractor: settings.1).isMatch
    }
    for (i, match) in results.enumerated() { matches[i] = match ? 1 : 0 }
    return 0
}

/// Why offsets cannot cut a text (nil when they can): they start at 0 and never decrease.
private func offsetProblem(_ offsets: UnsafeBufferPointer<Int64>) -> String? {
    guard offsets[0] == 0 else { return "must start at 0, got \(offsets[0])" }
    for i in 1..<offsets.count where offsets[i] < offsets[i - 1] {
        return "must not decrease: offset \(i) is \(offsets[i]) after \(offsets[i - 1])"
    }
    return nil
}

/// The texts of a batch, read by every thread and written by none while it is verified.
private struct BatchInput: @unchecked Sendable {
    // @unchecked: the caller keeps the buffers alive and unchanged for the whole call.
    let goldText: UnsafePointer<CChar>?, golds: UnsafeBufferPointer<Int64>
    let predText: UnsafePointer<CChar>?, preds: UnsafeBufferPointer<Int64>

    func gold(_ i: Int) -> String { piece(goldText, golds, i) }
    func pred(_ i: Int) -> String { piece(predText, preds, i) }

    private func piece(_ base: UnsafePointer<CChar>?, _ offsets: UnsafeBufferPointer<Int64>, _ i: Int) -> String {
        guard let base else { return "" }
        return text(base + Int(offsets[i]), Int(offsets[i + 1] - offsets[i]))
    }
}
