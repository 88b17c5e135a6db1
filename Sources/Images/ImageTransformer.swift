import CVips
import Foundation

/// What an image file holds, read from its header alone.
public struct ImageInfo: Sendable, Equatable {
    /// Its encoding.
    public var format: ImageFormat
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Bands (1 grey, 2 grey + alpha, 3 RGB, 4 RGBA).
    public var bands: Int
}

/// Applies `ImageTransform`s to image files through libvips, keeping each file's format.
///
/// libvips evaluates lazily: decoding, transforming and encoding run as one pipeline when the
/// output is written. Left-right flips and noise stream the input top to bottom, so memory stays
/// bounded by a few scanlines whatever the image's size; rotations and top-bottom flips need
/// random access, which libvips gives by decoding to memory, or to a temporary file once the
/// image is larger than its disc threshold (100 MB by default, `VIPS_DISC_THRESHOLD`).
public struct ImageTransformer: Sendable {
    /// How outputs are encoded.
    public var encoding: ImageEncoding

    /// Makes a transformer.
    public init(encoding: ImageEncoding = ImageEncoding()) {
        self.encoding = encoding
    }

    /// The format and size of the image at `path`, from its header; throws when the file is
    /// missing, unreadable, not an image, or in a format other than JPEG, PNG and WebP.
    public func inspect(_ path: String) throws(ImageError) -> ImageInfo {
        let (image, format) = try open(path, sequential: true)
        return ImageInfo(format: format, width: image.width, height: image.height, bands: image.bands)
    }

    /// Writes `transform` of the image at `input` to `outputStem` plus its format's extension
    /// (".jpg", ".png", ".webp") and returns that path. `seed` picks the noise (the same seed
    /// gives the same bytes); geometric transforms ignore it. The output is whole or absent: it
    /// is encoded to a partial file that is renamed into place.
    public func apply(
        _ transform: ImageTransform, to input: String, writingTo outputStem: String, seed: UInt64
    ) throws(ImageError) -> String {
        let (image, format) = try open(input, sequential: transform.streams)
        let transformed = try self.transformed(image, by: transform, seed: seed, path: input)
        let output = outputStem + "." + format.fileExtension
        try write(transformed, format: format, to: output)
        return output
    }

    // MARK: - Steps

    private func open(_ path: String, sequential: Bool) throws(ImageError) -> (VipsImageRef, ImageFormat) {
        try Vips.start()
        guard access(path, R_OK) == 0 else {
            throw ImageError("\(path): cannot read: \(String(cString: strerror(errno)))")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ImageError("\(path): is a directory, not an image")
        }
        guard let loader = rk_vips_loader(path) else {
            throw ImageError(Vips.takeError("\(path): not an image libvips can read"))
        }
        let loaderName = String(cString: loader)
        guard let format = ImageFormat.of(loader: loaderName) else {
            throw ImageError(
                "\(path): \(loaderName.replacingOccurrences(of: "VipsForeignLoad", with: "")) images are not supported (JPEG, PNG and WebP are)"
            )
        }
        guard let raw = rk_vips_open(path, sequential ? 1 : 0) else {
            throw ImageError(Vips.takeError("\(path): cannot open"))
        }
        return (VipsImageRef(raw), format)
    }

    private func transformed(
        _ image: VipsImageRef, by transform: ImageTransform, seed: UInt64, path: String
    ) throws(ImageError) -> VipsImageRef {
        let context = "\(path): \(transform.rawValue)"
        let pixels: VipsImageRef
        switch transform {
        case .rotate90Clockwise: pixels = try .make(context) { rk_vips_rot(image.pointer, $0, VIPS_ANGLE_D90) }
        case .rotate90CounterClockwise: pixels = try .make(context) { rk_vips_rot(image.pointer, $0, VIPS_ANGLE_D270) }
        case .rotate180: pixels = try .make(context) { rk_vips_rot(image.pointer, $0, VIPS_ANGLE_D180) }
        case .flipVertical: pixels = try .make(context) { rk_vips_flip(image.pointer, $0, VIPS_DIRECTION_VERTICAL) }
        case .flipHorizontal: pixels = try .make(context) { rk_vips_flip(image.pointer, $0, VIPS_DIRECTION_HORIZONTAL) }
        case .flipBoth:
            let once = try VipsImageRef.make(context) { rk_vips_flip(image.pointer, $0, VIPS_DIRECTION_HORIZONTAL) }
            pixels = try .make(context) { rk_vips_flip(once.pointer, $0, VIPS_DIRECTION_VERTICAL) }
        case .noise10, .noise25, .noise50:
            pixels = try noisy(image, sigma: transform.noiseSigma ?? 0, seed: seed, context: context)
        }
        // The pixels are now as they should be seen: an EXIF orientation tag would turn them again.
        return try .make(context) { rk_vips_without_orientation(pixels.pointer, $0) }
    }

    /// Adds independent Gaussian noise to every colour band (not alpha), rounded and clipped to
    /// the band format's range (0-255 for 8-bit; 16-bit images get the noise scaled by 257).
    ///
    /// Pixels are integers, so rint(pixel + noise) = pixel + rint(noise): each sample draws
    /// rint(noise) directly, by inverse CDF of the rounded Gaussian from 16 random bits
    /// (`noiseTable`), in a libvips point operation (the C shim) that streams with the input.
    /// The bits are a hash of the seed and the sample's position, so the bytes do not depend
    /// on threads or tiling. Tails beyond about 4.3 standard deviations are cut (a draw has
    /// 1/65536 resolution), which changes the standard deviation by under 0.1%.
    private func noisy(
        _ image: VipsImageRef, sigma: Double, seed: UInt64, context: String
    ) throws(ImageError) -> VipsImageRef {
        let colourBands = image.hasAlpha ? image.bands - 1 : image.bands
        let scale: Double = image.bandFormat == VIPS_FORMAT_USHORT ? 257 : 1
        let table = Self.noiseTable(sigma: sigma * scale)
        return try .make(context) { out in
            table.withUnsafeBufferPointer {
                rk_vips_add_noise(image.pointer, out, $0.baseAddress, seed, Int32(colourBands))
            }
        }
    }

    /// rint(sigma * z) for z the standard normal quantile of (k + 0.5) / 65536, k = 0..<65536:
    /// the smallest integer m with P(rint(sigma * Z) <= m) = Phi((m + 0.5) / sigma) >= (k + 0.5) / 65536.
    static func noiseTable(sigma: Double) -> [Int32] {
        guard sigma > 0 else { return Array(repeating: 0, count: 65536) }
        var table = [Int32](repeating: 0, count: 65536)
        var m = -Int32((sigma * 6).rounded(.up)) - 1
        for k in 0..<65536 {
            let u = (Double(k) + 0.5) / 65536
            while 0.5 * erfc(-(Double(m) + 0.5) / sigma / 2.0.squareRoot()) < u { m += 1 }
            table[k] = m
        }
        return table
    }

    /// Encodes `image` to `path` in `format` through a partial file renamed into place.
    func write(_ image: VipsImageRef, format: ImageFormat, to path: String) throws(ImageError) {
        let partial = Self.partialPath(for: path)
        let status: Int32
        switch format {
        case .jpeg: status = rk_vips_jpegsave(image.pointer, partial, Int32(encoding.jpegQuality))
        case .png: status = rk_vips_pngsave(image.pointer, partial, Int32(encoding.pngCompression))
        case .webp: status = rk_vips_webpsave(image.pointer, partial, Int32(encoding.webpQuality), 0)
        }
        guard status == 0 else {
            unlink(partial)
            throw ImageError(Vips.takeError("\(path): cannot write"))
        }
        guard rename(partial, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(partial)
            throw ImageError("\(path): cannot rename \(partial) into place: \(reason)")
        }
    }

    /// `.NAME.partial` beside `path`.
    static func partialPath(for path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." + path + ".partial" }
        return path[...slash] + "." + path[path.index(after: slash)...] + ".partial"
    }
}
