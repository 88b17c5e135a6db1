import Foundation
import Images
import Testing

@Suite("Image errors name the path and say what is wrong")
struct ImageErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let contents: String?
        let says: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "missing.jpg", contents: nil, says: "No such file"),
        Case(name: "notes.jpg", contents: "this is text, not a picture\n", says: "not"),
        Case(name: "empty.png", contents: "", says: "not"),
        Case(name: "picture.gif", contents: "GIF89a\u{01}\0\u{01}\0\0\0\0;", says: "not supported"),
    ])
    func unreadable(_ c: Case) throws {
        let images = try TestImages()
        defer { images.remove() }
        let path = images.path(c.name)
        if let contents = c.contents { try contents.write(toFile: path, atomically: true, encoding: .utf8) }
        let error = #expect(throws: ImageError.self) {
            try ImageTransformer().apply(.flipHorizontal, to: path, writingTo: images.path("out"), seed: 0)
        }
        #expect(error?.message.contains(path) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains(c.says) == true, "\(error?.message ?? "")")
        // Nothing half-written is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: images.directory).filter { $0.contains("out") }
        #expect(left.isEmpty)
    }

    @Test("a truncated JPEG fails when decoded, leaving no output")
    func truncated() throws {
        let images = try TestImages()
        defer { images.remove() }
        try TestImages.gradient(width: 7, height: 9).write(to: images.path("whole.jpg"), format: .jpeg)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: images.path("whole.jpg")))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: images.path("half.jpg")))
        #expect(throws: ImageError.self) {
            try ImageTransformer().apply(
                .rotate180, to: images.path("half.jpg"), writingTo: images.path("out"), seed: 0)
        }
        #expect(!FileManager.default.fileExists(atPath: images.path("out.jpg")))
    }

    @Test("transform names parse; unknown names are named")
    func names() {
        #expect((try? ImageTransform.parseList("rotate_90cw, noise_50").get()) == [.rotate90Clockwise, .noise50])
        #expect(
            ImageTransform.allCases.map(\.rawValue) == [
                "rotate_90cw", "rotate_90ccw", "rotate_180", "flip_vertical", "flip_horizontal", "flip_both",
                "noise_10", "noise_25", "noise_50",
            ])
        guard case let .failure(e) = ImageTransform.parseList("rotate_90,flip_both") else {
            Issue.record("accepted rotate_90"); return
        }
        #expect(e.message.contains("'rotate_90'"))
    }
}
