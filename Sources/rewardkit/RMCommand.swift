import ArgumentParser
import Foundation
import JSONLines
import Rewards
import ThinkingRM

/// `rewardkit rm`: the thinking reward model (docs/methods.md, Trust-GRPO): make data, train, evaluate,
/// score rows, measure speed. Each subcommand parses flags and calls ThinkingRM.
struct RMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "The thinking reward model: make training data, train, evaluate, score rows, measure speed.",
        subcommands: [
            RMSynthCommand.self, RMTrainCommand.self, RMEvalCommand.self, RMScoreCommand.self, RMBenchCommand.self,
            RMFeaturesCommand.self,
        ]
    )
}

/// `rewardkit rm synth`: labelled training data made by program.
struct RMSynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract:
            "Write synthetic graded responses ({question, response, score}) or pairs ({question, chosen, rejected}).",
        discussion: """
            Problems of six kinds (arithmetic, percentages, rates, algebra, tables in text, geometry and
            units) each get a correct solution and several degraded versions (arithmetic slips, wrong
            methods, unjustified jumps, contradictions, repetition, tangents, language mixing, hedging,
            answers that do not follow), each written in one of five styles. Scores follow the rubric in
            Fixtures/rm_heldout.README.md: 1.0 minus a deduction per flaw, clamped, rounded to 0.1.
            The same --seed always writes the same file.

            With --gsm8k FILE it degrades real solutions instead (GSM8K rows {question, answer} with
            <<a*b=c>> annotations): per problem the original and up to --per-problem versions with one
            flaw (wrong operation or quantity, misread number, digit slip, dropped step, early stop,
            irrelevant step), later annotations recomputed, each row with `steps` and `first_error`.
            --degenerate P also gives a share P of the problems one degenerate response at score 0 (tag
            soup, a line repeated, the question copied then a bare answer, the answer alone, the
            solution cut off, an empty think block).

            Example:
              rewardkit rm synth --n 10000 --seed 7 --out rm_train.jsonl
              rewardkit rm synth --n 5000 --seed 7 --pairs --out rm_pairs.jsonl
              rewardkit rm synth --gsm8k train.jsonl --n 7473 --per-problem 3 --degenerate 1 --out rm_gsm8k.jsonl
            """
    )

    @Option(help: "Rows to write (pairs with --pairs).")
    var n: Int = 1000

    @Option(help: "Seed; the same seed writes the same rows.")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Write rows here instead of standard output.", valueName: "FILE"))
    var out: String?

    @Option(help: "Degraded responses per problem, besides the correct one.")
    var perProblem: Int = 4

    @Flag(help: "Write pairwise rows {question, chosen, rejected} instead of graded ones.")
    var pairs = false

    @Option(
        help: ArgumentHelp(
            "Degrade the real solutions of this GSM8K-style file ({question, answer} rows with <<a*b=c>> annotations) instead of generating problems; rows carry steps, first_error and flaw. --n caps the problems read.",
            valueName: "FILE"))
    var gsm8k: String?

    @Option(
        help: ArgumentHelp(
            "With --gsm8k: the share of problems (0-1) that also get one degenerate response (tag soup, a line repeated, the question copied then an answer, the answer alone, the solution cut off, an empty think block), score 0.",
            valueName: "P"))
    var degenerate: Double = 0

    func validate() throws {
        guard n >= 1 && n <= 10_000_000 else { throw ValidationError("--n must be between 1 and 10000000") }
        guard perProblem >= 1 && perProblem <= 16 else {
            throw ValidationError("--per-problem must be between 1 and 16")
        }
        guard degenerate >= 0 && degenerate <= 1 else { throw ValidationError("--degenerate must be between 0 and 1") }
        guard degenerate == 0 || gsm8k != nil else { throw ValidationError("--degenerate needs --gsm8k") }
    }

    func run() throws {
        if let gsm8k { return try runReal(gsm8k) }
        let synth = RMSynthesizer(seed: seed, degradedPerProblem: perProblem)
        let bytes = pairs ? RMWriter.jsonl(synth.pairs(count: n)) : RMWriter.jsonl(synth.examples(count: n))
        do { try ByteSink(path: out ?? "-").write(bytes) } catch { throw CLIError(error.message) }
        FileHandle.standardError.write(Data("wrote \(n) \(pairs ? "pairs" : "graded responses") (seed \(seed))\n".utf8))
    }

    private func runReal(_ path: String) throws {
        let problems: [(question: String, answer: String)]
        do { problems = try RMDataset.loadProblems(path: path) } catch { throw CLIError("\(error)") }
        let synth = SolutionSynthesizer(seed: seed, degradedPerProblem: perProblem, degeneratePerProblem: degenerate)
        let groups = problems.prefix(n).enumerated().compactMap {
            synth.group(index: $0.offset, question: $0.element.question, answer: $0.element.answer)
        }
        do { try ByteSink(path: out ?? "-").write(SolutionSynthesizer.jsonl(groups, pairs: pairs)) } catch {
            throw CLIError(error.message)
        }
        let rows = groups.reduce(0) { $0 + $1.solutions.count }
        FileHandle.standardError.write(
            Data(
                "wrote \(pairs ? rows - groups.count : rows) \(pairs ? "pairs" : "graded solutions") from \(groups.count) of \(min(n, problems.count)) problems in \(path) (seed \(seed))\n"
                    .utf8))
    }
}
