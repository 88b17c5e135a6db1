import CVips
import Foundation

/// Decoded 8-bit pixels, row by row, bands interleaved: for generating test and benchmark images
/// and for checking what a transform did.
public struct Raster: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Bands per pixel (1 grey, 3 RGB, 4 RGBA).
    public var bands: Int
    /// `height * width * bands` bytes.
    public var pixels: [UInt8]

    /// Makes a raster; `pixels` must hold `width * height * bands` bytes.
    public init(width: Int, height: Int, bands: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * bands, "pixel count does not match the size")
        self.width = width
        self.height = height
        self.bands = bands
        self.pixels = pixels
    }

    /// The bands of the pixel at column `x`, row `y`.
    public func pixel(x: Int, y: Int) -> ArraySlice<UInt8> {
        let start = (y * width + x) * bands
        return pixels[start..<start + bands]
    }

    /// Decodes the 8-bit image at `path`.
    public static func read(_ path: String) throws(ImageError) -> Raster {
        try Vips.start()
        guard rk_vips_loader(path) != nil, let raw = rk_vips_open(path, 1) else {
            throw ImageError(Vips.takeError("\(path): cannot open"))
        }
        let image = VipsImageRef(raw)
        guard image.bandFormat == VIPS_FORMAT_UCHAR else { throw ImageError("\(path): not an 8-bit image") }
        var size = 0
        guard let memory = rk_vips_to_memory(image.pointer, &size) else {
            throw ImageError(Vips.takeError("\(path): cannot decode"))
        }
        defer { g_free(memory) }
        let bytes = Array(UnsafeRawBufferPointer(start: memory, count: size))
        guard bytes.count == image.width * image.height * image.bands else {
            throw ImageError("\(path): decoded \(bytes.count) bytes, expected 8-bit pixels")
        }
        return Raster(width: image.width, height: image.height, bands: image.bands, pixels: bytes)
    }

    /// Encodes the raster to `path` as `format`.
    public func write(
        to path: String, format: ImageFormat, encoding: ImageEncoding = ImageEncoding()
    ) throws(ImageError) {
        try Vips.start()
        let made = pixels.withUnsafeBytes { buffer in
            vips_image_new_from_memory_copy(
                buffer.baseAddress, buffer.count, Int32(width), Int32(height), Int32(bands), VIPS_FORMAT_UCHAR)
        }
        guard let made else { throw ImageError(Vips.takeError("\(path): cannot make an image")) }
        let image = VipsImageRef(made)
        try ImageTransformer(encoding: encoding).write(image, format: format, to: path)
    }
}
