import Foundation

/// Paths of files under the package's Fixtures/ folder.
enum FixturePath {
    /// The absolute path of `name` inside Fixtures/.
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    /// Each non-blank line of a JSONL fixture, parsed by Foundation (an implementation independent of ours).
    static func jsonLines(_ name: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: url(name), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        }
    }
}
