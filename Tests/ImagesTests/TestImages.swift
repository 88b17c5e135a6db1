import Foundation
import Images

/// Small generated images in a fresh temporary directory.
struct TestImages {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "rk-images-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { directory + "/" + name }

    /// A width x height RGB image whose pixels differ (for up to 8x8 images every one is distinct).
    static func gradient(width: Int, height: Int) -> Raster {
        var pixels: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                pixels += [UInt8((20 + x * 30) % 256), UInt8((20 + y * 30) % 256), UInt8((x * 7 + y * 13) % 200 + 30)]
            }
        }
        return Raster(width: width, height: height, bands: 3, pixels: pixels)
    }

    /// A uniform grey image.
    static func grey(_ value: UInt8, width: Int, height: Int, bands: Int = 3) -> Raster {
        Raster(
            width: width, height: height, bands: bands, pixels: Array(repeating: value, count: width * height * bands))
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
