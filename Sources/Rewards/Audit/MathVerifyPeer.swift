import Foundation
import JSONLines

/// math-verify (Hugging Face, Python) as a peer verifier: the same (gold, response) pairs judged
/// with `verify(parse(gold), parse(response))` at its default configs, in a Python process.
///
/// The helper script is embedded, so the binary needs nothing beside it but a Python that can
/// import `math_verify`. Each pair's verdict comes back in order; the time reported is the
/// helper's own, from its first judgement to its last (interpreter start and imports excluded).
public struct MathVerifyPeer: Sendable {
    /// The Python interpreter: a path, or a name looked up on PATH.
    public var python: String
    /// Worker processes the helper judges with (math-verify's timeouts need each worker's main thread).
    public var workers: Int

    /// The peer's name in reports.
    public static let name = "math-verify"

    /// Makes a peer run by `python` with `workers` processes.
    public init(python: String = "python3", workers: Int = 2) {
        self.python = python
        self.workers = max(1, workers)
    }

    /// Why the peer cannot run (Python missing, or `math_verify` not importable); nil when it can.
    public func unavailability() -> String? {
        let outcome: (status: Int32, stdout: Data, stderr: Data)
        do {
            outcome = try run(["-c", "import math_verify"], input: nil)
        } catch {
            return error.message
        }
        guard outcome.status != 0 else { return nil }
        let lastLine =
            String(decoding: outcome.stderr, as: UTF8.self).split(separator: "\n").last.map(String.init)
            ?? "exit status \(outcome.status)"
        return "'\(python)' cannot import math_verify (\(lastLine)); install it with: pip install math-verify==0.9.0"
    }

    /// Whether math-verify accepts each response against its reference, in order, and the
    /// helper's seconds. A pair math-verify fails on (an exception, a timeout) counts as rejected,
    /// as `verify` itself returns False then.
    public func verdicts(
        _ pairs: [(reference: String, response: String)]
    ) throws(PeerError) -> (accepted: [Bool], seconds: Double) {
        var input = JSONWriter(capacity: pairs.count * 256)
        for pair in pairs {
            input.value(.array([.string(pair.reference), .string(pair.response)]))
            input.byte(0x0A)
        }
        let outcome = try run(["-c", Self.script, String(workers)], input: Data(input.bytes))
        guard outcome.status == 0 else {
            throw PeerError(
                "math-verify helper exited with status \(outcome.status): \(String(decoding: outcome.stderr, as: UTF8.self).suffix(400))"
            )
        }
        var accepted: [Bool] = [], seconds = 0.0
        accepted.reserveCapacity(pairs.count)
        for line in String(decoding: outcome.stdout, as: UTF8.self).split(separator: "\n") {
            switch line.first {
            case "1": accepted.append(true)
            case "0": accepted.append(false)
            case "T": seconds = Double(line.dropFirst(2)) ?? 0
            default: throw PeerError("math-verify helper printed an unexpected line: \(line.prefix(80))")
            }
        }
        guard accepted.count == pairs.count else {
            throw PeerError("math-verify helper answered \(accepted.count) of \(pairs.count) pairs")
        }
        return (accepted, seconds)
    }

    /// Runs the interpreter with `arguments`; standard error is captured, except for the judging
    /// run, whose progress line goes straight to ours.
    private func run(
        _ arguments: [String], input: Data?
    ) throws(PeerError) -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        if python.contains("/") {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [python] + arguments
        }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardInput = stdin
        if input == nil { process.standardError = err }
        do { try process.run() } catch { throw PeerError("cannot start '\(python)': \(error.localizedDescription)") }
        // The helper reads all of its input before it writes anything, so writing it all first cannot block.
        if let input { stdin.fileHandleForWriting.write(input) }
        try? stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = input == nil ? err.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        // `env` exits 127 when it cannot find the interpreter.
        if process.terminationStatus == 127, !python.contains("/") { throw PeerError("'\(python)' not found on PATH") }
        return (process.terminationStatus, stdout, stderr)
    }

    /// The helper: reads `[reference, response]` lines, prints `1`/`0` per pair in order, then
    /// `T <seconds>`. Progress goes to standard error when that is a terminal.
    static let script = #"""
        import json, logging, os, sys, time
        from math_verify import parse, verify
        logging.disable(logging.WARNING)  # one warning per timed-out pair would bury the report

        def judge(pair):
            try:
                return "1" if verify(parse(pair[0]), parse(pair[1])) else "0"
            except Exception:
                return "0"

        def main():
            workers = int(sys.argv[1]) if len(sys.argv) > 1 else 1
            pairs = [json.loads(line) for line in sys.stdin.read().split("\n") if line.strip()]
            tty = os.isatty(2)
            started = time.perf_counter()
            out = []
            def note(done):
                if tty and (done % 64 == 0 or done == len(pairs)):
                    rate = done / max(time.perf_counter() - started, 1e-9)
                    sys.stderr.write("\rmath-verify %d/%d pairs  %.0f pairs/s\x1b[K" % (done, len(pairs), rate))
            if workers > 1 and len(pairs) > 1:
                import multiprocessing
                with multiprocessing.get_context("fork").Pool(workers) as pool:
                    for verdict in pool.imap(judge, pairs, chunksize=8):
                        out.append(verdict)
                        note(len(out))
            else:
                for pair in pairs:
                    out.append(judge(pair))
                    note(len(out))
            seconds = time.perf_counter() - started
            if tty:
                sys.stderr.write("\r\x1b[K")
            sys.stdout.write("".join(v + "\n" for v in out))
            sys.stdout.write("T %.6f\n" % seconds)

        main()
        """#
}

/// Why the peer could not judge.
public struct PeerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// Makes an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
