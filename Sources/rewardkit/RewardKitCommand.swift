import ArgumentParser

/// `rewardkit`: the root command; each subcommand lives in its own file.
struct RewardKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewardkit",
        abstract: "Rewards, verifiers and group methods for RL post-training of reasoning models.",
        subcommands: [
            ScoreCommand.self, VerifyCommand.self, AdvantagesCommand.self, ExpandCommand.self, KeyStepsCommand.self,
            RegressCommand.self, AuditCommand.self, RunsCommand.self, BenchCommand.self, ServeCommand.self,
            RMCommand.self, TrainCommand.self,
        ]
    )
}
