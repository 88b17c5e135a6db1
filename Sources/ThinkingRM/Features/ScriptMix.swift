/// Letters of a text counted by writing system, to detect language mixing across scripts
/// (a Chinese or Russian clause inside an English solution). Greek is not counted: in maths
/// texts it is notation (π, θ, Δ), not language.
public struct ScriptMix: Sendable, Equatable {
    /// Latin letters (ASCII and accented).
    public var latin = 0
    /// Cyrillic letters.
    public var cyrillic = 0
    /// Han, kana and Hangul characters.
    public var cjk = 0
    /// Arabic, Hebrew, Devanagari, Thai and other letters.
    public var other = 0

    /// Counts the letters of `text`.
    public init(_ text: String) {
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { latin += 1 }
            } else if v < 0x250 {
                if v >= 0xC0 && v != 0xD7 && v != 0xF7 { latin += 1 }
            } else if v >= 0x400 && v < 0x530 {
                cyrillic += 1
            } else if (v >= 0x4E00 && v < 0xA000) || (v >= 0x3040 && v < 0x3100) || (v >= 0xAC00 && v < 0xD7B0)
                || (v >= 0x3400 && v < 0x4DC0)
            {
                // A Han character carries about a word of meaning; weigh it like a short word.
                cjk += 3
            } else if (v >= 0x590 && v < 0x700) || (v >= 0x900 && v < 0xE80) {
                other += 1
            }
        }
    }

    /// Letters in all counted scripts.
    public var total: Int { latin + cyrillic + cjk + other }

    /// The share of letters outside the dominant script: 0 for one script, up to ~0.5 for an even mix.
    public var mixing: Double {
        let t = total
        guard t > 0 else { return 0 }
        return Double(t - max(latin, cyrillic, cjk, other)) / Double(t)
    }

    /// How many scripts have at least `minimum` letters.
    public func scripts(minimum: Int = 2) -> Int {
        [latin, cyrillic, cjk, other].filter { $0 >= minimum }.count
    }
}
