import ArgumentParser

/// `rewardkit`: the root command; each subcommand lives in its own file.
struct RewardKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewardkit",
        abstract: "Rewards, verifiers and group methods for RL post-training of reasoning models.",
        subcommands: [ScoreCommand.self, AdvantagesCommand.self, ExpandCommand.self, RegressCommand.self, RunsCommand.self, BenchCommand.self, RMCommand.self]
    )
}
