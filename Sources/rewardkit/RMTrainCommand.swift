import ArgumentParser
import Foundation
import ThinkingRM

/// `rewardkit rm train`: trains a thinking reward model and writes its checkpoint.
struct RMTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a thinking reward model on graded, pairwise or step-labelled rows.",
        discussion: """
            The default model (mlp) reads hashed word and character n-grams of the response plus
            reasoning features (true/false stated calculations, answer follows the work, hedging,
            repetition, language mixing, question numbers used) into a small MLP trained with BCE on
            the soft scores. `transformer` reads the response's bytes with a small transformer encoder
            (slower; for comparison). The checkpoint stores the model kind and featuriser settings, so
            `rm eval`, `rm score` and `{name: thinking, model: PATH}` need no other flags.

            --data may mix graded rows {question, response, score} (or outcome-labelled rows with
            is_correct instead of score), pairwise rows {question, chosen,
            rejected} (the chosen response trains at 1, the rejected at 0; give --pairwise-weight for
            the Bradley-Terry term that orders them) and graded rows with `steps` and `first_error`
            (each prefix of the steps up to the first wrong one trains too: 1 while sound, 0 once it
            holds the error), which is what the step judge of `rm score` and `rm eval` scores.

            With --val, every epoch prints validation loss, MAE and within-question pairwise accuracy.
            A bad data row stops the run before training, naming its file, line and field.

            Examples:
              rewardkit rm synth --n 100000 --seed 7 --out rm_train.jsonl
              rewardkit rm synth --n 5000 --seed 8 --out rm_val.jsonl
              rewardkit rm train --data rm_train.jsonl --val rm_val.jsonl --out thinking.rkck
              rewardkit rm train --data train.jsonl --skip-fold 1/2 --out fold1.rkck   # then rm eval --fold 1/2
              rewardkit rm train --data rm_train.jsonl --model transformer --epochs 1 --out thinking-tf.rkck
            """
    )

    @Option(help: ArgumentHelp("Training rows (JSONL {question, response, score}).", valueName: "FILE"))
    var data: String

    @Option(help: "Model: mlp (default) or transformer.")
    var model: String = "mlp"

    @Option(help: ArgumentHelp("Write the checkpoint here.", valueName: "CKPT"))
    var out: String

    @Option(help: "Passes over the data.")
    var epochs: Int = 4

    @Option(help: "AdamW learning rate (default: 2e-3 for mlp, 1e-3 for transformer).")
    var lr: Float?

    @Option(help: ArgumentHelp("Validation rows, evaluated after every epoch.", valueName: "FILE"))
    var val: String?

    @Option(help: "Seed for initial weights and shuffling.")
    var seed: UInt64 = 1

    @Option(help: "Rows per step.")
    var batchSize: Int = 64

    @Option(help: "Weight of the within-question Bradley-Terry term added to BCE (0: BCE only).")
    var pairwiseWeight: Float = 0

    @Option(help: "Share of training rows whose n-grams are hidden, so the MLP leans on the reasoning features (0-1).")
    var ngramDropout: Float = 0

    @Option(help: "AdamW weight decay on the MLP's weights.")
    var weightDecay: Float = 0

    @Option(help: "Hidden width of the MLP.")
    var hidden: Int = 16

    @Option(help: "MLPs trained with seeds seed, seed+1, ... whose logits are averaged into one model.")
    var members: Int = 1

    @Option(help: "Weight in the logit of a linear model fitted to the n-grams alone (0: none).")
    var ngramLinear: Float = 0

    @Option(
        help: "Hash buckets for the MLP's n-grams (a power of two; fewer lean the model on the reasoning features).")
    var ngramDimension: Int = 1 << 18

    @Option(
        help: ArgumentHelp(
            "Leave out the rows whose group id (qid, group, ...) falls in fold I of K, to measure on it with `rm eval --fold I/K`.",
            valueName: "I/K"))
    var skipFold: String?

    @Flag(
        inversion: .prefixedNo, help: "Weight n-grams TF-IDF style (sublinear counts times inverse document frequency)."
    )
    var tfidf = true

    func validate() throws {
        guard ngramDropout >= 0 && ngramDropout <= 1 else {
            throw ValidationError("--ngram-dropout must be between 0 and 1")
        }
        guard RMTrainingOptions.ModelKind(rawValue: model) != nil else {
            throw ValidationError("--model must be mlp or transformer")
        }
        guard epochs >= 1 && epochs <= 1000 else { throw ValidationError("--epochs must be between 1 and 1000") }
        guard weightDecay >= 0 && weightDecay < 1 else { throw ValidationError("--weight-decay must be in [0, 1)") }
        guard hidden >= 1 && hidden <= 1024 else { throw ValidationError("--hidden must be between 1 and 1024") }
        guard ngramDimension >= 1 && ngramDimension <= 1 << 24 else {
            throw ValidationError("--ngram-dimension must be between 1 and 16777216")
        }
        guard members >= 1 && members <= 8 else { throw ValidationError("--members must be between 1 and 8") }
        guard ngramLinear >= 0 && ngramLinear.isFinite else { throw ValidationError("--ngram-linear must be >= 0") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1") }
        if let lr { guard lr > 0 && lr.isFinite else { throw ValidationError("--lr must be a positive number") } }
        guard pairwiseWeight >= 0 else { throw ValidationError("--pairwise-weight must be >= 0") }
        if let skipFold {
            guard RMFold(skipFold) != nil else {
                throw ValidationError("--skip-fold must be I/K with 0 <= I < K, e.g. 1/2")
            }
        }
    }

    func run() throws {
        let loaded: RMTrainingRows
        do { loaded = try RMTrainingRows.load(path: data, skipping: skipFold.flatMap(RMFold.init)) } catch {
            throw CLIError("\(error)")
        }
        guard !loaded.examples.isEmpty else { throw CLIError("\(data): no rows") }
        let training = loaded.examples
        RMCLI.printError(
            "read \(loaded.graded) graded, \(loaded.pairs) pairwise and \(loaded.stepped) step-labelled rows from \(data)\(loaded.skipped > 0 ? " (\(loaded.skipped) rows of fold \(skipFold ?? "") left out)" : ""): \(training.count) training examples\n"
        )
        let validation = try val.map(RMCLI.loadExamples)
        var options = RMTrainingOptions()
        options.model = RMTrainingOptions.ModelKind(rawValue: model) ?? .mlp
        options.epochs = epochs
        options.learningRate = lr
        options.seed = seed
        options.batchSize = batchSize
        options.pairwiseWeight = pairwiseWeight
        options.ngramDropout = ngramDropout
        options.tfidf = tfidf
        options.hidden = hidden
        options.weightDecay = weightDecay
        options.ngramDimension = ngramDimension
        options.members = members
        options.ngramLinearMix = ngramLinear
        let progress = RMTrainProgress(epochs: epochs)
        let started = Date()
        let cpuStart = CPUTime.now()
        let trained = RMTrainer.train(training, validation: validation, options: options) { progress.handle($0) }
        progress.finish()
        do { try ThinkingModelCheckpoint.write(trained, to: out) } catch { throw CLIError("\(error)") }
        let cpu = CPUTime.now() - cpuStart
        RMCLI.printError(
            String(
                format: "trained %@ on %d rows in %.1f s (CPU %.1f s); wrote %@\n", trained.kindName, training.count,
                Date().timeIntervalSince(started), cpu, out))
    }
}

/// Training progress on standard error: a redrawn bar on a terminal, plain lines otherwise.
final class RMTrainProgress {
    private let epochs: Int
    private let tty = isatty(2) == 1
    private var lastDraw = Date.distantPast

    init(epochs: Int) { self.epochs = epochs }

    func handle(_ event: RMTrainingEvent) {
        switch event {
        case let .featurized(rows, seconds):
            if seconds > 0 { RMCLI.printError(String(format: "featurised %d rows in %.1f s\n", rows, seconds)) }
        case let .step(epoch, done, total, loss):
            guard tty, Date().timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
            lastDraw = Date()
            let width = 30, filled = total > 0 ? done * width / total : width
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            RMCLI.printError(
                String(
                    format: "\rEpoch %d/%d [%@] %d/%d steps  loss %.4f\u{1B}[K", epoch, epochs, bar, done, total, loss))
        case let .epoch(r):
            if tty { RMCLI.printError("\r\u{1B}[K") }
            var line = String(format: "epoch %d/%d  train loss %.4f  %.1f s", r.epoch, epochs, r.trainLoss, r.seconds)
            if let member = r.member { line = "member \(member + 1): " + line }
            if let v = r.validation, let loss = r.validationLoss {
                line += String(
                    format: "  | val loss %.4f  MAE %.4f  pairwise acc %.4f (%d pairs)", loss, v.mae,
                    v.pairwiseAccuracy, v.pairs)
            }
            RMCLI.printError(line + "\n")
        case let .combined(loss, v):
            RMCLI.printError(
                String(
                    format: "whole model  | val loss %.4f  MAE %.4f  pairwise acc %.4f (%d pairs)\n", loss, v.mae,
                    v.pairwiseAccuracy, v.pairs))
        }
    }

    func finish() { if tty { RMCLI.printError("\r\u{1B}[K") } }
}

/// Helpers shared by the `rm` subcommands.
enum RMCLI {
    /// Graded rows of `path`; any bad row is a fatal error listing the first few, each naming
    /// its file, line and field.
    static func loadExamples(_ path: String) throws -> [RMExample] {
        let result: RMLoadResult<RMExample>
        do { result = try RMDataset.loadCollecting(path: path) } catch { throw CLIError("\(error)") }
        if !result.errors.isEmpty {
            let shown = result.errors.prefix(5).map(\.description).joined(separator: "\n  ")
            let more = result.errors.count > 5 ? "\n  ... and \(result.errors.count - 5) more" : ""
            throw CLIError("\(result.errors.count) bad row(s) in \(path):\n  \(shown)\(more)")
        }
        guard !result.rows.isEmpty else { throw CLIError("\(path): no rows") }
        return result.rows
    }

    /// Loads a checkpoint; a missing, corrupt or foreign file is a fatal error naming it.
    static func loadModel(_ path: String) throws -> ThinkingRewardModel {
        do { return try ThinkingRewardModel.load(path: path) } catch { throw CLIError("\(error)") }
    }

    /// One number per non-blank line of `path`, exactly `count` of them; a bad line names itself.
    static func loadPredictions(_ path: String, count: Int) throws -> [Double] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIError("\(path): cannot read the file")
        }
        var out: [Double] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let x = Double(trimmed), x.isFinite else {
                throw CLIError("\(path): line \(i + 1): '\(trimmed)' is not a number")
            }
            out.append(x)
        }
        guard out.count == count else { throw CLIError("\(path): \(out.count) predictions for \(count) data rows") }
        return out
    }

    static func printError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
