import Foundation
import Images
import Testing

/// Where each geometric transform sends a pixel: (x, y) in a w x h original -> (x', y') in the output.
private struct GeometryCase: Sendable, CustomTestStringConvertible {
    let transform: ImageTransform
    let outputSize: @Sendable (Int, Int) -> (Int, Int)
    let moved: @Sendable (_ x: Int, _ y: Int, _ w: Int, _ h: Int) -> (Int, Int)
    var testDescription: String { transform.rawValue }
}

private let geometryCases: [GeometryCase] = [
    // A quarter turn clockwise: the top-left corner goes to the top-right.
    GeometryCase(transform: .rotate90Clockwise, outputSize: { ($1, $0) }, moved: { x, y, _, h in (h - 1 - y, x) }),
    // Counter-clockwise: the top-left corner goes to the bottom-left.
    GeometryCase(
        transform: .rotate90CounterClockwise, outputSize: { ($1, $0) }, moved: { x, y, w, _ in (y, w - 1 - x) }),
    GeometryCase(transform: .rotate180, outputSize: { ($0, $1) }, moved: { x, y, w, h in (w - 1 - x, h - 1 - y) }),
    GeometryCase(transform: .flipVertical, outputSize: { ($0, $1) }, moved: { x, y, _, h in (x, h - 1 - y) }),
    GeometryCase(transform: .flipHorizontal, outputSize: { ($0, $1) }, moved: { x, y, w, _ in (w - 1 - x, y) }),
    GeometryCase(transform: .flipBoth, outputSize: { ($0, $1) }, moved: { x, y, w, h in (w - 1 - x, h - 1 - y) }),
]

@Suite("Image geometry: every pixel lands where the transform's name says")
struct GeometryTests {
    @Test("PNG (lossless): every pixel of a 5x3 image", arguments: geometryCases)
    fileprivate func everyPixel(_ c: GeometryCase) throws {
        let images = try TestImages()
        defer { images.remove() }
        let original = TestImages.gradient(width: 5, height: 3)
        try original.write(to: images.path("in.png"), format: .png)
        let written = try ImageTransformer().apply(
            c.transform, to: images.path("in.png"), writingTo: images.path("out"), seed: 1)
        #expect(written == images.path("out.png"))
        let out = try Raster.read(written)
        let (w, h) = c.outputSize(5, 3)
        #expect(out.width == w && out.height == h)
        for y in 0..<3 {
            for x in 0..<5 {
                let (nx, ny) = c.moved(x, y, 5, 3)
                #expect(
                    out.pixel(x: nx, y: ny) == original.pixel(x: x, y: y),
                    "pixel (\(x),\(y)) should be at (\(nx),\(ny))")
            }
        }
    }

    @Test("rotate_90cw: the original's top-left pixel is at the top-right")
    func topLeftGoesTopRight() throws {
        let images = try TestImages()
        defer { images.remove() }
        // A black image with one white top-left corner.
        var raster = TestImages.grey(0, width: 4, height: 2, bands: 1)
        raster.pixels[0] = 255
        try raster.write(to: images.path("corner.png"), format: .png)
        let out = try Raster.read(
            try ImageTransformer().apply(
                .rotate90Clockwise, to: images.path("corner.png"), writingTo: images.path("cw"), seed: 0))
        #expect(out.width == 2 && out.height == 4)
        #expect(out.pixel(x: 1, y: 0) == [255])
        #expect(out.pixels.filter { $0 == 255 }.count == 1)
    }

    @Test(
        "JPEG and WebP keep their format; blocks of colour land where they should",
        arguments: [ImageFormat.jpeg, .webp])
    func lossyFormatsKeepFormat(_ format: ImageFormat) throws {
        let images = try TestImages()
        defer { images.remove() }
        // 32x16: left half red-ish block at top-left 16x8, the rest dark, so lossy coding cannot move it.
        var pixels: [UInt8] = []
        for y in 0..<16 {
            for x in 0..<32 { pixels += (x < 16 && y < 8) ? [230, 40, 40] : [20, 20, 20] }
        }
        let input = images.path("in." + format.fileExtension)
        try Raster(width: 32, height: 16, bands: 3, pixels: pixels).write(to: input, format: format)
        let transformer = ImageTransformer()
        let written = try transformer.apply(.rotate90Clockwise, to: input, writingTo: images.path("out"), seed: 0)
        #expect(written.hasSuffix("." + format.fileExtension))
        #expect(try transformer.inspect(written).format == format)
        let out = try Raster.read(written)
        #expect(out.width == 16 && out.height == 32)
        // The block is now in the top-right 8x16: its centre is red, the bottom-left dark.
        #expect(out.pixel(x: 12, y: 8).first! > 180)
        #expect(out.pixel(x: 3, y: 24).first! < 60)
    }
}
