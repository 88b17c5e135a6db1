import Foundation

/// Component means as JSON object text, the form they take in the `component_means` column.
///
/// Keys are sorted so equal dictionaries give byte-equal text (diffable, comparable in SQL).
/// Non-finite means are written as the strings "nan", "inf" and "-inf" because JSON has no
/// numbers for them, and a mean over zero rows is NaN rather than a reason to lose the run.
enum ComponentMeansCodec {
    static func encode(_ means: [String: Double]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(means), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [String: Double] {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode([String: Double].self, from: Data(text.utf8))
    }
}
