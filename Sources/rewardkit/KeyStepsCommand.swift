import ArgumentParser
import Foundation
import JSONLines
import Rewards

/// `rewardkit keysteps`: adds StepRAR `key_steps` to rows from their reference solutions.
struct KeyStepsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keysteps",
        abstract: "Extract StepRAR key steps from each row's reference solution.",
        discussion: """
            Reads one JSON object per line, takes the reference solution (a `reference` field, else
            the `solution` / `answer` text; Mulberry `### Step N:` sections or free text) and writes
            the row back with `key_steps`: for each equation, named relation ("AD is a median") and
            key number with its context, a list of equivalent forms a model might write (LaTeX and
            plain, ×/*/\\times, spacing, the equation reversed, the result with its subject).
            A row without a reference becomes {"line": N, "error": "..."}.

            Exit codes: 0 all rows done, 3 some rows are error rows, 2 bad usage, 1 fatal error.

            Examples:
              rewardkit keysteps Fixtures/keysteps_quality.jsonl --out with_steps.jsonl
              cat train.jsonl | rewardkit keysteps --max-per-step 2 > train.keysteps.jsonl
            """
    )

    @Argument(help: ArgumentHelp("Input JSONL file, or - for standard input.", valueName: "INPUT"))
    var input: String = "-"

    @Option(name: .long, help: ArgumentHelp("Write rows here instead of standard output.", valueName: "FILE"))
    var out: String?

    @Option(name: .customLong("max-per-step"), help: "The most key steps taken from one step of a reference.")
    var maxPerStep = 3

    @Option(name: .customLong("max-forms"), help: "The most equivalent forms listed for one key step.")
    var maxForms = 24

    func validate() throws {
        guard maxPerStep >= 1 else { throw ValidationError("--max-per-step must be at least 1, got \(maxPerStep)") }
        guard maxForms >= 1 else { throw ValidationError("--max-forms must be at least 1, got \(maxForms)") }
    }

    func run() throws {
        let annotator = KeyStepAnnotator(extractor: KeyStepExtractor(maxPerStep: maxPerStep, maxForms: maxForms))
        let summary: KeyStepAnnotator.Summary
        do {
            let output = try OutputFile(target: out ?? "-")
            summary = try annotator.run(try ByteSource(path: input), into: output.sink)
            try output.commit()
        } catch {
            throw CLIError(error.message)
        }
        FileHandle.standardError.write(
            Data(
                String(
                    format: "extracted %d key steps from %d rows (%d errors, %d rows with none) in %.2f s\n",
                    summary.keySteps, summary.rows, summary.errors, summary.rowsWithoutKeySteps, summary.seconds
                ).utf8))
        if summary.errors > 0 { throw ExitCode(CLIExit.someRowsFailed.rawValue) }
    }
}
