import JSONLines
import Rewards
import Verify

/// The final answer of a response as `verify` finds it, as JSON: {"answer": text or null,
/// "anchor": the anchor that found it or null, "candidates": [every answer at that anchor]}.
/// `extraction`: 0 anchored, 1 fallback. NULL with a message for a bad mode.
@_cdecl("rk_extract")
public func rkExtract(
    _ response: UnsafePointer<CChar>?, _ responseBytes: Int, _ extraction: Int32,
    _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutablePointer<CChar>? {
    guard let mode = extractionMode(extraction) else {
        fail("extraction must be 0 (anchored) or 1 (fallback), got \(extraction)", errorOut)
        return nil
    }
    let found = AnswerExtractor(mode: mode).extract(from: text(response, responseBytes))
    var out = JSONWriter(capacity: 128)
    out.value(
        .object([
            ("answer", found.answer.map(JSONValue.string) ?? .null),
            ("anchor", found.anchor.map { .string($0.rawValue) } ?? .null),
            ("candidates", .array(found.candidates.map(JSONValue.string))),
        ]))
    return cString(out.bytes)
}
