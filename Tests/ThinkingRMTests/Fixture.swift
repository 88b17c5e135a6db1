import Foundation

/// Reads the case tables in the repository's Fixtures/ folder.
enum Fixture {
    /// Fixtures/ beside Tests/, found from this file's path so tests run from any directory.
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    /// Decodes every non-blank line; throws on the first line that does not decode.
    static func load<Case: Decodable>(_ name: String, as type: Case.Type = Case.self) throws -> [Case] {
        let text = try String(contentsOf: url(name), encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
            try JSONDecoder().decode(Case.self, from: Data($0.utf8))
        }
    }
}
