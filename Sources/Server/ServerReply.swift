import JSONLines
import Rewards

/// What an endpoint answers, before HTTP plumbing: a status, a content type and body bytes.
///
/// Endpoints produce these from request bytes so they can be tested, and timed, without a socket.
public struct ServerReply: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// The `Content-Type` header.
    public var contentType: String
    /// The body.
    public var body: [UInt8]

    /// Makes a reply.
    public init(status: Int, contentType: String = "application/json", body: [UInt8]) {
        self.status = status
        self.contentType = contentType
        self.body = body
    }

    /// A JSON error body `{"error": message, "field": name}` (field omitted when nil).
    public static func error(_ status: Int, _ message: String, field: String? = nil) -> ServerReply {
        var out = JSONWriter(capacity: message.utf8.count + 48)
        out.byte(UInt8(ascii: "{"))
        out.key("error")
        out.string(message)
        if let field {
            out.byte(UInt8(ascii: ","))
            out.key("field")
            out.string(field)
        }
        out.byte(UInt8(ascii: "}"))
        return ServerReply(status: status, body: out.bytes)
    }

    /// The text of the body (tests and logs).
    public var text: String { String(decoding: body, as: UTF8.self) }
}
