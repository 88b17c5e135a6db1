import Foundation
import JSONLines
import Rewards

/// Loads and saves reward-model data in JSONL: pointwise `{question, response, score}` rows and
/// pairwise `{question, chosen, rejected}` rows. Blank lines are skipped; other fields pass.
public enum RMDataset {
    /// Pointwise rows of the file at `path`; throws the first bad row's error (use
    /// `loadCollecting` to get every error and keep the good rows).
    public static func load(path: String) throws -> [RMExample] {
        let result = try loadCollecting(path: path)
        if let first = result.errors.first { throw first }
        return result.rows
    }

    /// Pairwise rows of the file at `path`; throws the first bad row's error.
    public static func loadPairs(path: String) throws -> [RMPair] {
        let result = parsePairs(try readText(path), file: path)
        if let first = result.errors.first { throw first }
        return result.rows
    }

    /// Worked problems `{question, answer}` (GSM8K's layout: `answer` is the reference solution)
    /// of the file at `path`; throws the first bad row's error.
    public static func loadProblems(path: String) throws -> [(question: String, answer: String)] {
        let result = parse(try readText(path), file: path) { fields throws(RMDataError) in
            (question: try fields.text("question"), answer: try fields.text("answer"))
        }
        if let first = result.errors.first { throw first }
        return result.rows
    }

    /// Pointwise rows that pass and one error per row that does not.
    public static func loadCollecting(path: String) throws -> RMLoadResult<RMExample> {
        parseExamples(try readText(path), file: path)
    }

    /// Pointwise rows parsed from JSONL `text`; `file` names the source in errors.
    public static func parseExamples(_ text: String, file: String = "-") -> RMLoadResult<RMExample> {
        parse(text, file: file) { fields throws(RMDataError) in
            RMExample(
                question: try fields.text("question"), response: try fields.text("response"),
                score: try fields.unitScore("score"))
        }
    }

    /// Pairwise rows parsed from JSONL `text`; a pair whose two responses are equal is refused
    /// because it teaches nothing and usually means a join went wrong.
    public static func parsePairs(_ text: String, file: String = "-") -> RMLoadResult<RMPair> {
        parse(text, file: file) { fields throws(RMDataError) in
            let pair = RMPair(
                question: try fields.text("question"), chosen: try fields.text("chosen"),
                rejected: try fields.text("rejected"))
            if pair.chosen == pair.rejected {
                throw fields.error("rejected", "fields 'chosen' and 'rejected' are the same text")
            }
            return pair
        }
    }

    static func readText(_ path: String) throws -> String {
        do { return String(decoding: try ByteSource(path: path).readAll(), as: UTF8.self) } catch {
            throw RMDataError(file: path, line: 0, field: nil, message: error.message)
        }
    }

    static func parse<Row>(
        _ text: String, file: String,
        _ make: (RMRowFields) throws(RMDataError) -> Row
    ) -> RMLoadResult<Row> {
        var result = RMLoadResult<Row>(rows: [], errors: [])
        for (number, line) in JSONLText.nonBlankLines(text) {
            guard let value = RMJSONLine.parse(line) else {
                result.errors.append(RMDataError(file: file, line: number, field: nil, message: "invalid JSON"))
                continue
            }
            guard case .object = value else {
                result.errors.append(
                    RMDataError(
                        file: file, line: number, field: nil,
                        message: "row is \(value.kindName), expected an object"))
                continue
            }
            do { result.rows.append(try make(RMRowFields(object: value, file: file, line: number))) } catch {
                result.errors.append(error)
            }
        }
        return result
    }
}
