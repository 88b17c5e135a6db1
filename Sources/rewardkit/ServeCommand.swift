import ArgumentParser
import Foundation
import ModelClient
import Rewards
import Server

/// `rewardkit serve`: the pipeline over HTTP for OpenRLHF, verl and TRL.
struct ServeCommand: AsyncCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve rewards over HTTP (OpenRLHF /get_reward, /score, /verify, /health, /metrics).",
        discussion: """
            Binds to 127.0.0.1 unless --host says otherwise. Endpoints:
              POST /get_reward  OpenRLHF's remote reward: {query, prompts, labels} -> {rewards, scores, extra_logs}
              POST /score       rows in RewardKit's schema (JSON array or JSONL) -> scored rows
              POST /verify      {gold, pred} or a list of them -> {match, reason, gold, predicted}
              GET  /health      status and the components scored
              GET  /metrics     Prometheus text
            Bad input is a 400 naming the field, a body over --max-body a 413, a missing or wrong key
            a 401. SIGTERM or SIGINT finishes the requests in flight, then exits 0.
            Slow clients are disconnected: no whole request head within --header-timeout
            (60 s), no body bytes for --body-timeout (60 s), no new request within
            --keepalive-timeout (75 s) of a response. At --max-connections (default:
            below the open-file limit) the connection that has waited longest for a
            request head is closed to make room.
            Give the key with --api-key-file or --api-key-env: --api-key puts it where
            `ps` shows it to every local user.

            Examples:
              rewardkit serve --preset r1 --port 8000
              rewardkit serve --config rewards.yaml --host 0.0.0.0 --api-key-file key.txt
              REWARDKIT_KEY=... rewardkit serve --preset r1 --api-key-env REWARDKIT_KEY
            """
    )

    @OptionGroup var specOptions: SpecOptions

    @Option(name: .long, help: "Address to bind (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "TCP port; 0 picks a free one (printed on start).")
    var port = 8000

    @OptionGroup var apiKeyOptions: APIKeyOptions

    @OptionGroup var connectionOptions: ConnectionOptions

    @Option(name: .long, help: ArgumentHelp("Largest request body in bytes (default 32 MiB).", valueName: "BYTES"))
    var maxBody = ServerConfiguration.defaultMaxBodyBytes

    @Option(name: .long, help: ArgumentHelp("Event-loop threads (default: the number of cores).", valueName: "N"))
    var workers: Int?

    @Option(
        name: .customLong("image-root"),
        help: ArgumentHelp(
            "Directory whose image files requests may name by path (symlinks resolved); without it only data URIs and URLs are sent to served models.",
            valueName: "DIR"))
    var imageRoot: String?

    @Option(name: .long, help: "Training step for annealed group transforms when /score?step= is not given.")
    var step = 0

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0-65535") }
        guard maxBody > 0 else { throw ValidationError("--max-body must be positive") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
    }

    func runAsync() async throws {
        let pipeline = try specOptions.pipeline(models: ModelClientContext(images: .inside(imageRoot)))
        let workers = workers ?? ProcessInfo.processInfo.activeProcessorCount
        let configuration = ServerConfiguration(
            host: host, port: port, apiKey: try apiKeyOptions.key(), maxBodyBytes: maxBody,
            workers: workers, defaultStep: step,
            connectionLimits: try connectionOptions.limits(workers: workers))
        let service = RewardService(pipeline: pipeline, defaultStep: step)
        let host = self.host
        do {
            try await RewardServer.run(service: service, configuration: configuration) { port in
                // Tests and scripts read the port from this line (it matters with --port 0).
                // Written unbuffered: stdout is a pipe there, and print() would hold the line back.
                FileHandle.standardOutput.write(
                    Data(
                        "rewardkit: serving \(pipeline.componentNames.joined(separator: "+")) on http://\(host):\(port)\n"
                            .utf8))
            }
        } catch {
            throw CLIError("cannot serve on \(host):\(port): \(error)")
        }
        FileHandle.standardError.write(Data("rewardkit: stopped\n".utf8))
    }
}
