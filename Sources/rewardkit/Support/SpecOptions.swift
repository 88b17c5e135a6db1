import ArgumentParser
import ModelClient
import Rewards
import ThinkingRM

/// `--config FILE | --preset NAME`, shared by every command that builds a Pipeline.
struct SpecOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Reward config file (YAML or JSON).", valueName: "FILE"))
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Ready-made config: \(Presets.names.joined(separator: ", ")) (default r1).", valueName: "NAME"))
    var preset: String?

    func validate() throws {
        if config != nil && preset != nil {
            throw ValidationError("give --config or --preset, not both")
        }
    }

    /// The chosen spec; a config that cannot be read or parsed is a fatal error (exit 1).
    func spec() throws -> RewardSpec {
        if let preset, Presets.texts[preset] == nil {
            throw CLIError("unknown preset '\(preset)' (known: \(Presets.names.joined(separator: ", ")))", code: .usage)
        }
        do {
            if let config { return try RewardSpec.load(path: config) }
            return try RewardSpec.preset(preset ?? "r1")
        } catch {
            throw CLIError(error.message)
        }
    }

    /// The pipeline for the chosen spec; `models` brings the reply cache and image policy of
    /// rewards that call served models (`endpoint:`, `judge:`).
    func pipeline(models: ModelClientContext = ModelClientContext()) throws -> Pipeline {
        do {
            return try Pipeline(spec: try spec(), registry: RewardRegistry.withThinkingModel.withModelEndpoints(models))
        } catch let error as ConfigError {
            throw CLIError(error.message)
        }
    }
}
