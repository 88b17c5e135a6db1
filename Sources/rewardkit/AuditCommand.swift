import ArgumentParser
import Foundation
import Rewards

/// `rewardkit audit`: how often the accuracy verifier disagrees with labels on the user's own rollouts.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Measure the accuracy verifier against correctness labels on labelled rollouts.",
        discussion: """
            Reads JSONL rollouts (response, answer and their aliases, options, problem_type) with a boolean
            label field named by --label, judges each as the accuracy reward of the config scores it (its
            verifier alone: a format gate is not applied; problem_type multiple_choice reads option letters,
            and an OCR or free-form score of at least 0.5 counts as accepted) and reports agreement with the labels, false accepts (accepted,
            labelled wrong) and false rejects (rejected, labelled correct), by extraction path and by
            answer kind of the gold, with examples of each error. Labels may be true/false, "true"/"false"
            or 1/0. A row that cannot be read is listed with its line and the exit status is 3.

            --peer math-verify judges the same rollouts with math-verify (verify(parse(answer),
            parse(response)), default configs) in Python, side by side; it needs a Python that can import
            math_verify (--peer-python, or $REWARDKIT_PYTHON, else python3 on PATH). When it cannot, the
            report says so and shows the accuracy figures alone.

            Examples:
              rewardkit audit rollouts.jsonl --label is_correct
              rewardkit audit rollouts.jsonl --label is_correct --extraction fallback --peer math-verify
              rewardkit audit rollouts.jsonl --label correct --config rewards.yaml --examples 10 --json
            """
    )

    @Argument(help: ArgumentHelp("Labelled rollouts (JSONL).", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("The boolean field that says whether a response is correct.", valueName: "FIELD"))
    var label: String

    @OptionGroup var spec: SpecOptions

    @Option(help: ArgumentHelp("Answer extraction: anchored or fallback (default: the config's).", valueName: "MODE"))
    var extraction: String?

    @Option(help: ArgumentHelp("A peer verifier to run side by side: math-verify.", valueName: "NAME"))
    var peer: String?

    @Option(
        name: .customLong("peer-python"),
        help: ArgumentHelp("The Python that runs the peer (default $REWARDKIT_PYTHON or python3).", valueName: "PATH"))
    var peerPython: String?

    @Option(name: .customLong("peer-workers"), help: "Processes the peer judges with.")
    var peerWorkers = 2

    @Option(help: "Examples shown of each error kind.")
    var examples = 3

    @Flag(help: "Print the report as one JSON object.")
    var json = false

    static let extractionModes = ["anchored", "fallback"]

    func validate() throws {
        if let extraction, !Self.extractionModes.contains(extraction) {
            throw ValidationError("--extraction must be anchored or fallback")
        }
        if let peer, peer != MathVerifyPeer.name { throw ValidationError("--peer must be \(MathVerifyPeer.name)") }
        guard examples >= 0 else { throw ValidationError("--examples must not be negative") }
        guard peerWorkers >= 1 else { throw ValidationError("--peer-workers must be at least 1") }
        if peer == nil && (peerPython != nil) { throw ValidationError("--peer-python needs --peer") }
    }

    func run() throws {
        let reward = try accuracyReward()
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw CLIError("cannot read \(file)")
        }
        let (read, unreadableRows) = LabeledRolloutReader(labelField: label).read(text)
        let bar = ProgressBar(rows: read.count)
        let judged = AccuracyAuditor(reward: reward).judge(read) { bar.update(rows: $0) }
        bar.finish()
        let rollouts = judged.rollouts
        let unreadable = (unreadableRows + judged.failures).sorted { $0.line < $1.line }
        let ours = VerifierAudit(
            name: "accuracy", rollouts: rollouts, golds: judged.golds, verdicts: judged.verdicts,
            examples: examples, seconds: judged.seconds)
        var report = AuditReport(
            file: file, labelField: label, extraction: extraction, unreadable: unreadable, ours: ours)
        if peer != nil {
            let mathVerify = MathVerifyPeer(
                python: peerPython ?? ProcessInfo.processInfo.environment["REWARDKIT_PYTHON"] ?? "python3",
                workers: peerWorkers)
            if let reason = mathVerify.unavailability() {
                report.peerUnavailable = reason
                FileHandle.standardError.write(
                    Data("rewardkit: peer \(MathVerifyPeer.name) unavailable: \(reason)\n".utf8))
            } else {
                let peerJudged: (accepted: [Bool], seconds: Double)
                do { peerJudged = try mathVerify.verdicts(rollouts.map { ($0.reference, $0.response) }) } catch {
                    throw CLIError(error.message)
                }
                report.peer = VerifierAudit(
                    name: MathVerifyPeer.name, rollouts: rollouts, golds: judged.golds,
                    verdicts: peerJudged.accepted.map { AuditVerdict(accepted: $0) },
                    examples: examples, seconds: peerJudged.seconds)
            }
        }
        print(json ? report.json() : AuditText.render(report, peerWorkers: peerWorkers), terminator: "")
        if !unreadable.isEmpty { throw ExitCode(CLIExit.someRowsFailed.rawValue) }
    }

    /// The accuracy reward of the chosen config, without its format gate, with `--extraction` set
    /// when given (the reward itself rejects a mode it does not know).
    private func accuracyReward() throws -> AccuracyReward {
        let chosen = try spec.spec()
        guard let entry = chosen.rewards.first(where: { $0.name == "accuracy" }) else {
            throw CLIError(
                "the config has no accuracy entry to audit (rewards: \(chosen.rewards.map(\.name).joined(separator: ", ")))"
            )
        }
        var values = entry.options.values.filter { $0.key != "format_gate" && $0.key != "extraction" }
        if let mode = extraction ?? entry.options["extraction"]?.stringValue {
            values.append(("extraction", .string(mode)))
        }
        do {
            return try AccuracyReward(options: RewardOptions(rewardName: "accuracy", values: values))
        } catch {
            throw CLIError(error.message)
        }
    }
}
