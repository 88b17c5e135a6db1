import ArgumentParser
import Foundation
import JSONLines
import Rewards
import Verify

/// `rewardkit verify`: is this answer equivalent to that one?
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Decide whether a predicted answer is equivalent to the gold answer (exit 0 match, 1 no match).",
        discussion: """
            Numbers, fractions, LaTeX, roots, trig, logs, sets, intervals, tuples, matrices, equations,
            inequalities and text, without a CAS, under a 20 ms budget per pair. The prediction may be a
            bare answer or a whole response: its answer is found by anchors (\\boxed{}, <answer>, "final
            answer is", "the answer is", "Answer:", #### N, A: N) and, with --extraction fallback (the
            default here), else its last number or expression. Several different boxed answers are one
            list answer when the gold has several parts, and hedging (no match) when it has one.

            With --batch, reads JSONL rows {id, gold, pred[, precision, strict, extraction]} and writes each row back
            with match, gold_parsed, pred_parsed, reason and micros (exit 0, or 3 if some rows were bad).

            Examples:
              rewardkit verify '\\frac{1}{2}' '0.5'
              rewardkit verify 'x>2' '(2,\\infty)' --explain
              rewardkit verify --batch pairs.jsonl --out verdicts.jsonl
            """
    )

    @Argument(help: "The gold answer.") var gold: String?
    @Argument(help: "The predicted answer (or a response with an answer in it).") var pred: String?
    @Flag(help: "Print the parsed forms, the reason and the time.") var explain = false
    @Option(help: "Decimal places compared when either side is a decimal.") var precision = 6
    @Flag(help: "Strict: assignments must name the same variable; sets and tuples differ.") var strict = false
    @Option(
        help: ArgumentHelp(
            "How the prediction's answer is found: anchored (answer anchors only) or fallback (also the last number or expression).",
            valueName: "MODE"))
    var extraction: String = ExtractionMode.fallback.rawValue
    @Option(help: ArgumentHelp("JSONL pairs to verify.", valueName: "FILE")) var batch: String?
    @Option(
        name: .long, help: ArgumentHelp("With --batch: write rows here instead of standard output.", valueName: "FILE"))
    var out: String?

    func validate() throws {
        if batch == nil && (gold == nil || pred == nil) { throw ValidationError("give GOLD and PRED, or --batch FILE") }
        if batch != nil && (gold != nil || pred != nil) {
            throw ValidationError("give GOLD and PRED, or --batch FILE, not both")
        }
        guard (0...30).contains(precision) else { throw ValidationError("--precision must be between 0 and 30") }
        guard ExtractionMode(rawValue: extraction) != nil else {
            throw ValidationError("--extraction must be anchored or fallback")
        }
    }

    func run() throws {
        if let batch { return try runBatch(batch) }
        let mode = ExtractionMode(rawValue: extraction) ?? .fallback
        let result = Self.verify(
            gold: gold ?? "", pred: pred ?? "", precision: precision, strict: strict, extraction: mode)
        print(result.isMatch ? "match (\(result.reason))" : "no match (\(result.reason))")
        if explain {
            print("gold parsed: \(result.goldParsed ?? "-")")
            print("pred parsed: \(result.predictedParsed ?? "-")")
            print("time: \(result.micros) µs")
        }
        if !result.isMatch { throw ExitCode(1) }
    }

    static func verify(
        gold: String, pred: String, precision: Int, strict: Bool, extraction: ExtractionMode
    ) -> MathVerification {
        MathVerifier(options: MathVerifier.Options(precision: precision, strict: strict))
            .verifyResponse(gold: gold, prediction: pred, extractor: AnswerExtractor(mode: extraction))
    }

    private func runBatch(_ path: String) throws {
        let text: String, outputFile: OutputFile
        do {
            text = String(decoding: try ByteSource(path: path).readAll(), as: UTF8.self)
            outputFile = try OutputFile(target: out ?? "-")
        } catch {
            throw CLIError(error.message)
        }
        var output = JSONWriter(), errors = 0, matches = 0, rows = 0
        for (number, line) in JSONLText.nonBlankLines(text) {
            rows += 1
            switch VerifyBatchRow.parse(String(line)) {
            case let .failure(problem):
                errors += 1
                output.value(.object([("line", .number(Double(number))), ("error", .string(problem.message))]))
            case let .success(row):
                let r = Self.verify(
                    gold: row.gold, pred: row.pred, precision: row.precision ?? precision, strict: row.strict ?? strict,
                    extraction: row.extraction ?? ExtractionMode(rawValue: extraction) ?? .fallback)
                if r.isMatch { matches += 1 }
                output.value(
                    .object(
                        row.members + [
                            ("match", .bool(r.isMatch)), ("gold_parsed", r.goldParsed.map(JSONValue.string) ?? .null),
                            ("pred_parsed", r.predictedParsed.map(JSONValue.string) ?? .null),
                            ("reason", .string(r.reason)),
                            ("micros", .number(Double(r.micros))),
                        ]))
            }
            output.byte(0x0A)
        }
        do {
            try outputFile.sink.write(output.bytes)
            try outputFile.commit()
        } catch { throw CLIError(error.message) }
        FileHandle.standardError.write(
            Data(
                "verified \(rows) pairs: \(matches) match, \(rows - matches - errors) do not, \(errors) bad rows\n".utf8
            ))
        if errors > 0 { throw ExitCode(CLIExit.someRowsFailed.rawValue) }
    }
}

/// One `verify --batch` row: its fields as read, plus gold, pred and the optional settings.
struct VerifyBatchRow {
    var members: [(key: String, value: JSONValue)]
    var gold: String, pred: String
    var precision: Int?, strict: Bool?
    var extraction: ExtractionMode?

    static func parse(_ line: String) -> Result<VerifyBatchRow, VerifyRowError> {
        let value: JSONValue
        var text = line
        switch text.withUTF8({ JSONDocument.parse($0) }) {
        case let .success(v): value = v
        case let .failure(e): return .failure(VerifyRowError(e.description))
        }
        guard case let .object(members) = value else {
            return .failure(VerifyRowError("row is \(value.kindName), expected a JSON object"))
        }
        guard case let .string(gold)? = value["gold"] else {
            return .failure(VerifyRowError("field 'gold' is missing or not text"))
        }
        guard case let .string(pred)? = value["pred"] else {
            return .failure(VerifyRowError("field 'pred' is missing or not text"))
        }
        var precision: Int?
        if let p = value["precision"] {
            guard case let .number(n) = p, n == n.rounded(), (0...30).contains(n) else {
                return .failure(VerifyRowError("field 'precision' must be a whole number 0-30"))
            }
            precision = Int(n)
        }
        var strict: Bool?
        if let s = value["strict"] {
            guard case let .bool(b) = s else { return .failure(VerifyRowError("field 'strict' must be true or false")) }
            strict = b
        }
        var extraction: ExtractionMode?
        if let e = value["extraction"] {
            guard case let .string(name) = e, let mode = ExtractionMode(rawValue: name) else {
                return .failure(VerifyRowError("field 'extraction' must be anchored or fallback"))
            }
            extraction = mode
        }
        let kept = members.filter { !["match", "gold_parsed", "pred_parsed", "reason", "micros"].contains($0.key) }
        return .success(
            VerifyBatchRow(
                members: kept, gold: gold, pred: pred, precision: precision, strict: strict, extraction: extraction))
    }
}

/// Why a `verify --batch` row cannot be verified.
struct VerifyRowError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
