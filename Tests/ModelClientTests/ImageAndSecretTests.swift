import Foundation
import ModelClient
import Rewards
import Testing

/// Images become content parts; local paths obey the image policy; the API key stays in the header.
@Suite(.serialized) struct ImageAndSecretTests {
    /// A 1x1 PNG.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x01,
        0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
        0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D,
        0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rk-img-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func imageFieldsArriveAsContentParts() async throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("pic.png")
        try Data(Self.png).write(to: file)
        let server = try StubServer()
        defer { server.stop() }
        let pipeline = try modelPipeline(thinkingConfig(server))
        let dataURI = "data:image/png;base64,\(Data(Self.png).base64EncodedString())"
        var row = Trajectory(prompt: "What is shown?", response: "@reply=<answer>0.7</answer> a dot")
        // verl/EasyR1 write paths, TRL content parts; HF datasets {bytes, path}.
        row.images = .array([
            .string(file.path),
            .object([
                ("type", .string("image_url")), ("image_url", .object([("url", .string("https://example.org/a.png"))])),
            ]),
            .object([("bytes", .string(Data(Self.png).base64EncodedString())), ("path", .null)]),
        ])
        var single = Trajectory(prompt: "Again?", response: "@reply=<answer>0.3</answer> b")
        single.images = .string("file://" + file.path)
        let batch = [row, single]
        let results = try await offPool { pipeline.score(batch) }
        #expect(results.map(\.value) == [0.7, 0.3])
        let requests = try server.requests()
        let first = requests.first { ($0["text"] as? String ?? "").contains("What is shown?") }
        #expect(first?["images"] as? [String] == [dataURI, "https://example.org/a.png", dataURI])
        #expect((first?["text"] as? String ?? "").contains("Question: <image> What is shown?"))
        let second = requests.first { ($0["text"] as? String ?? "").contains("Again?") }
        #expect(second?["images"] as? [String] == [dataURI])
    }

    @Test func underTheServerLocalPathsMustResolveInsideTheImageRoot() throws {
        let root = try Self.scratch(), outside = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root); try? FileManager.default.removeItem(at: outside) }
        let inside = root.appendingPathComponent("ok.png"), secret = outside.appendingPathComponent("secret.png")
        try Data(Self.png).write(to: inside)
        try Data(Self.png).write(to: secret)
        let link = root.appendingPathComponent("link.png")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: secret)
        let guarded = ImageContent(policy: .inside(root.path))
        #expect((try? guarded.urls(.string(inside.path)))?.first?.hasPrefix("data:image/png;base64,") == true)
        for refused in [
            secret.path, link.path, root.path + "/../" + outside.lastPathComponent + "/secret.png", "/etc/passwd",
        ] {
            #expect(throws: ImageContentError.self, "\(refused)") { try guarded.urls(.string(refused)) }
        }
        // Without --image-root no path is read; data URIs and URLs still pass.
        let closed = ImageContent(policy: .inside(nil))
        #expect(throws: ImageContentError.self) { try closed.urls(.string(inside.path)) }
        #expect(
            try closed.urls(.array([.string("data:image/png;base64,AAAA"), .string("http://h/x.png")])) == [
                "data:image/png;base64,AAAA", "http://h/x.png",
            ])
        // A file that is not an image is refused even when allowed.
        let text = root.appendingPathComponent("notes.png")
        try "hello".write(to: text, atomically: true, encoding: .utf8)
        #expect(throws: ImageContentError.self) { try ImageContent(policy: .anyPath).urls(.string(text.path)) }
    }

    @Test func theAPIKeyComesFromTheEnvironmentAndNeverIntoErrors() async throws {
        let server = try StubServer()
        defer { server.stop() }
        let key = "sk-test-\(UUID().uuidString)"
        setenv("RK_MODEL_CLIENT_TEST_KEY", key, 1)
        defer { unsetenv("RK_MODEL_CLIENT_TEST_KEY") }
        let pipeline = try modelPipeline(thinkingConfig(server, ", api_key_env: RK_MODEL_CLIENT_TEST_KEY, retries: 0"))
        let results = try await offPool {
            pipeline.score([Trajectory(response: "@status=401:9 x"), Trajectory(response: "@reply=<answer>1</answer>")])
        }
        #expect(results[1].value == 1)
        let message = try #require(results[0].errorMessage)
        #expect(message.contains("HTTP 401") && !message.contains(key))
        #expect(try server.requests().allSatisfy { $0["auth"] as? Bool == true })
        // A named variable that is not set is a config error naming the variable, not the key.
        #expect(throws: ConfigError.self) {
            try modelPipeline(thinkingConfig(server, ", api_key_env: RK_UNSET_VARIABLE_FOR_TEST"))
        }
    }
}
