import ArgumentParser
import Foundation
import Rewards

/// `--db FILE` / `--no-db`: where a command records its run.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Run database (default .rewardkit/rewardkit.sqlite).", valueName: "FILE"))
    var db: String?

    @Flag(name: .customLong("no-db"), help: "Do not record this run.")
    var noDB = false

    func validate() throws {
        if db != nil && noDB { throw ValidationError("give --db or --no-db, not both") }
    }

    /// Records a scoring run (filled in with the store).
    func record(summary: ScoreSummary, spec: RewardSpec, input: String, startedAt: Date, step: Int?) throws {}
}
