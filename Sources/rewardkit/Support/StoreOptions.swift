import ArgumentParser
import Foundation
import Rewards
import Store

/// `--db FILE` / `--no-db`: where a command records its run.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Run database (default \(RunStore.defaultPath)).", valueName: "FILE"))
    var db: String?

    @Flag(name: .customLong("no-db"), help: "Do not record this run.")
    var noDB = false

    func validate() throws {
        if db != nil && noDB { throw ValidationError("give --db or --no-db, not both") }
    }

    /// The store to record into, opened before any work so a bad database fails fast (exit 1)
    /// instead of after a long run; nil with --no-db.
    func open() throws -> RunStore? {
        guard !noDB else { return nil }
        do {
            return try RunStore.open(at: db ?? RunStore.defaultPath)
        } catch {
            throw CLIFailure("\(error) (use --no-db to score without recording the run)")
        }
    }

    /// Records a finished scoring run.
    static func record(_ summary: ScoreSummary, spec: RewardSpec, input: String, startedAt: Date, in store: RunStore?) throws {
        guard let store else { return }
        let means = Dictionary(summary.componentMeans.map { ($0.name, $0.mean) } + [("reward", summary.rewardMean)],
                               uniquingKeysWith: { first, _ in first })
        let run = RunRecord(startedAt: startedAt, command: "score", input: input, configText: spec.text,
                            rows: summary.rows, errors: summary.errors, componentMeans: means,
                            seconds: summary.seconds, rowsPerSecond: summary.rowsPerSecond)
        do {
            try store.record(run)
        } catch {
            throw CLIFailure("the rows were scored and written, but the run could not be recorded: \(error)")
        }
    }
}
