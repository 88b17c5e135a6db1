import ArgumentParser
import Foundation
import JSONLines
import ModelClient
import Rewards
import Store

/// `rewardkit score`: rewards for every row of a JSONL file.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score trajectories from JSONL with a reward config.",
        discussion: """
            Reads one JSON object per line (prompt/response/answer, or the verl, TRL and OpenRLHF
            field names) and writes each row back with `rewards` {component: value} and `reward`
            (the weighted total). A row that cannot be scored becomes {"line": N, "error": "..."}.

            Exit codes: 0 all rows scored, 3 some rows are error rows, 2 bad usage, 1 fatal error.

            --out FILE is written as .FILE.partial beside it and renamed when the run is
            done. SIGINT or SIGTERM stops after the rows in hand, keeps .FILE.partial,
            records the run as interrupted and exits 130 or 143; --resume finishes it
            (same input and config) into the bytes an uninterrupted run writes.

            Examples:
              rewardkit score Fixtures/rollouts.jsonl --out scored.jsonl
              cat rollouts.jsonl | rewardkit score --preset r1 --explain
              rewardkit score rollouts.jsonl --config rewards.yaml --no-db
              rewardkit score big.jsonl --out big.scored.jsonl --resume
            """
    )

    @Argument(help: ArgumentHelp("Input JSONL file, or - for standard input.", valueName: "INPUT"))
    var input: String = "-"

    @Option(name: .long, help: ArgumentHelp("Write scored rows here instead of standard output.", valueName: "FILE"))
    var out: String?

    @OptionGroup var specOptions: SpecOptions

    @Option(name: .long, help: "Training step, for annealed group transforms (Trust-GRPO).")
    var step: Int?

    @Flag(name: .long, help: "Add an `explanations` object saying why each component scored as it did.")
    var explain = false

    @Flag(
        name: .long,
        help:
            "Continue the interrupted run whose rows are kept beside --out (.NAME.partial): check them against the input's first rows, score the rest, rename."
    )
    var resume = false

    @OptionGroup var storeOptions: StoreOptions

    @Flag(
        name: .customLong("no-cache"),
        help:
            "Call served models (endpoint:, judge:) for every row instead of reusing replies cached in the run database."
    )
    var noCache = false

    func validate() throws {
        if resume && out == nil {
            throw ValidationError("--resume needs --out: it continues the rows kept beside that file")
        }
        if resume && input == "-" {
            throw ValidationError("--resume needs an input file: it reads the input's first rows again")
        }
    }

    func run() throws {
        let store = try storeOptions.open()
        let cache = noCache ? nil : store.map { StoreReplyCache(database: $0) as any ModelReplyCache }
        let pipeline = try specOptions.pipeline(models: ModelClientContext(cache: cache))
        if let group = pipeline.group {
            if resume {
                throw CLIError(
                    "--resume continues configs without group steps; this one has `group:` (its output is written at the end)",
                    code: .usage)
            }
            return try runGroups(pipeline, group: group, store: store)
        }
        let stop = StopRequest()
        let signals = StopSignals(stop)
        defer { withExtendedLifetime(signals) {} }
        var options = JSONLScorer.Options()
        options.explain = explain
        options.stop = stop
        let source: ByteSource, output: OutputFile, kept: Int
        if resume {
            (source, output, kept) = try openResumed(
                JSONLScorer(pipeline: pipeline, options: options), options: &options)
        } else {
            (source, output) = try StreamingScore.open(input: input, out: out)
            kept = 0
        }
        let run = try RecordedRun(command: "score", spec: pipeline.spec, input: input, output: out, in: store)
        let summary: ScoreSummary
        do {
            summary = try StreamingScore.run(
                JSONLScorer(pipeline: pipeline, options: options), from: source, into: output.sink)
        } catch {
            try? run.end(.failed, summary: ScoreSummary(componentNames: pipeline.componentNames), rowsWritten: 0)
            throw error
        }
        FileHandle.standardError.write(
            Data((SummaryText.render(summary) + SummaryText.render(pipeline.modelUsage())).utf8))
        if summary.interrupted, let signal = stop.signal {
            output.keep()
            try run.end(.interrupted, summary: summary, rowsWritten: kept + summary.rows)
            let keptNote =
                output.partialPath.map {
                    "; the \(kept + summary.rows) rows written are kept in \($0): continue with --resume"
                } ?? ""
            FileHandle.standardError.write(
                Data("rewardkit: interrupted by \(signal == SIGINT ? "SIGINT" : "SIGTERM")\(keptNote)\n".utf8))
            throw ExitCode(StopSignals.exitStatus(for: signal))
        }
        do { try output.commit() } catch {
            try? run.end(.failed, summary: summary, rowsWritten: 0)
            throw CLIError(error.message)
        }
        try run.end(.complete, summary: summary, rowsWritten: kept + summary.rows)
        if summary.errors > 0 { throw ExitCode(CLIExit.someRowsFailed.rawValue) }
    }

    /// The input positioned after the rows an interrupted run kept, and the partial output cut to
    /// those whole rows and open for appending; `options.firstLine` becomes the next line's number.
    private func openResumed(
        _ checker: JSONLScorer, options: inout JSONLScorer.Options
    ) throws -> (ByteSource, OutputFile, Int) {
        let target = out ?? "-"
        let partial = OutputFile.partialPath(for: target)
        guard FileManager.default.fileExists(atPath: partial) else {
            throw CLIError(
                "nothing to resume for \(target): \(partial) does not exist (run without --resume to start over)")
        }
        do {
            let point = try checker.resumePoint(input: try ByteSource(path: input), kept: try ByteSource(path: partial))
            guard truncate(partial, off_t(point.keptBytes)) == 0 else {
                throw IOError(
                    "cannot cut \(partial) to its \(point.rows) whole rows: \(String(cString: strerror(errno)))")
            }
            let source = try ByteSource(path: input)
            try source.seek(to: point.inputOffset)
            options.firstLine = point.nextLine
            FileHandle.standardError.write(
                Data(
                    "rewardkit: resuming \(target) after \(point.rows) kept rows (input line \(point.nextLine) on)\n"
                        .utf8))
            return (source, try OutputFile(target: target, resuming: true), point.rows)
        } catch let refusal as ResumeError {
            throw CLIError("cannot resume \(target): \(refusal) (run without --resume to start over)")
        } catch {
            throw CLIError("cannot resume \(target): \(error)")
        }
    }

    /// Scoring with group steps: the whole input is read before anything is written, so a signal
    /// has nothing to keep; it records the run as interrupted, removes the partial output and exits.
    private func runGroups(_ pipeline: Pipeline, group: GroupSpec, store: RunStore?) throws {
        let run = try RecordedRun(command: "score", spec: pipeline.spec, input: input, output: out, in: store)
        let names = pipeline.componentNames
        // Installed before the partial file exists, so no signal can find it unhandled.
        let partial = out.map(OutputFile.partialPath(for:))
        let signals = StopSignals(StopRequest()) { signal in
            try? run.end(.interrupted, summary: ScoreSummary(componentNames: names), rowsWritten: 0)
            if let partial { unlink(partial) }
            _exit(StopSignals.exitStatus(for: signal))
        }
        defer { withExtendedLifetime(signals) {} }
        let source: ByteSource, output: OutputFile
        do {
            (source, output) = try StreamingScore.open(input: input, out: out)
        } catch {
            try? run.end(.failed, summary: ScoreSummary(componentNames: names), rowsWritten: 0)
            throw error
        }
        // Groups can span the file, so the group step reads it whole (no streaming progress).
        let scorer = BatchScorer(
            rewards: .pipeline(pipeline), stage: GroupStage(spec: group, step: step ?? 0), explain: explain)
        let summary: ScoreSummary, groupSummary: GroupStage.Summary
        do {
            (summary, groupSummary) = try scorer.run(source, into: output.sink)
            try output.commit()
        } catch {
            try? run.end(.failed, summary: ScoreSummary(componentNames: names), rowsWritten: 0)
            throw CLIError(error.message)
        }
        FileHandle.standardError.write(
            Data(
                (SummaryText.render(summary) + SummaryText.render(groupSummary, spec: group)
                    + SummaryText.render(pipeline.modelUsage())).utf8))
        try run.end(.complete, summary: summary, rowsWritten: groupSummary.rowsOut)
        if summary.errors > 0 { throw ExitCode(CLIExit.someRowsFailed.rawValue) }
    }
}

/// The summary printed to standard error after a scoring run.
enum SummaryText {
    /// Rows, errors, time and rate on one line; then the mean of each component and of the total.
    static func render(_ s: ScoreSummary) -> String {
        var text = String(
            format: "scored %d rows (%d errors) in %.2f s: %.0f rows/s, %.1f MB/s\n",
            s.rows, s.errors, s.seconds, s.rowsPerSecond, s.megabytesPerSecond)
        let width = max(6, s.componentNames.map(\.count).max() ?? 0)
        for (name, mean) in s.componentMeans {
            text +=
                "  " + name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: "  mean %.4f\n", mean)
        }
        text +=
            "  " + "reward".padding(toLength: width, withPad: " ", startingAt: 0)
            + String(format: "  mean %.4f\n", s.rewardMean)
        if let warning = s.vanishedTagsWarning { text += warning + "\n" }
        return text
    }

    /// One line per reward that called a served model: calls, cache hits, retries, failures, latency.
    static func render(_ usage: [RewardUsage]) -> String {
        usage.map { "  model calls: \($0.summaryLine)\n" }.joined()
    }

    /// Group counts, `frac_zero_std` (before and after Share-GRPO expansion) and the trust mean.
    static func render(_ g: GroupStage.Summary, spec: GroupSpec) -> String {
        var text = String(
            format: "groups: %d (size %d-%d), estimator %@, frac_zero_std %.4f", g.groups, g.minSize, g.maxSize,
            spec.estimator.rawValue, g.fracZeroStd)
        if let before = g.fracZeroStdBeforeSharing {
            text = String(
                format:
                    "groups: %d questions (%d-%d responses), estimator %@, frac_zero_std %.4f per variant before sharing, %.4f per question after; %d rows written",
                g.groups, g.minSize, g.maxSize, spec.estimator.rawValue, before, g.fracZeroStd, g.rowsOut)
        }
        if let trust = g.trustMean {
            text += String(format: "; trust (%@) mean gamma %.4f", spec.trust.mode.rawValue, trust)
        }
        return text + "\n"
    }
}
