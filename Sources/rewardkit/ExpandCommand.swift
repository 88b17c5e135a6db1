import ArgumentParser
import Foundation
import Images
import JSONLines
import Rewards

/// `rewardkit expand`: Share-GRPO question variants that keep the answer, with transformed images.
struct ExpandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expand",
        abstract: "Write M variants of each question (the original plus M-1 answer-keeping rewrites) for Share-GRPO.",
        discussion: """
            Each row with a text prompt (prompt/question/problem) becomes M rows: variant 0 is the row \
            as it was; variants 1..M-1 rephrase the instruction and may swap connectives, swap two \
            self-contained statements, write small numbers as words (or back), shuffle multiple-choice \
            options with the answer letter remapped, and (with --hint) add a hint sentence. Every row \
            gains `group` (kept if present, else "q<line>"), `variant` and `rewrites`.

            Images (R1-ShareVL's online expansion): a row's `images` or `image` field (a path or a list \
            of paths, relative to the input file or absolute) is read through libvips (JPEG, PNG, WebP). \
            Each variant after the original draws, with probability --image-prob, one of the \
            --image-transforms: rotate_90cw, rotate_90ccw, rotate_180, flip_vertical, flip_horizontal, \
            flip_both, noise_10, noise_25, noise_50 (Gaussian noise with that standard deviation on \
            0-255 pixels, clipped). The transformed images are written, in their original format, beside \
            --out (or into --image-dir); the variant row names them, records `image_transform`, and \
            starts its question with a hint saying what was done. Paths in the output are relative to \
            the output file (absolute ones stay absolute). The same --seed gives the same rows and the \
            same image bytes.

            --hint-mode released reproduces the released R1-ShareVL code's hints, mismatch included: its \
            hints for rotate_90cw and rotate_90ccw name the opposite direction from the one the pixels \
            were turned. Use it only to reproduce the release's runs.

            A row whose image is missing, unreadable or not an image becomes an error row naming the \
            line and the path; the other rows go on and the exit status is 3.

            Example:
              rewardkit expand questions.jsonl --variants 2 --seed 7 --out variants.jsonl
            """
    )

    @Argument(help: ArgumentHelp("Input JSONL file, or - for standard input.", valueName: "INPUT"))
    var input: String = "-"

    @Option(name: .long, help: ArgumentHelp("Write rows here instead of standard output.", valueName: "FILE"))
    var out: String?

    @Option(help: "Variants per question, the original included.")
    var variants: Int = 2

    @Option(help: "Seed for the rewrites and the image transformations.")
    var seed: UInt64 = 1

    @Flag(help: "Append a hint sentence to rewritten variants.")
    var hint = false

    @Option(
        name: .customLong("image-prob"),
        help: ArgumentHelp(
            "Probability that a variant's images are transformed (0 leaves images untouched and unread).",
            valueName: "P"))
    var imageProbability: Double = 0.3

    @Option(
        name: .customLong("image-transforms"),
        help: ArgumentHelp("Comma-separated transformations to draw from.", valueName: "LIST"))
    var imageTransforms: String = ImageTransform.allCases.map(\.rawValue).joined(separator: ",")

    @Option(
        name: .customLong("image-dir"),
        help: ArgumentHelp(
            "Write transformed images here (default: beside --out, or the current directory).", valueName: "DIR"))
    var imageDirectory: String?

    @Option(
        name: .customLong("hint-mode"),
        help: ArgumentHelp(
            "Image hints: matching (say what the pixels show) or released (the release's wording: its 90-degree hints name the opposite direction).",
            valueName: "MODE"))
    var hintMode: ImageHintMode = .matching

    @Option(help: "Rows expanded at once (image work is spread over the cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard variants >= 1 && variants <= 64 else { throw ValidationError("--variants must be between 1 and 64") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard (0...1).contains(imageProbability) else { throw ValidationError("--image-prob must be between 0 and 1") }
        if case let .failure(e) = ImageTransform.parseList(imageTransforms) {
            throw ValidationError("--image-transforms: \(e.message)")
        }
        if imageProbability > 0, (try? ImageTransform.parseList(imageTransforms).get())?.isEmpty != false {
            throw ValidationError(
                "--image-transforms names no transformation (use --image-prob 0 to leave images as they are)")
        }
    }

    func run() throws {
        let expander = QuestionExpander(count: variants, seed: seed, hint: hint)
        let text: String
        let outputFile: OutputFile
        do {
            text = String(decoding: try ByteSource(path: input).readAll(), as: UTF8.self)
            outputFile = try OutputFile(target: out ?? "-")
        } catch {
            throw CLIError(error.message)
        }
        if imageProbability > 0, let imageDirectory {
            do {
                try FileManager.default.createDirectory(atPath: imageDirectory, withIntermediateDirectories: true)
            } catch {
                throw CLIError("cannot create --image-dir \(imageDirectory): \(error.localizedDescription)")
            }
        }
        let images =
            imageProbability == 0
            ? nil
            : ImageVariantWriter(
                probability: imageProbability, transforms: (try? ImageTransform.parseList(imageTransforms).get()) ?? [],
                seed: seed, hintMode: hintMode, input: input, output: out, imageDirectory: imageDirectory)
        let work = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { !$0.element.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) }
            .map { (number: $0.offset + 1, line: String($0.element)) }
        // Rows are independent: `jobs` workers take every jobs-th row; the output keeps input order.
        let results = RowSlots(count: work.count)
        let workers = max(1, min(jobs, work.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for i in stride(from: worker, to: work.count, by: workers) {
                results.set(i, ExpandRows.expand(work[i].line, number: work[i].number, with: expander, images: images))
            }
        }
        var output = "", errors = 0
        let rows = work.count
        for (i, result) in results.values.enumerated() {
            switch result {
            case let .success(lines)?: output += lines
            case let .failure(error)?:
                errors += 1
                var w = JSONWriter()
                w.value(.object([("line", .number(Double(work[i].number))), ("error", .string(error.description))]))
                output += String(decoding: w.bytes, as: UTF8.self) + "\n"
            case nil: break
            }
        }
        do {
            try outputFile.sink.write(Array(output.utf8))
            try outputFile.commit()
        } catch { throw CLIError(error.message) }
        let imageNote = images.map { "\($0.written) images written, " } ?? ""
        FileHandle.standardError.write(
            Data("expanded \(rows) rows into \(variants) variants each (\(imageNote)\(errors) errors)\n".utf8))
        if errors > 0 { throw ExitCode(CLIExit.someRowsFailed.rawValue) }
    }
}

extension ImageHintMode: ExpressibleByArgument {}

/// One result per row, filled by concurrent workers, each index by exactly one of them.
private final class RowSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<String, RowError>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<String, RowError>) { lock.withLock { slots[index] = value } }
    var values: [Result<String, RowError>?] { lock.withLock { slots } }
}
