/// Why an image could not be read, transformed or written: the path and libvips' own words.
public struct ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The whole message, e.g. `images/cat.jpg: VipsForeignLoad: "images/cat.jpg" is not a known file format`.
    public var message: String
    /// Makes an error from its message.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
