import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The binary checkpoint format, version 1 (all integers little-endian):
///
///     "RKCK" | version: UInt32 | headerLength: UInt32 | header: JSON |
///     tensor data: Float32 × Σ rows*cols, in header order | CRC-32 of everything before: UInt32
///
/// The header is `{"kind": ..., "config": {...}, "tensors": [{"name", "rows", "cols"}, ...]}`.
/// Files are written to a temporary file in the same directory and renamed over the target, so a
/// crash never leaves a half-written checkpoint under the real name.
public enum CheckpointFile {
    /// The four bytes every checkpoint starts with.
    public static let magic: [UInt8] = Array("RKCK".utf8)
    /// The version this build writes (and the only one it reads).
    public static let currentVersion: UInt32 = 1

    struct TensorEntry: Codable {
        var name: String
        var rows: Int
        var cols: Int
    }

    struct Header: Decodable {
        var kind: String
        var tensors: [TensorEntry]
    }

    /// The file bytes of `checkpoint`.
    public static func encode(_ checkpoint: Checkpoint) throws -> [UInt8] {
        let entries = checkpoint.tensors.map { TensorEntry(name: $0.name, rows: $0.value.rows, cols: $0.value.cols) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // The config is already JSON; splice it in rather than re-encoding through Any.
        let kind = try encoder.encode(checkpoint.kind)
        let tensors = try encoder.encode(entries)
        var header =
            Array(#"{"config":"#.utf8) + Array(checkpoint.configJSON.isEmpty ? Data("{}".utf8) : checkpoint.configJSON)
        header +=
            Array(#","kind":"#.utf8) + Array(kind) + Array(#","tensors":"#.utf8) + Array(tensors) + Array("}".utf8)

        var out = magic
        appendUInt32(currentVersion, to: &out)
        appendUInt32(UInt32(header.count), to: &out)
        out += header
        out.reserveCapacity(out.count + checkpoint.tensors.reduce(0) { $0 + 4 * $1.value.count } + 4)
        for t in checkpoint.tensors {
            t.value.withBuffer { buf in
                for v in buf { appendUInt32(v.bitPattern, to: &out) }
            }
        }
        appendUInt32(CRC32.checksum(out), to: &out)
        return out
    }

    /// Parses file bytes; `path` only names the source in errors.
    public static func decode(_ bytes: [UInt8], path: String) throws -> Checkpoint {
        guard bytes.count >= 4 else {
            throw CheckpointError.truncated(path: path, detail: "\(bytes.count) bytes, no room for the magic")
        }
        guard Array(bytes[0..<4]) == magic else { throw CheckpointError.badMagic(path: path) }
        guard bytes.count >= 12 else {
            throw CheckpointError.truncated(
                path: path, detail: "\(bytes.count) bytes, no room for the version and header length")
        }
        let version = readUInt32(bytes, at: 4)
        guard version == currentVersion else { throw CheckpointError.unsupportedVersion(path: path, found: version) }
        let headerLength = Int(readUInt32(bytes, at: 8))
        let headerEnd = 12 + headerLength
        guard bytes.count >= headerEnd + 4 else {
            throw CheckpointError.truncated(
                path: path, detail: "header needs \(headerLength) bytes, file has \(bytes.count)")
        }
        let headerBytes = Data(bytes[12..<headerEnd])
        let header: Header
        let config: Data
        do {
            header = try JSONDecoder().decode(Header.self, from: headerBytes)
            let object = try JSONSerialization.jsonObject(with: headerBytes) as? [String: Any]
            let configObject = object?["config"] ?? [String: Any]()
            config = try JSONSerialization.data(
                withJSONObject: configObject, options: [.sortedKeys, .fragmentsAllowed])
        } catch {
            throw CheckpointError.badHeader(path: path, detail: "\(error)")
        }
        // Sizes come from the file, so check them without trapping on overflow.
        var floatCount = 0
        for t in header.tensors {
            guard t.rows >= 0, t.cols >= 0 else {
                throw CheckpointError.badHeader(path: path, detail: "tensor \(t.name) has a negative dimension")
            }
            let (size, o1) = t.rows.multipliedReportingOverflow(by: t.cols)
            let (sum, o2) = floatCount.addingReportingOverflow(size)
            guard !o1, !o2, sum <= (bytes.count - headerEnd) / 4 else {
                throw CheckpointError.truncated(
                    path: path,
                    detail: "tensor \(t.name) (\(t.rows)x\(t.cols)) does not fit in a \(bytes.count)-byte file")
            }
            floatCount = sum
        }
        let expected = headerEnd + 4 * floatCount + 4
        guard bytes.count >= expected else {
            throw CheckpointError.truncated(
                path: path, detail: "tensor data needs \(expected) bytes, file has \(bytes.count)")
        }
        guard bytes.count == expected else {
            throw CheckpointError.badHeader(
                path: path, detail: "\(bytes.count - expected) unexpected bytes after the tensor data")
        }
        let stored = readUInt32(bytes, at: expected - 4)
        let computed = bytes.withUnsafeBytes {
            CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<(expected - 4)]))
        }
        guard stored == computed else {
            throw CheckpointError.checksumMismatch(path: path, stored: stored, computed: computed)
        }

        var offset = headerEnd
        var tensors = [CheckpointTensor]()
        for t in header.tensors {
            var m = Matrix(rows: t.rows, cols: t.cols)
            m.withMutableBuffer { buf in
                for i in buf.indices {
                    buf[i] = Float(bitPattern: readUInt32(bytes, at: offset))
                    offset += 4
                }
            }
            tensors.append(CheckpointTensor(name: t.name, value: m))
        }
        return Checkpoint(kind: header.kind, configJSON: config, tensors: tensors, source: path)
    }

    /// Writes `checkpoint` to `path` atomically (temporary file in the same directory, then rename).
    public static func write(_ checkpoint: Checkpoint, to path: String) throws {
        let bytes = try encode(checkpoint)
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = "\(directory)/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw CheckpointError.io(path: path, detail: "cannot create \(temporary): \(errnoText())")
        }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count, let base = raw.baseAddress {
                let n = systemWrite(fd, base + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = "write failed: \(errnoText())"
                    return
                }
                done += n
            }
        }
        // fsync before rename: otherwise a crash can leave the new name pointing at empty data.
        if failure == nil && fsync(fd) != 0 { failure = "fsync failed: \(errnoText())" }
        if close(fd) != 0 && failure == nil { failure = "close failed: \(errnoText())" }
        if failure == nil && rename(temporary, path) != 0 { failure = "rename failed: \(errnoText())" }
        if let failure {
            unlink(temporary)
            throw CheckpointError.io(path: path, detail: failure)
        }
    }

    /// Reads and verifies the checkpoint at `path`.
    public static func read(from path: String) throws -> Checkpoint {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CheckpointError.io(path: path, detail: "cannot read the file")
        }
        return try decode(Array(data), path: path)
    }

    private static func appendUInt32(_ v: UInt32, to out: inout [UInt8]) {
        // Shifts act on the value, not the memory layout, so this is little-endian on any host.
        out.append(UInt8(truncatingIfNeeded: v))
        out.append(UInt8(truncatingIfNeeded: v >> 8))
        out.append(UInt8(truncatingIfNeeded: v >> 16))
        out.append(UInt8(truncatingIfNeeded: v >> 24))
    }

    private static func readUInt32(_ bytes: [UInt8], at i: Int) -> UInt32 {
        UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
    }

    private static func systemWrite(_ fd: Int32, _ buf: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, buf, count)
        #else
        return Darwin.write(fd, buf, count)
        #endif
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
