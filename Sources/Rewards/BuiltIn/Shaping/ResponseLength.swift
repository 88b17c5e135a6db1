/// How shaping rewards measure a response: in words (white-space separated) or characters.
/// open-r1 and DAPO count tokenizer tokens; without the policy's tokenizer, words are the closer
/// proxy, and the limits in a config should be set in the same unit.
enum ResponseLength {
    /// The accepted `unit` option values.
    static let units = ["words", "chars"]

    /// The length of `text` in `unit`.
    static func of(_ text: String, unit: String) -> Int {
        unit == "chars" ? text.count : text.split { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }.count
    }
}
