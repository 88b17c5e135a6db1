/// The policy's character-level tokenizer: three specials, newline, then printable ASCII.
///
/// Ids: 0 padding, 1 beginning of sequence, 2 end of sequence, 3 newline, 4... the characters
/// 32 (space) to 126 (`~`). Any other character encodes as `?`, so every text encodes.
public struct CharTokenizer: Sendable, Equatable {
    /// Padding (never predicted, never trained on).
    public static let pad: Int32 = 0
    /// Starts every sequence.
    public static let bos: Int32 = 1
    /// Ends a response; sampling stops there.
    public static let eos: Int32 = 2
    static let newline: Int32 = 3
    static let firstPrintable: Int32 = 4

    /// Number of ids.
    public static let vocabSize = 4 + 95

    /// The tokenizer (it has no state).
    public init() {}

    /// The ids of `text`, without specials.
    public func encode(_ text: String) -> [Int32] {
        text.unicodeScalars.map { scalar in
            let v = scalar.value
            if v == 10 { return Self.newline }
            if v >= 32 && v <= 126 { return Self.firstPrintable + Int32(v - 32) }
            return Self.firstPrintable + Int32(63 - 32)  // "?"
        }
    }

    /// The text of `ids`; specials are dropped.
    public func decode(_ ids: [Int32]) -> String {
        var scalars = String.UnicodeScalarView()
        for id in ids {
            if id == Self.newline { scalars.append("\n") }
            if id >= Self.firstPrintable, id < Int32(Self.vocabSize),
                let s = Unicode.Scalar(UInt32(id - Self.firstPrintable) + 32)
            {
                scalars.append(s)
            }
        }
        return String(scalars)
    }

    /// What the model reads before its response: BOS, the prompt, a newline.
    public func promptIDs(_ prompt: String) -> [Int32] {
        [Self.bos] + encode(prompt) + [Self.newline]
    }
}
