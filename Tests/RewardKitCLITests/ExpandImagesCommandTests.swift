import Foundation
import Images
import Testing

/// `rewardkit expand` with images: transformed files written, named in the rows, hinted, and
/// errors that name the line and the path.
@Suite("expand with images")
struct ExpandImagesCommandTests {
    /// A 6x4 black PNG whose top-left pixel alone is white.
    static func writeCornerImage(_ path: String) throws {
        var raster = Raster(width: 6, height: 4, bands: 1, pixels: Array(repeating: 0, count: 24))
        raster.pixels[0] = 255
        try raster.write(to: path, format: .png)
    }

    /// Where the white pixel is: "top-left", "top-right", "bottom-left" or "bottom-right".
    static func corner(of path: String) throws -> String {
        let r = try Raster.read(path)
        let index = try #require(r.pixels.firstIndex(of: 255))
        let (x, y) = ((index / r.bands) % r.width, (index / r.bands) / r.width)
        return (y == 0 ? "top-" : "bottom-") + (x == 0 ? "left" : "right")
    }

    /// Where a reader of the hint would expect the original's top-left corner to be.
    static func cornerTheHintDescribes(_ hint: String) -> String? {
        if hint.contains("90 degrees counter-clockwise") { return "bottom-left" }
        if hint.contains("90 degrees clockwise") { return "top-right" }
        if hint.contains("180 degrees") || hint.contains("both horizontally and vertically") { return "bottom-right" }
        if hint.contains("flipped vertically") { return "bottom-left" }
        if hint.contains("flipped horizontally") { return "top-right" }
        return nil
    }

    static func rows(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    static let geometric: [ImageTransform] = [
        .rotate90Clockwise, .rotate90CounterClockwise, .rotate180, .flipVertical, .flipHorizontal, .flipBoth,
    ]

    @Test("the hint says what the pixels show", arguments: geometric)
    func hintMatchesPixels(_ transform: ImageTransform) throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("in/pics"), withIntermediateDirectories: true)
        try Self.writeCornerImage(dir.appendingPathComponent("in/pics/c.png").path)
        try (#"{"prompt":"<image>Which corner is white?","answer":"A","images":["pics/c.png"]}"# + "\n")
            .write(to: dir.appendingPathComponent("in/q.jsonl"), atomically: true, encoding: .utf8)
        for mode in ["matching", "released"] {
            try FileManager.default.createDirectory(
                at: dir.appendingPathComponent("out-\(mode)"), withIntermediateDirectories: true)
            let r = try CommandRunner.run(
                [
                    "expand", "in/q.jsonl", "--variants", "2", "--image-prob", "1", "--image-transforms",
                    transform.rawValue,
                    "--hint-mode", mode, "--out", "out-\(mode)/v.jsonl",
                ], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("1 images written, 0 errors"), "\(r.stderr)")
            let rows = Self.rows(
                try String(contentsOf: dir.appendingPathComponent("out-\(mode)/v.jsonl"), encoding: .utf8))
            try #require(rows.count == 2)
            // The original: its path relative to the output file, no transform, no hint.
            #expect(rows[0]["images"] as? [String] == ["../in/pics/c.png"])
            #expect(rows[0]["image_transform"] == nil)
            #expect(rows[0]["prompt"] as? String == "<image>Which corner is white?")
            #expect(rows[1]["image_transform"] as? String == transform.rawValue)
            let path = try #require((rows[1]["images"] as? [String])?.first)
            let pixels = try Self.corner(of: dir.appendingPathComponent("out-\(mode)/" + path).path)
            let prompt = try #require(rows[1]["prompt"] as? String)
            let hint = transform.hint(mode == "released" ? .released : .matching)
            #expect(prompt.hasPrefix("<image>" + hint + " "), "\(prompt)")
            let described = Self.cornerTheHintDescribes(hint)
            if mode == "matching" || ![.rotate90Clockwise, .rotate90CounterClockwise].contains(transform) {
                #expect(
                    described == pixels, "\(transform.rawValue) \(mode): hint '\(hint)' but the corner is \(pixels)")
            } else {
                // The release's quarter-turn hints name the other direction: reproduced on purpose.
                #expect(described != pixels, "\(transform.rawValue) released: hint '\(hint)', corner \(pixels)")
            }
        }
    }

    @Test("missing and non-image files make error rows naming line and path; the rest go on; exit 3")
    func errorRows() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.writeCornerImage(dir.appendingPathComponent("ok.png").path)
        try "not a picture".write(to: dir.appendingPathComponent("text.jpg"), atomically: true, encoding: .utf8)
        let input =
            [
                #"{"question":"one?","answer":"1","image":"ok.png"}"#,
                #"{"question":"two?","answer":"2","image":"gone.jpg"}"#,
                #"{"question":"three?","answer":"3","images":["ok.png","text.jpg"]}"#,
                #"{"question":"four?","answer":"4"}"#,
                #"{"question":"five?","answer":"5","images":"\#(dir.path)/ok.png"}"#,
            ].joined(separator: "\n") + "\n"
        try input.write(to: dir.appendingPathComponent("q.jsonl"), atomically: true, encoding: .utf8)
        let r = try CommandRunner.run(
            ["expand", "q.jsonl", "--variants", "3", "--image-prob", "1", "--seed", "9", "--out", "v.jsonl"], in: dir)
        #expect(r.status == 3)
        #expect(r.stderr.contains("expanded 5 rows into 3 variants each (4 images written, 2 errors)"), "\(r.stderr)")
        let rows = Self.rows(try String(contentsOf: dir.appendingPathComponent("v.jsonl"), encoding: .utf8))
        #expect(rows.count == 11)  // rows 1, 4 and 5 give 3 variants each; rows 2 and 3 one error row each
        let errors = rows.filter { $0["error"] != nil }
        let errorLines: [Int] = errors.compactMap { $0["line"] as? Int }
        #expect(errorLines == [2, 3])
        #expect((errors[0]["error"] as? String)?.contains("image 'gone.jpg'") == true, "\(errors[0])")
        #expect((errors[0]["error"] as? String)?.contains("No such file") == true, "\(errors[0])")
        #expect((errors[1]["error"] as? String)?.contains("image 'text.jpg'") == true, "\(errors[1])")
        // A string field stays a string; an absolute path stays absolute; a row without images is text-only.
        let first = rows.filter { $0["answer"] as? String == "1" }
        #expect(first.count == 3)
        #expect(first.allSatisfy { $0["image"] is String })
        let fifth = rows.filter { $0["answer"] as? String == "5" }
        #expect(fifth.count == 3)
        #expect(fifth.allSatisfy { ($0["images"] as? String)?.hasPrefix("/") == true })
        let fourth = rows.filter { $0["answer"] as? String == "4" }
        #expect(fourth.allSatisfy { $0["image_transform"] == nil && $0["images"] == nil })
        // Every named file exists, and nothing half-written is left.
        for row in rows where row["error"] == nil {
            for path in [(row["image"] as? String), (row["images"] as? String)].compactMap({ $0 }) {
                let full = path.hasPrefix("/") ? path : dir.appendingPathComponent(path).path
                #expect(FileManager.default.fileExists(atPath: full), "\(path)")
            }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!names.contains { $0.hasSuffix(".partial") })
        #expect(names.filter { $0.hasPrefix("ok.L") }.count == 4)
    }

    @Test("same seed, same rows and image bytes; --image-prob 0 leaves images alone")
    func deterministic() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Raster(width: 40, height: 30, bands: 3, pixels: Array(repeating: 120, count: 3600)).write(
            to: dir.appendingPathComponent("g.jpg").path, format: .jpeg)
        let input =
            (1...12).map { #"{"prompt":"Question \#($0)?","answer":"\#($0)","image":"g.jpg"}"# }.joined(separator: "\n")
            + "\n"
        try input.write(to: dir.appendingPathComponent("q.jsonl"), atomically: true, encoding: .utf8)
        var outputs: [String] = []
        for name in ["a", "b"] {
            let r = try CommandRunner.run(
                ["expand", "q.jsonl", "--variants", "4", "--seed", "3", "--out", "v.jsonl", "--image-dir", name],
                in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(
                try String(contentsOf: dir.appendingPathComponent("v.jsonl"), encoding: .utf8).replacingOccurrences(
                    of: "\"\(name)/", with: "\"X/"))
        }
        #expect(outputs[0] == outputs[1])
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("a").path).sorted()
        // 36 variants at probability 0.3: some are drawn, and not all.
        #expect(files.count > 2 && files.count < 30, "\(files.count) images")
        #expect(files.allSatisfy { $0.hasSuffix(".jpg") })
        for file in files {
            #expect(
                FileManager.default.contents(atPath: dir.appendingPathComponent("a/" + file).path)
                    == FileManager.default.contents(atPath: dir.appendingPathComponent("b/" + file).path), "\(file)")
        }
        let none = try CommandRunner.run(
            ["expand", "q.jsonl", "--variants", "2", "--image-prob", "0"], in: dir,
            stdin: nil)
        #expect(none.status == 0)
        #expect(!none.stdout.contains("image_transform"))
        let missing = try CommandRunner.run(
            ["expand", "--image-prob", "0"], in: dir, stdin: #"{"prompt":"p","image":"nowhere.png"}"# + "\n")
        #expect(missing.status == 0)
        #expect(missing.stdout.contains(#""image":"nowhere.png""#))
        #expect(try CommandRunner.run(["expand", "--image-transforms", "rotate_45"], in: dir, stdin: "").status == 2)
    }
}
