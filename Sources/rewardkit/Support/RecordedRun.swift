import Foundation
import Rewards
import Store

/// A run recorded in the run database when it starts (status `running`) and updated when it ends,
/// so a run that was killed still leaves a trace. Without a store (`--no-db`) it records nothing.
struct RecordedRun: Sendable {
    private let store: RunStore?
    private let started: RunRecord

    /// Records the start of `command` on `input` writing `output` (nil: standard output).
    init(command: String, spec: RewardSpec, input: String, output: String?, in store: RunStore?) throws {
        self.store = store
        var record = RunRecord(
            startedAt: Date(), command: command, input: input, configText: spec.text, rows: 0, errors: 0,
            componentMeans: [:], seconds: 0, status: .running, output: output)
        if let store {
            do {
                record.id = try store.record(record)
            } catch {
                throw CLIError("cannot record the run: \(error) (use --no-db to score without recording the run)")
            }
        }
        started = record
    }

    /// When the run started.
    var startedAt: Date { started.startedAt }

    /// Records how the run ended: its status, what this run scored, and the whole rows now in
    /// the output (`rowsWritten`, which counts rows kept from an interrupted run it resumed).
    func end(_ status: RunStatus, summary: ScoreSummary, rowsWritten: Int) throws {
        guard let store else { return }
        var run = started
        run.status = status
        run.rows = summary.rows
        run.errors = summary.errors
        run.componentMeans = Dictionary(
            summary.componentMeans.map { ($0.name, $0.mean) } + [("reward", summary.rewardMean)],
            uniquingKeysWith: { first, _ in first })
        run.seconds = summary.seconds
        run.rowsPerSecond = summary.rowsPerSecond
        run.rowsWritten = rowsWritten
        do {
            try store.update(run)
        } catch {
            throw CLIError("the run ended (\(status.rawValue)), but the run database could not record it: \(error)")
        }
    }
}
