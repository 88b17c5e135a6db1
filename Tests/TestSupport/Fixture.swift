import Foundation

/// Reads the case tables in the repository's Fixtures/ folder, for every test target.
public enum Fixture {
    /// Fixtures/ beside Tests/, found from this file's path so tests run from any directory.
    public static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    /// Decodes every non-blank line; throws on the first line that does not decode.
    public static func load<Case: Decodable>(_ name: String, as type: Case.Type = Case.self) throws -> [Case] {
        try lines(name).map { try JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
    }

    /// Each non-blank line as a loosely typed object, parsed by Foundation (an implementation
    /// independent of RewardKit's own codec, which some of these tables test).
    public static func jsonObjects(_ name: String) throws -> [[String: Any]] {
        try lines(name).map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw CocoaError(
                    .fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(name): a line is not an object"])
            }
            return object
        }
    }

    private static func lines(_ name: String) throws -> [Substring] {
        try String(contentsOf: url(name), encoding: .utf8).split(separator: "\n").filter {
            !$0.allSatisfy(\.isWhitespace)
        }
    }
}
