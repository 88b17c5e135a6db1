import BigInt

/// Numerals to exact rationals.
extension MathParser {
    /// The value of a numeral: digits with an optional point, times 10^exponent.
    static func number(_ digits: String, _ exponent: Int, meter: BudgetMeter) throws(MathParseError) -> Rational {
        // Most numerals are short: read them in one machine word.
        if exponent == 0, digits.utf8.count <= 18 {
            var v = 0, scale = 0, seenPoint = false
            for b in digits.utf8 {
                if b == 46 { seenPoint = true; continue }
                v = v * 10 + Int(b - 48)
                if seenPoint { scale += 1 }
            }
            return scale == 0 ? Rational(v) : Rational(BigInt(v), BigInt(smallPowersOfTen[scale]))
        }
        var intPart = BigInt(0)
        var scale = 0
        var seenPoint = false
        var chunk: UInt64 = 0, chunkDigits = 0
        func flush() {
            if chunkDigits > 0 {
                intPart = intPart * BigInt(10).power(chunkDigits) + BigInt(chunk)
                chunk = 0; chunkDigits = 0
            }
        }
        for b in digits.utf8 {
            if b == 46 { seenPoint = true; continue }
            chunk = chunk * 10 + UInt64(b - 48)
            chunkDigits += 1
            if seenPoint { scale += 1 }
            if chunkDigits == 18 { flush() }
        }
        flush()
        let e = exponent - scale
        // A huge power of ten is costly to build: charge for its size so `1e999999` is bounded.
        do { try meter.charge(abs(e) / 16 + digits.utf8.count / 16) } catch { throw .budget }
        if abs(e) > 20_000 { throw .budget }
        if e >= 0 { return Rational(intPart * BigInt(10).power(e)) }
        return Rational(intPart, BigInt(10).power(-e))
    }
}

/// 10^0 … 10^18.
private let smallPowersOfTen: [Int] = (0...18).map { k in (0..<k).reduce(1) { acc, _ in acc * 10 } }
