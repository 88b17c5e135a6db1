import JSONLines
import Rewards
import Testing

/// Numbers print as they did when every non-integer went through `Double.description`: the
/// integer and half fast paths must give the same text.
@Suite struct JSONWriterNumberTests {
    @Test(arguments: [
        0.5, -0.5, 1.5, -1.5, 2.5, 4.5, 9.5, 10.5, 12_345.5, -987_654.5, 999_999_999_999_999.5, 0.25, 1.75, 0.1,
        1e15 + 0.5, 3e20, 1e-7,
    ])
    func nonIntegersPrintAsDescription(_ value: Double) {
        var w = JSONWriter()
        w.number(value)
        #expect(String(decoding: w.bytes, as: UTF8.self) == value.description)
    }

    @Test(arguments: [0.0, -0.0, 1, -1, 2, 9, 10, 42, 999_999_999_999_999, -123_456_789])
    func integersPrintWithoutAFraction(_ value: Double) {
        var w = JSONWriter()
        w.number(value)
        #expect(String(decoding: w.bytes, as: UTF8.self) == String(Int64(value)))
    }
}
