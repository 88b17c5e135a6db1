import Rewards
import Store

/// Where replies are kept so that the same request is never paid for twice.
public protocol ModelReplyCache: Sendable {
    /// The cached reply of each key that has one.
    func replies(forKeys keys: [String]) -> [String: String]
    /// Keeps `replies`.
    func store(_ replies: [CachedReply])
}

/// One cached reply: the request's SHA-256 (over the body sent: model, prompt text and the row's
/// content, images included; never the API key), the model, the prompt's name and the reply text.
public struct CachedReply: Sendable, Equatable {
    /// The key.
    public let key: String
    /// The endpoint's model.
    public let model: String
    /// The prompt's name (`sophiavl`, `xverify`, a file path).
    public let prompt: String
    /// The reply text.
    public let reply: String
}

/// The run database as the reply cache (table `model_reply`). A cache that cannot be read or
/// written costs calls, not scores: errors count as misses.
public struct StoreReplyCache: ModelReplyCache {
    /// The database.
    public let database: RunStore

    /// A cache in `database`.
    public init(database: RunStore) { self.database = database }

    public func replies(forKeys keys: [String]) -> [String: String] {
        (try? database.modelReplies(forKeys: keys)) ?? [:]
    }

    public func store(_ replies: [CachedReply]) {
        try? database.recordModelReplies(replies.map { ($0.key, $0.model, $0.prompt, $0.reply) })
    }
}
