import BigInt

/// Deterministic sample points for randomized identity testing.
///
/// Points are rationals with small, unusual denominators so polynomial and rational identities
/// are decided exactly, and so that accidental agreement (a root shared by both sides) is unlikely.
/// The same points are used on every call: results are reproducible.
enum RandomPoints {
    /// Values for `count` variables at point `index`: mostly positive, some negative.
    static func point(_ index: Int, variables: [String]) -> [String: Rational] {
        var state = UInt64(0x9E37_79B9_7F4A_7C15) &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03
        var out: [String: Rational] = [:]
        for name in variables {
            state = splitMix(&state)
            let num = Int(state % 89) + 7
            let den = [3, 7, 11, 13, 17, 19][Int((state >> 20) % 6)]
            // The first points are positive (many answers assume positive variables); later ones mix signs.
            let negative = index >= 4 && (state >> 40) & 1 == 1
            out[name] = Rational(BigInt(negative ? -num : num), BigInt(den))
        }
        return out
    }

    private static func splitMix(_ s: inout UInt64) -> UInt64 {
        s &+= 0x9E37_79B9_7F4A_7C15
        var z = s
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
