import Foundation
import JSONLines
import Rewards

/// Which local image files a request may read and send: all (the command line), or only those
/// that resolve inside a directory the operator names (`rewardkit serve --image-root`), so a
/// client of the server cannot make it read and forward its files.
public enum ImagePolicy: Sendable, Equatable {
    /// Any readable path (files the user of `rewardkit score` named).
    case anyPath
    /// Only paths that resolve, symlinks followed, inside this directory; nil refuses every path
    /// (data URIs and URLs still pass).
    case inside(String?)
}

/// Turns a row's `images` / `image` field into the URLs of image content parts.
///
/// Accepted, one or a list: `http(s)://` URLs (sent as they are), `data:` URIs (as they are),
/// local paths and `file://` URLs (read and sent base64 as a data URI), and the objects
/// frameworks write: `{"type": "image_url", "image_url": {"url": ...}}`, `{"image_url": "..."}`,
/// `{"type": "image", "image": ...}`, `{"url": ...}`, `{"path": ...}`, and Hugging Face's
/// `{"bytes": base64, "path": ...}`.
public struct ImageContent: Sendable {
    /// Which local files may be read.
    public let policy: ImagePolicy
    /// A file larger than this is refused.
    public var maxBytes = 32 << 20

    /// Makes a reader under `policy`.
    public init(policy: ImagePolicy) { self.policy = policy }

    /// The URL of every image in `field`, in order; throws naming the image at fault.
    public func urls(_ field: JSONValue?) throws(ImageContentError) -> [String] {
        guard let field else { return [] }
        switch field {
        case .null: return []
        case let .array(items):
            var out: [String] = []
            for (i, item) in items.enumerated() {
                do throws(ImageContentError) { out.append(try url(item)) } catch {
                    throw ImageContentError("images item \(i): \(error.message)")
                }
            }
            return out
        default:
            return [try url(field)]
        }
    }

    private func url(_ item: JSONValue) throws(ImageContentError) -> String {
        switch item {
        case let .string(s): return try url(of: s)
        case .object:
            if let inner = item["image_url"] {
                if let u = inner["url"]?.stringValue { return try url(of: u) }
                return try url(inner)
            }
            if let bytes = item["bytes"]?.stringValue, !bytes.isEmpty {
                guard let data = Data(base64Encoded: bytes, options: .ignoreUnknownCharacters) else {
                    throw ImageContentError("'bytes' is not base64")
                }
                return "data:\(Self.mimeType(of: data) ?? "image/png");base64,\(data.base64EncodedString())"
            }
            for key in ["image", "url", "path"] {
                if let value = item[key], value != .null { return try url(value) }
            }
            throw ImageContentError("an object without image_url, image, url, path or bytes")
        default:
            throw ImageContentError("is \(item.kindName), expected a path, URL, data URI or content part")
        }
    }

    private func url(of text: String) throws(ImageContentError) -> String {
        if text.hasPrefix("data:") {
            guard text.contains(";base64,") || text.contains(",") else {
                throw ImageContentError("a data URI without data")
            }
            return text
        }
        if text.hasPrefix("http://") || text.hasPrefix("https://") { return text }
        let path = text.hasPrefix("file://") ? String(text.dropFirst(7)) : text
        return try dataURI(ofFile: path)
    }

    /// The file at `path` as a data URI, after the policy allows it.
    func dataURI(ofFile path: String) throws(ImageContentError) -> String {
        guard let resolved = Self.realPath(path) else {
            throw ImageContentError(
                policy == .anyPath
                    ? "cannot read image file '\(path)' (no such file)"
                    : "image path '\(path)' refused: not a readable file inside --image-root")
        }
        switch policy {
        case .anyPath: break
        case .inside(nil):
            throw ImageContentError(
                "image path '\(path)' refused: the server reads no local images (start it with --image-root DIR); send a data URI or URL"
            )
        case let .inside(root?):
            guard let root = Self.realPath(root),
                resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/")
            else {
                throw ImageContentError("image path '\(path)' refused: it resolves outside --image-root")
            }
        }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: resolved)) ?? [:]
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw ImageContentError("image '\(path)' is not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else {
            throw ImageContentError("image '\(path)' is \(size) bytes, over the limit of \(maxBytes)")
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw ImageContentError("cannot read image file '\(path)'")
        }
        guard let mime = Self.mimeType(of: data) else {
            throw ImageContentError("'\(path)' is not a PNG, JPEG, GIF, WebP or BMP image")
        }
        return "data:\(mime);base64,\(data.base64EncodedString())"
    }

    /// The path with symlinks and `..` resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The image type from the first bytes.
    static func mimeType(of data: Data) -> String? {
        let b = [UInt8](data.prefix(12))
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if b.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if b.count >= 12, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) {
            return "image/webp"
        }
        if b.starts(with: Array("BM".utf8)) { return "image/bmp" }
        return nil
    }
}

/// Why an image could not be sent.
public struct ImageContentError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the image.
    public let message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}

@available(*, deprecated, renamed: "ImageContentError")
public typealias ImageFailure = ImageContentError
