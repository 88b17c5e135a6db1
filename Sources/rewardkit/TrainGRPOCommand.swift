import ArgumentParser
import Foundation
import GRPO
import NN
import Rewards

/// `rewardkit train grpo`: the GRPO loop with a log line per step, checkpoints and a report.
struct TrainGRPOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grpo",
        abstract:
            "GRPO from an SFT checkpoint with any reward config; logs JSONL, writes an HTML report beside the log.",
        discussion: """
            Each step samples --group responses for each of --batch prompts, scores them with the config
            (the same Pipeline and group step as `rewardkit score`), and takes the clipped surrogate with
            --beta * k3 KL to the frozen SFT policy. Held-out greedy accuracy is logged every --eval-every
            steps and at the start and end. --resume continues the run saved at --out exactly.

            Example:
              rewardkit train grpo --init sft.ckpt --preset r1 --out grpo.ckpt --log grpo.jsonl
              rewardkit train grpo --init sft.ckpt --config rewards.yaml --out g.ckpt --loss dr_grpo --clip-high 0.28
            """
    )

    @OptionGroup var taskOptions: TaskOptions
    @OptionGroup var specOptions: SpecOptions

    @Option(name: .customLong("init"), help: ArgumentHelp("Starting policy (from `train sft`).", valueName: "CKPT"))
    var initial: String?

    @Option(
        help: ArgumentHelp(
            "Checkpoint of the run (written every --save-every steps and at the end).", valueName: "CKPT"))
    var out: String

    @Option(
        help: ArgumentHelp(
            "JSONL log, one line per step; the report goes beside it as .html (default: OUT.log.jsonl).",
            valueName: "FILE"))
    var log: String?

    @Option(help: "Steps: the run's budget (--max-minutes can stop it earlier).") var steps: Int = GRPOSettings().steps
    @Option(help: "Responses per prompt.") var group: Int = GRPOSettings().group
    @Option(help: "Prompts per step.") var batch: Int = GRPOSettings().batch
    @Option(help: "Learning rate.") var lr: Float = GRPOSettings().learningRate
    @Option(help: "KL weight (k3 estimator).") var beta: Double = GRPOSettings().loss.beta
    @Option(help: "Lower clip epsilon.") var clipLow: Double = GRPOSettings().loss.clipLow
    @Option(help: "Upper clip epsilon (DAPO clip-higher).") var clipHigh: Double = GRPOSettings().loss.clipHigh
    @Option(help: "Loss aggregation: grpo, token_mean or dr_grpo.") var loss: String = "grpo"
    @Option(help: "Optimiser steps per batch of samples.") var minibatches: Int = GRPOSettings().minibatches
    @Option(help: "Sampling temperature.") var temperature: Float = 1
    @Option(help: "Sampling top-p.") var topP: Float = 1
    @Option(help: "share_grpo: variants per question, the original included.") var variants: Int = GRPOSettings()
        .variants
    @Option(help: "Evaluate held-out accuracy every N steps.") var evalEvery: Int = GRPOSettings().evalEvery
    @Option(help: "Held-out problems per evaluation.") var evalN: Int = GRPOSettings().evalN
    @Option(help: "Save the run every N steps.") var saveEvery: Int = 25
    @Option(
        help:
            "Stop starting steps after this many minutes (0 = no limit, the default; a wall-time stop depends on load, so the run no longer repeats)."
    ) var maxMinutes: Double = GRPOSettings().maxMinutes
    @Option(help: "Run seed.") var seed: UInt64 = 1
    @Flag(help: "Continue the run saved at --out.") var resume = false

    func validate() throws {
        if !resume && initial == nil { throw ValidationError("give --init CKPT (the SFT policy), or --resume") }
        guard group >= 2, batch >= 1, steps >= 1, minibatches >= 1, variants >= 1 else {
            throw ValidationError(
                "--group must be at least 2; --batch, --steps, --minibatches and --variants at least 1")
        }
        guard LossAggregation(rawValue: loss) != nil else {
            throw ValidationError("--loss must be grpo, token_mean or dr_grpo")
        }
    }

    func settings() throws -> GRPOSettings {
        var s = GRPOSettings()
        s.adapt(to: try taskOptions.responseFormat())
        s.steps = steps; s.group = group; s.batch = batch; s.learningRate = lr
        s.loss.beta = beta; s.loss.clipLow = clipLow; s.loss.clipHigh = clipHigh
        s.loss.aggregation = LossAggregation(rawValue: loss) ?? .grpo
        s.minibatches = minibatches; s.sampling.temperature = temperature; s.sampling.topP = topP
        s.variants = variants; s.evalEvery = evalEvery; s.evalN = evalN; s.maxMinutes = maxMinutes; s.seed = seed
        return s
    }

    func run() throws {
        TrainingProcess.configure()
        let settings = try settings()
        let pipeline = try specOptions.pipeline()
        let task = try taskOptions.source()
        let trainer: GRPOTrainer
        do {
            if resume {
                let optimizer = AdamW(learningRate: settings.learningRate, weightDecay: 0)
                let run = try PolicyCheckpoint.loadRun(path: out, optimizer: optimizer)
                trainer = try GRPOTrainer(
                    policy: run.policy, pipeline: pipeline, task: task, settings: settings,
                    resumed: (run.reference, optimizer, run.state))
            } else {
                trainer = try GRPOTrainer(
                    policy: try PolicyCheckpoint.loadPolicy(path: initial ?? ""), pipeline: pipeline, task: task,
                    settings: settings)
            }
        } catch let e as TrainingError {
            throw CLIError(e.message)
        } catch {
            throw CLIError("\(error)")
        }
        let logPath = log ?? out + ".log.jsonl"
        let logFile = try TrainingLogFile(path: logPath, append: resume)
        if trainer.state.step == 0 {
            var start = StepLog(step: 0)
            let e = try trainer.evaluate()
            start.evalAccuracy = e.accuracy
            start.evalN = e.n
            try logFile.append(start)
            note(String(format: "step 0: held-out accuracy %.3f (n=%d)", e.accuracy, e.n))
        }
        let progress = TrainingProgress(total: settings.steps)
        let budgetStart = Date()
        while trainer.state.step < settings.steps {
            if settings.maxMinutes > 0 && Date().timeIntervalSince(budgetStart) > settings.maxMinutes * 60 {
                progress.finish()
                note("stopping at step \(trainer.state.step): --max-minutes \(settings.maxMinutes) reached")
                break
            }
            var line: StepLog
            do { line = try trainer.step() } catch let e as TrainingError { throw CLIError(e.message) }
            let done = trainer.state.step
            if trainer.evaluates(after: done) || done == settings.steps {
                let e = try trainer.evaluate()
                line.evalAccuracy = e.accuracy
                line.evalN = e.n
            }
            try logFile.append(line)
            progress.update(line)
            if let eval = line.evalAccuracy {
                progress.finish()
                note(
                    String(
                        format: "step %d: held-out accuracy %.3f, train accuracy %.3f, reward %.3f, %.0f tok/s, %.0f s",
                        done, eval, line.accuracy ?? 0, line.rewardMean ?? 0, line.tokensPerSecond ?? 0,
                        line.wallSeconds ?? 0))
            }
            if done % saveEvery == 0 { try save(trainer) }
        }
        // A budget stop still ends with an evaluation, so the log's last point is the final policy.
        let lines = try TrainingReport.readLog(path: logPath)
        if let last = lines.last, last.evalAccuracy == nil {
            var final = StepLog(step: trainer.state.step)
            let e = try trainer.evaluate()
            final.evalAccuracy = e.accuracy
            final.evalN = e.n
            try logFile.append(final)
            note(String(format: "step %d: held-out accuracy %.3f", trainer.state.step, e.accuracy))
        }
        try save(trainer)
        let reportPath = TrainReportCommand.defaultReportPath(forLog: logPath)
        let page = TrainingReport.html(
            try TrainingReport.readLog(path: logPath),
            title: "GRPO run: \(specOptions.preset ?? specOptions.config ?? "r1")")
        do { try page.write(toFile: reportPath, atomically: true, encoding: .utf8) } catch {
            throw CLIError("cannot write \(reportPath): \(error)")
        }
        note("wrote \(out), \(logPath) and \(reportPath)")
    }

    private func save(_ trainer: GRPOTrainer) throws {
        do { try trainer.save(to: out) } catch { throw CLIError("cannot write \(out): \(error)") }
    }

    private func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}

/// `rewardkit train report`: the HTML report of a training log, or the comparison of several.
struct TrainReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the HTML report (curves as inline SVG) of a GRPO training log, or compare methods over seeds.",
        discussion: """
            With one --log FILE: that run's summary and curves. With NAME=FILE logs (repeat a NAME for its
            seeds): per method, held-out accuracy at start and end and frac_zero_std as mean ± standard
            error over seeds, which gain differences exceed twice their noise, and held-out accuracy
            against step per method.

            Example:
              rewardkit train report --log grpo.jsonl --out grpo.html
              rewardkit train report --log r1=r1-s1.jsonl --log r1=r1-s2.jsonl --log sophiavl=sv-s1.jsonl --log sophiavl=sv-s2.jsonl --out ablation.html --markdown
            """
    )

    @Option(
        help: ArgumentHelp(
            "A JSONL training log, or NAME=FILE (repeat) to compare methods over seeds.", valueName: "[NAME=]FILE"))
    var log: [String]
    @Option(
        help: ArgumentHelp(
            "The page to write (default: the log's name with .html; comparison.html for several).",
            valueName: "FILE.html")) var out: String?
    @Flag(help: "Also print the comparison's tables as Markdown on stdout.") var markdown = false

    static func defaultReportPath(forLog log: String) -> String {
        (log.hasSuffix(".jsonl") ? String(log.dropLast(".jsonl".count)) : log) + ".html"
    }

    func validate() throws {
        if log.isEmpty { throw ValidationError("give --log FILE, or several --log NAME=FILE") }
    }

    func run() throws {
        let named = log.map { entry -> (name: String, path: String) in
            guard let eq = entry.firstIndex(of: "="), !FileManager.default.fileExists(atPath: entry) else {
                return (entry, entry)
            }
            return (String(entry[..<eq]), String(entry[entry.index(after: eq)...]))
        }
        var runs: [(name: String, log: [StepLog])] = []
        for run in named {
            do { runs.append((run.name, try TrainingReport.readLog(path: run.path))) } catch {
                throw CLIError(error.message)
            }
        }
        let path: String, page: String
        if runs.count == 1 && !markdown {
            path = out ?? Self.defaultReportPath(forLog: named[0].path)
            page = TrainingReport.html(runs[0].log, title: "GRPO run: \(named[0].path)")
        } else {
            let comparison = RunComparison(runs: runs)
            path = out ?? "comparison.html"
            page = comparison.html(title: "GRPO methods over seeds")
            if markdown { print(comparison.markdown, terminator: "") }
        }
        do { try page.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw CLIError("cannot write \(path): \(error)")
        }
        FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
    }
}
