/// Whole JSON texts (HTTP request bodies, say) read with the same validating scanner as rows, for
/// callers outside this module that must not pay for Foundation's decoders on a hot path.
public enum JSONDocument {
    /// The value of a JSON text, or where and why it is not valid JSON (or not UTF-8).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONError> {
        var scanner = JSONScanner(bytes)
        do {
            try scanner.scanDocument()
        } catch {
            return .failure(error)
        }
        return .success(JSONDecoding.value(bytes, 0..<bytes.count))
    }

    /// The byte ranges of the elements of a JSON text that is an array, in order; nil when the
    /// text is valid JSON of another kind. Each range is a whole value as written.
    public static func arrayElements(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[Range<Int>]?, JSONError> {
        var scanner = JSONScanner(bytes)
        do {
            return .success(try scanner.scanArrayElements())
        } catch {
            return .failure(error)
        }
    }
}
