import ArgumentParser
import Foundation
import GRPO
import NN

/// `rewardkit train`: the compact GRPO trainer (SFT warm start, GRPO, evaluation, report).
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a small policy on CPU: SFT warm start, then GRPO with any reward config.",
        discussion: """
            Example (the default run):
              rewardkit train sft --task arithmetic --out sft.ckpt
              rewardkit train grpo --init sft.ckpt --preset r1 --out grpo.ckpt --log grpo.jsonl
              rewardkit train eval --model grpo.ckpt --task arithmetic --n 500 --seed 7 --json
            """,
        subcommands: [TrainSFTCommand.self, TrainGRPOCommand.self, TrainEvalCommand.self, TrainReportCommand.self]
    )
}

/// Process-wide settings for the commands that run the policy.
enum TrainingProcess {
    /// One OpenBLAS thread (unless `OPENBLAS_NUM_THREADS` says otherwise), and freed memory kept
    /// for reuse. The policy's matrices are small: a second thread's OpenBLAS worker spins in
    /// `sched_yield` between calls, and the system time it burns costs more than the thread saves,
    /// so `train grpo` is faster on one thread (docs/benchmarks.md has the figures).
    static func configure() {
        if ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil { GEMM.threadCount = 1 }
        AllocatorTuning.keepFreedMemoryForReuse()
    }
}

/// `--task` and `--format`, shared by the train subcommands.
struct TaskOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "`arithmetic`, `arithmetic:1`..`arithmetic:3` (one level), or a JSONL file of {prompt, answer[, key_steps]}.",
            valueName: "T"))
    var task: String = "arithmetic"

    @Option(help: ArgumentHelp("Response format: think_answer, mulberry or boxed.", valueName: "F"))
    var format: String = "think_answer"

    func source() throws -> TaskSource {
        do { return try TaskSource.named(task) } catch { throw CLIError(error.message) }
    }

    func responseFormat() throws -> ResponseFormat {
        guard let f = ResponseFormat(rawValue: format) else {
            throw CLIError("unknown --format '\(format)' (known: think_answer, mulberry, boxed)", code: .usage)
        }
        return f
    }
}

/// `rewardkit train sft`.
struct TrainSFTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sft",
        abstract: "Supervised warm start on reference reasoning, deliberately short of perfect.",
        discussion: """
            Example:
              rewardkit train sft --task arithmetic --out sft.ckpt
              rewardkit train sft --task arithmetic --format mulberry --out sft-mulberry.ckpt --steps 400
            """
    )

    @OptionGroup var taskOptions: TaskOptions

    @Option(help: ArgumentHelp("Checkpoint to write.", valueName: "CKPT"))
    var out: String

    @Option(help: "Optimiser steps (default stops short of perfect so RL has room).")
    var steps: Int = SFTSettings().steps

    @Option(help: "Problems per step.")
    var batch: Int = SFTSettings().batchSize

    @Option(help: "Learning rate.")
    var lr: Float = SFTSettings().learningRate

    @Option(help: "Seed of the weights and the problem stream.")
    var seed: UInt64 = 1

    @Option(
        name: .customLong("init"),
        help: ArgumentHelp(
            "Continue from this policy instead of fresh weights (the problem stream starts over).", valueName: "CKPT"))
    var initial: String?

    func run() throws {
        TrainingProcess.configure()
        var settings = SFTSettings()
        settings.steps = steps
        settings.batchSize = batch
        settings.learningRate = lr
        settings.seed = seed
        settings.format = try taskOptions.responseFormat()
        let task = try taskOptions.source()
        let policy: Policy
        if let initial {
            do { policy = try PolicyCheckpoint.loadPolicy(path: initial) } catch { throw CLIError("\(error)") }
        } else {
            policy = Policy(config: .standard(for: settings.format), seed: seed)
        }
        let start = Date()
        SFTTrainer.train(policy, task: task, settings: settings) { step, loss in
            if step % 50 == 0 || step == settings.steps {
                FileHandle.standardError.write(
                    Data(
                        String(
                            format: "sft step %d/%d loss %.4f (%.0f s)\n", step, settings.steps, loss,
                            Date().timeIntervalSince(start)
                        ).utf8))
            }
        }
        do { try PolicyCheckpoint.save(policy, to: out) } catch { throw CLIError("cannot write \(out): \(error)") }
        FileHandle.standardError.write(Data("wrote \(out)\n".utf8))
    }
}

/// `rewardkit train eval`.
struct TrainEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Greedy accuracy on held-out problems (a seed range disjoint from training).",
        discussion: """
            Example:
              rewardkit train eval --model grpo.ckpt --task arithmetic --n 500 --seed 7 --json
            """
    )

    @OptionGroup var taskOptions: TaskOptions

    @Option(help: ArgumentHelp("Policy checkpoint.", valueName: "CKPT"))
    var model: String

    @Option(help: "Held-out problems.")
    var n: Int = 500

    @Option(help: "Evaluation seed (held-out streams never meet training streams).")
    var seed: UInt64 = 7

    @Flag(help: "Print {\"accuracy\": x, \"n\": ..., ...} as JSON.")
    var json = false

    @Option(help: "Also show the first N problems with the policy's responses.")
    var show: Int = 0

    func run() throws {
        TrainingProcess.configure()
        let policy: Policy
        do { policy = try PolicyCheckpoint.loadPolicy(path: model) } catch { throw CLIError("\(error)") }
        var settings = GRPOSettings()
        settings.adapt(to: try taskOptions.responseFormat())
        var evaluator = Evaluator(
            items: try taskOptions.source().heldOutItems(n: n, seed: seed), format: settings.format,
            maxNewTokens: settings.maxNewTokens)
        evaluator.exampleCount = show
        let result = try evaluator.run(policy)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            for e in result.examples {
                print("\(e.correct ? "ok   " : "wrong") \(e.prompt)\n      \(e.response)   [answer \(e.answer)]")
            }
            print(
                String(
                    format: "accuracy %.4f on %d held-out problems (format %.3f, mean length %.1f chars)",
                    result.accuracy, result.n, result.formatRate, result.meanLength))
        }
    }
}
