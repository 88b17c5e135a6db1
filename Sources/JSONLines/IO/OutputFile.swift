import Foundation

/// A command's output file that is whole or absent: rows go to `.NAME.partial` beside the target
/// (same directory, so the rename cannot cross file systems) and the partial file is renamed over
/// the target only when the run is done. A run killed on the way leaves the target as it was.
///
/// A partial file that is neither committed nor kept is removed when the value goes away (a run
/// that failed); `keep()` leaves it for `score --resume`. The target "-" is standard output,
/// written as it goes, with nothing to rename.
public final class OutputFile {
    /// Where the finished output goes ("-" for standard output).
    public let target: String
    /// The file the rows are written to until the run is done; nil for standard output.
    public let partialPath: String?
    /// Writes the rows.
    public let sink: ByteSink
    private var settled = false

    /// Starts writing `target`: creates (or truncates) its partial file, or with `resuming`, keeps
    /// the partial file's bytes and writes after them.
    public init(target: String, resuming: Bool = false) throws(IOError) {
        self.target = target
        guard target != "-" else {
            partialPath = nil
            sink = try ByteSink(path: "-")
            return
        }
        let partial = Self.partialPath(for: target)
        partialPath = partial
        sink = try ByteSink(path: partial, appending: resuming)
    }

    deinit {
        if !settled, let partialPath { unlink(partialPath) }
    }

    /// `.NAME.partial` in the directory of `target`.
    public static func partialPath(for target: String) -> String {
        guard let slash = target.lastIndex(of: "/") else { return "." + target + ".partial" }
        return target[...slash] + "." + target[target.index(after: slash)...] + ".partial"
    }

    /// The run is done: flushes the partial file to disk and renames it to the target.
    public func commit() throws(IOError) {
        guard let partialPath else { return }
        try sink.synchronize()
        guard rename(partialPath, target) == 0 else {
            throw IOError("cannot rename \(partialPath) to \(target): \(String(cString: strerror(errno)))")
        }
        settled = true
    }

    /// The run stopped early and can be resumed: the partial file stays where it is.
    public func keep() {
        settled = true
    }
}
