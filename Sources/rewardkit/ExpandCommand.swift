import ArgumentParser
import Foundation
import JSONLines
import Rewards

/// `rewardkit expand`: Share-GRPO question variants that keep the answer.
struct ExpandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expand",
        abstract: "Write M variants of each question (the original plus M-1 answer-keeping rewrites) for Share-GRPO.",
        discussion: """
        Each row with a text prompt (prompt/question/problem) becomes M rows: variant 0 is the row
        as it was; variants 1..M-1 rephrase the instruction and may swap connectives, swap two
        self-contained statements, write small numbers as words (or back), shuffle multiple-choice
        options with the answer letter remapped, and (with --hint) add a hint sentence. Every row
        gains `group` (kept if present, else "q<line>"), `variant` and `rewrites`.

        Example:
          rewardkit expand questions.jsonl --variants 2 --seed 7 --out variants.jsonl
        """
    )

    @Argument(help: ArgumentHelp("Input JSONL file, or - for standard input.", valueName: "INPUT"))
    var input: String = "-"

    @Option(name: .long, help: ArgumentHelp("Write rows here instead of standard output.", valueName: "FILE"))
    var out: String?

    @Option(help: "Variants per question, the original included.")
    var variants: Int = 2

    @Option(help: "Seed for the rewrites.")
    var seed: UInt64 = 1

    @Flag(help: "Append a hint sentence to rewritten variants.")
    var hint = false

    func validate() throws {
        guard variants >= 1 && variants <= 64 else { throw ValidationError("--variants must be between 1 and 64") }
    }

    func run() throws {
        let expander = QuestionExpander(count: variants, seed: seed, hint: hint)
        let text: String
        let outputFile: OutputFile
        do {
            text = String(decoding: try ByteSource(path: input).readAll(), as: UTF8.self)
            outputFile = try OutputFile(target: out ?? "-")
        } catch {
            throw CLIFailure(error.message)
        }
        var output = "", rows = 0, errors = 0
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            rows += 1
            switch ExpandRows.expand(String(line), number: i + 1, with: expander) {
            case let .success(lines): output += lines
            case let .failure(error):
                errors += 1
                var w = JSONWriter()
                w.value(.object([("line", .number(Double(i + 1))), ("error", .string(error.description))]))
                output += String(decoding: w.bytes, as: UTF8.self) + "\n"
            }
        }
        do {
            try outputFile.sink.write(Array(output.utf8))
            try outputFile.commit()
        } catch { throw CLIFailure(error.message) }
        FileHandle.standardError.write(Data("expanded \(rows) rows into \(variants) variants each (\(errors) errors)\n".utf8))
        if errors > 0 { throw ExitCode(CLIExit.someRowsFailed.rawValue) }
    }
}
