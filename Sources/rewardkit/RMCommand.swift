import ArgumentParser
import Foundation
import Rewards
import ThinkingRM

/// `rewardkit rm`: the thinking reward model (docs/methods.md, Trust-GRPO): make data, train, evaluate,
/// score rows, measure speed. Each subcommand parses flags and calls ThinkingRM.
struct RMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "The thinking reward model: make training data, train, evaluate, score rows, measure speed.",
        subcommands: [RMSynthCommand.self, RMTrainCommand.self, RMEvalCommand.self, RMScoreCommand.self, RMBenchCommand.self, RMFeaturesCommand.self]
    )
}

/// `rewardkit rm synth`: labelled training data made by program.
struct RMSynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Write synthetic graded responses ({question, response, score}) or pairs ({question, chosen, rejected}).",
        discussion: """
        Problems of six kinds (arithmetic, percentages, rates, algebra, tables in text, geometry and
        units) each get a correct solution and several degraded versions (arithmetic slips, wrong
        methods, unjustified jumps, contradictions, repetition, tangents, language mixing, hedging,
        answers that do not follow), each written in one of five styles. Scores follow the rubric in
        Fixtures/rm_heldout.README.md: 1.0 minus a deduction per flaw, clamped, rounded to 0.1.
        The same --seed always writes the same file.

        Example:
          rewardkit rm synth --n 10000 --seed 7 --out rm_train.jsonl
          rewardkit rm synth --n 5000 --seed 7 --pairs --out rm_pairs.jsonl
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

    func validate() throws {
        guard n >= 1 && n <= 10_000_000 else { throw ValidationError("--n must be between 1 and 10000000") }
        guard perProblem >= 1 && perProblem <= 16 else { throw ValidationError("--per-problem must be between 1 and 16") }
    }

    func run() throws {
        let synth = RMSynthesizer(seed: seed, degradedPerProblem: perProblem)
        let bytes = pairs ? RMWriter.jsonl(synth.pairs(count: n)) : RMWriter.jsonl(synth.examples(count: n))
        do { try ByteSink(path: out ?? "-").write(bytes) } catch { throw CLIFailure(error.message) }
        FileHandle.standardError.write(Data("wrote \(n) \(pairs ? "pairs" : "graded responses") (seed \(seed))\n".utf8))
    }
}
