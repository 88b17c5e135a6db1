import Foundation
import Images
import Testing

@Suite("Image noise: the requested standard deviation, clipped, the same for the same seed")
struct NoiseTests {
    @Test(
        "sd of (out - in) on mid grey is within 10% of the requested",
        arguments: [ImageTransform.noise10, .noise25, .noise50])
    func measuredSD(_ transform: ImageTransform) throws {
        let images = try TestImages()
        defer { images.remove() }
        let grey = TestImages.grey(128, width: 96, height: 96)
        try grey.write(to: images.path("grey.png"), format: .png)
        let out = try Raster.read(
            try ImageTransformer().apply(transform, to: images.path("grey.png"), writingTo: images.path("n"), seed: 42))
        let diffs = zip(out.pixels, grey.pixels).map { Double($0) - Double($1) }
        let mean = diffs.reduce(0, +) / Double(diffs.count)
        let sd = (diffs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(diffs.count - 1)).squareRoot()
        let requested = try #require(transform.noiseSigma)
        #expect(abs(sd - requested) <= 0.1 * requested, "measured sd \(sd), requested \(requested)")
        #expect(abs(mean) < 0.1 * requested, "noise mean \(mean)")
        // Every band gets its own noise: the three bands of a pixel are not all equal.
        var sameBands = 0
        for i in stride(from: 0, to: out.pixels.count, by: 3)
        where out.pixels[i] == out.pixels[i + 1] && out.pixels[i] == out.pixels[i + 2] {
            sameBands += 1
        }
        #expect(sameBands < out.pixels.count / 3 / 10)
    }

    @Test("values are clipped to 0-255, not wrapped")
    func clipped() throws {
        let images = try TestImages()
        defer { images.remove() }
        // Half white, half black: noise 50 pushes many values past the ends.
        let w = 64, h = 32
        let pixels = (0..<(w * h)).flatMap { i -> [UInt8] in (i % w) < w / 2 ? [255, 255, 255] : [0, 0, 0] }
        try Raster(width: w, height: h, bands: 3, pixels: pixels).write(to: images.path("bw.png"), format: .png)
        let out = try Raster.read(
            try ImageTransformer().apply(.noise50, to: images.path("bw.png"), writingTo: images.path("n"), seed: 3))
        // Wrapping would put near-0 values in the white half and near-255 in the black half.
        for (i, value) in out.pixels.enumerated() {
            let white = ((i / 3) % w) < w / 2
            if white {
                #expect(value > 60, "white pixel \(i / 3) became \(value)")
            } else {
                #expect(value < 195, "black pixel \(i / 3) became \(value)")
            }
        }
        #expect(out.pixels.contains(255) && out.pixels.contains(0))
    }

    @Test("same seed, same bytes; another seed, other bytes", arguments: [ImageFormat.png, .jpeg, .webp])
    func deterministic(_ format: ImageFormat) throws {
        let images = try TestImages()
        defer { images.remove() }
        let input = images.path("in." + format.fileExtension)
        try TestImages.grey(100, width: 64, height: 48).write(to: input, format: format)
        let t = ImageTransformer()
        let a = try Data(
            contentsOf: URL(fileURLWithPath: t.apply(.noise25, to: input, writingTo: images.path("a"), seed: 7)))
        let b = try Data(
            contentsOf: URL(fileURLWithPath: t.apply(.noise25, to: input, writingTo: images.path("b"), seed: 7)))
        let c = try Data(
            contentsOf: URL(fileURLWithPath: t.apply(.noise25, to: input, writingTo: images.path("c"), seed: 8)))
        #expect(a == b)
        #expect(a != c)
    }

    @Test("alpha is left alone")
    func alphaKept() throws {
        let images = try TestImages()
        defer { images.remove() }
        let rgba = Raster(
            width: 16, height: 16, bands: 4, pixels: (0..<256).flatMap { _ in [128, 128, 128, 77] as [UInt8] })
        try rgba.write(to: images.path("a.png"), format: .png)
        let out = try Raster.read(
            try ImageTransformer().apply(.noise50, to: images.path("a.png"), writingTo: images.path("n"), seed: 1))
        #expect(out.bands == 4)
        #expect(stride(from: 3, to: out.pixels.count, by: 4).allSatisfy { out.pixels[$0] == 77 })
    }
}
