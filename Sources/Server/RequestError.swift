/// Why a request was refused as a whole: the status to answer and a message naming the field.
///
/// Only the request's shape is judged here; a sample or row that cannot be scored is reported in
/// its place in an otherwise successful reply.
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The HTTP status (400 for bad input).
    public var status: Int
    /// What is wrong, naming the field and the item where one is at fault.
    public var message: String
    /// The top-level field at fault, when there is one.
    public var field: String?

    /// A 400 error about `field`.
    public static func badField(_ field: String, _ problem: String) -> RequestError {
        RequestError(status: 400, message: "field '\(field)' \(problem)", field: field)
    }

    /// Makes an error.
    public init(status: Int, message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    /// The JSON error reply.
    public var reply: ServerReply { .error(status, message, field: field) }

    /// The message.
    public var description: String { message }
}
