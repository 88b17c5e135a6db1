import Foundation
import GRDB

extension RunStore {
    /// The cached replies of the requests whose keys are given (those that have one).
    public func modelReplies(forKeys keys: [String]) throws(StoreError) -> [String: String] {
        guard !keys.isEmpty else { return [:] }
        return try StoreError.wrapping(path: path, operation: "reading cached model replies") {
            try queue.read { db in
                var found: [String: String] = [:]
                // SQLite allows 32766 bound values per statement; batches stay well below.
                for start in stride(from: 0, to: keys.count, by: 10_000) {
                    let part = Array(keys[start..<min(keys.count, start + 10_000)])
                    let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
                    let rows = try Row.fetchAll(
                        db, sql: "SELECT key, reply FROM \(StoreSchema.modelReplyTable) WHERE key IN (\(marks))",
                        arguments: StatementArguments(part))
                    for row in rows { found[row["key"]] = row["reply"] }
                }
                return found
            }
        }
    }

    /// Keeps replies (key, model, prompt name, reply text); a key already kept is replaced.
    public func recordModelReplies(
        _ replies: [(key: String, model: String, prompt: String, reply: String)]
    ) throws(StoreError) {
        guard !replies.isEmpty else { return }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try StoreError.wrapping(path: path, operation: "caching model replies") {
            try queue.write { db in
                let statement = try db.makeStatement(
                    sql:
                        "INSERT OR REPLACE INTO \(StoreSchema.modelReplyTable) (key, model, prompt, reply, created_at_ms) VALUES (?, ?, ?, ?, ?)"
                )
                for r in replies { try statement.execute(arguments: [r.key, r.model, r.prompt, r.reply, now]) }
            }
        }
    }

    /// How many replies are cached.
    public func modelReplyCount() throws(StoreError) -> Int {
        try StoreError.wrapping(path: path, operation: "counting cached model replies") {
            try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(StoreSchema.modelReplyTable)") ?? 0
            }
        }
    }
}
