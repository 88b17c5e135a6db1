import JSONLines
import Rewards

/// Writes reward-model rows as JSONL that `RMDataset` reads back unchanged.
public enum RMWriter {
    /// One line per example, newline-terminated; scores are written as given (round first).
    public static func jsonl(_ examples: [RMExample]) -> [UInt8] {
        var w = JSONWriter(capacity: examples.count * 512)
        for e in examples {
            w.value(
                .object([
                    ("question", .string(e.question)), ("response", .string(e.response)),
                    ("score", .number(e.score)),
                ]))
            w.byte(0x0A)
        }
        return w.bytes
    }

    /// One line per pair, newline-terminated.
    public static func jsonl(_ pairs: [RMPair]) -> [UInt8] {
        var w = JSONWriter(capacity: pairs.count * 1024)
        for p in pairs {
            w.value(
                .object([
                    ("question", .string(p.question)), ("chosen", .string(p.chosen)),
                    ("rejected", .string(p.rejected)),
                ]))
            w.byte(0x0A)
        }
        return w.bytes
    }
}
