/// The encodings `Images` reads and writes; a transformed image keeps its original's.
public enum ImageFormat: String, Sendable, CaseIterable {
    /// JPEG, written at `ImageEncoding.jpegQuality`.
    case jpeg
    /// PNG, lossless.
    case png
    /// WebP, written at `ImageEncoding.webpQuality`.
    case webp

    /// The file name extension written for this format.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        }
    }

    /// The format of a libvips loader name (`VipsForeignLoadJpegFile` -> jpeg), nil for others.
    static func of(loader: String) -> ImageFormat? {
        let name = loader.lowercased()
        if name.contains("jpeg") { return .jpeg }
        if name.contains("png") { return .png }
        if name.contains("webp") { return .webp }
        return nil
    }
}

/// How transformed images are encoded.
public struct ImageEncoding: Sendable, Equatable {
    /// JPEG quality, 1-100.
    public var jpegQuality: Int = 90
    /// WebP quality, 1-100 (lossy).
    public var webpQuality: Int = 90
    /// PNG zlib compression level, 0-9 (6 is zlib's and Pillow's default).
    public var pngCompression: Int = 6
    /// The defaults above.
    public init() {}
}
