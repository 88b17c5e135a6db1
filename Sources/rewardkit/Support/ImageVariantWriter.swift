import Foundation
import Images
import Rewards

/// `rewardkit expand`'s image maker: for each variant after the original, draws a transformation
/// with probability `probability` (uniformly from `transforms`), writes the transformed images
/// through libvips into `imageDirectory`, and returns their paths and the hint.
///
/// Paths are read relative to the input file's directory (or absolute) and written relative to
/// the output file's directory (absolute ones stay absolute), so the output file finds its
/// images as the input file did. Every image of a row is checked (its header read) whatever is
/// drawn, so an error does not depend on the seed. Deterministic per seed: the draw and the
/// noise depend on the seed, the line number and the variant only, not on which thread ran it.
final class ImageVariantWriter: VariantImageMaker, @unchecked Sendable {
    let probability: Double
    let transforms: [ImageTransform]
    let seed: UInt64
    let hintMode: ImageHintMode
    let transformer: ImageTransformer
    /// Where relative input paths start.
    let inputDirectory: String
    /// Where relative output paths start.
    let outputDirectory: String
    /// Where transformed images are written.
    let imageDirectory: String
    private let lock = NSLock()
    private var writtenSoFar = 0
    /// Images written so far (rows are expanded on several threads at once).
    var written: Int { lock.withLock { writtenSoFar } }

    init(
        probability: Double, transforms: [ImageTransform], seed: UInt64, hintMode: ImageHintMode,
        input: String, output: String?, imageDirectory: String?, transformer: ImageTransformer = ImageTransformer()
    ) {
        self.probability = probability
        self.transforms = transforms
        self.seed = seed
        self.hintMode = hintMode
        self.transformer = transformer
        let cwd = FileManager.default.currentDirectoryPath
        inputDirectory = input == "-" ? cwd : Self.directory(of: Self.absolute(input, from: cwd))
        outputDirectory = (output == nil || output == "-") ? cwd : Self.directory(of: Self.absolute(output!, from: cwd))
        self.imageDirectory = imageDirectory.map { Self.absolute($0, from: cwd) } ?? outputDirectory
    }

    func variants(ofImages paths: [String], line: Int, variants count: Int) -> Result<[VariantImages], RowError> {
        let sources = paths.map { path -> String in
            let plain = path.hasPrefix("file://") ? String(path.dropFirst("file://".count)) : path
            return Self.absolute(plain, from: inputDirectory)
        }
        for (path, source) in zip(paths, sources) {
            do { _ = try transformer.inspect(source) } catch {
                return .failure(.image(path: path, message: Self.reason(error, source)))
            }
        }
        let unchanged = VariantImages(paths: zip(paths, sources).map { relocated($0, $1) })
        var out = [unchanged]
        var made: [String] = []
        for v in 1..<max(1, count) {
            var rng = SplitMix64(
                seed: seed &* 0xD1B5_4A32_D192_ED03 &+ UInt64(line) &* 0x9E37_79B9 &+ UInt64(v) &+ 0x5EED)
            let draw = Double(rng.next() >> 11) / Double(1 << 53)
            guard draw < probability, !transforms.isEmpty else { out.append(unchanged); continue }
            let transform = transforms[Int(rng.next() % UInt64(transforms.count))]
            var newPaths: [String] = []
            for (k, (path, source)) in zip(paths, sources).enumerated() {
                let stem =
                    imageDirectory + "/" + Self.stem(of: source) + ".L\(line)v\(v)" + (paths.count > 1 ? "i\(k)" : "")
                    + "." + transform.rawValue
                do {
                    let file = try transformer.apply(transform, to: source, writingTo: stem, seed: rng.next())
                    made.append(file)
                    newPaths.append(relocated(path, file))
                } catch {
                    // The row fails whole: the images it already wrote go too.
                    for file in made { unlink(file) }
                    return .failure(.image(path: path, message: Self.reason(error, source)))
                }
            }
            out.append(
                VariantImages(
                    paths: newPaths, transform: transform.rawValue,
                    hint: transform.hint(hintMode, plural: paths.count > 1)))
        }
        lock.withLock { writtenSoFar += made.count }
        return .success(out)
    }

    /// `file` as the output row should name it: absolute when the row named its image absolutely,
    /// else relative to the output file's directory.
    private func relocated(_ original: String, _ file: String) -> String {
        if original.hasPrefix("/") || original.hasPrefix("file://") { return file }
        return Self.relative(file, from: outputDirectory)
    }

    /// The message of an image error without the absolute path the row did not write.
    private static func reason(_ error: Error, _ source: String) -> String {
        let text = (error as? ImageError)?.message ?? "\(error)"
        return text.hasPrefix(source + ": ") ? String(text.dropFirst(source.count + 2)) : text
    }

    static func absolute(_ path: String, from base: String) -> String {
        (path.hasPrefix("/") ? path : base + "/" + path).split(separator: "/").reduce(into: [Substring]()) {
            parts, part in
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }.reduce("") { $0 + "/" + $1 }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The file name without directory and extension.
    static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `path` relative to the directory `base` (both absolute).
    static func relative(_ path: String, from base: String) -> String {
        let p = path.split(separator: "/"), b = base.split(separator: "/")
        var common = 0
        while common < p.count, common < b.count, p[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: b.count - common)
        return (up + p[common...].map(String.init)).joined(separator: "/")
    }
}
