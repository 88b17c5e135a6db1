import Foundation

/// Bytes read from a file or standard input in large chunks with `read(2)`.
public final class ByteSource {
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// What the source is, for messages ("-" for standard input).
    public let name: String
    /// Total size in bytes when known (a regular file), for progress.
    public let size: Int?

    /// Opens `path`, or standard input for "-".
    public init(path: String) throws(IOError) {
        if path == "-" {
            fd = 0
            ownsDescriptor = false
        } else {
            fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw IOError("cannot open \(path): \(String(cString: strerror(errno)))") }
            ownsDescriptor = true
        }
        name = path
        var info = stat()
        size = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// Everything left in the source (for steps that need the whole input, like groups).
    public func readAll() throws(IOError) -> [UInt8] {
        var data = [UInt8](repeating: 0, count: max(1 << 16, (size ?? 0) + 1))
        var filled = 0
        while true {
            if filled == data.count { data.append(contentsOf: repeatElement(0, count: data.count)) }
            let wanted = data.count - filled
            var result: Result<Int, IOError> = .success(0)
            data.withUnsafeMutableBytes { raw in
                do throws(IOError) { result = .success(try read(into: raw.baseAddress! + filled, count: wanted)) } catch
                { result = .failure(error) }
            }
            let n = try result.get()
            if n == 0 { break }
            filled += n
        }
        data.removeSubrange(filled...)
        return data
    }

    /// Moves to byte `offset` of a file, where the next read starts (a resumed run skips the rows
    /// it already has); standard input cannot move.
    public func seek(to offset: Int) throws(IOError) {
        guard lseek(fd, off_t(offset), SEEK_SET) >= 0 else {
            throw IOError("cannot move to byte \(offset) of \(name): \(String(cString: strerror(errno)))")
        }
    }

    /// `count` bytes from byte `offset` of a file (fewer at its end), without moving where the
    /// next `read` starts.
    package func read(at offset: Int, count: Int) throws(IOError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = bytes.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress! + filled, count - filled, off_t(offset + filled))
            }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw IOError("cannot read \(name): \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            filled += n
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Reads up to `count` bytes into `buffer`; 0 at end of input.
    package func read(into buffer: UnsafeMutableRawPointer, count: Int) throws(IOError) -> Int {
        while true {
            let n = Foundation.read(fd, buffer, count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw IOError("cannot read \(name): \(String(cString: strerror(errno)))")
        }
    }
}

/// Bytes written to a file or standard output with `write(2)`.
public final class ByteSink {
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// What the sink is, for messages ("-" for standard output).
    public let name: String

    /// Creates (or truncates) `path`, or uses standard output for "-". With `appending`, an
    /// existing file keeps its bytes and writes go after them.
    public init(path: String, appending: Bool = false) throws(IOError) {
        if path == "-" {
            fd = 1
            ownsDescriptor = false
        } else {
            fd = open(path, O_WRONLY | O_CREAT | (appending ? O_APPEND : O_TRUNC), 0o644)
            guard fd >= 0 else { throw IOError("cannot write \(path): \(String(cString: strerror(errno)))") }
            ownsDescriptor = true
        }
        name = path
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// Waits until what was written is on the disk (`fsync`), so a rename after it cannot leave
    /// a name pointing at bytes a crash would lose.
    public func synchronize() throws(IOError) {
        guard ownsDescriptor else { return }
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw IOError("cannot write \(name): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws(IOError) {
        var failure: IOError?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = IOError("cannot write \(name): \(String(cString: strerror(errno)))")
                    return
                }
                offset += n
            }
        }
        if let failure { throw failure }
    }
}

extension ByteSink {
    /// Writes each of `buffers`, in order, with one `writev` call for up to 64 of them (a chunk's
    /// output is one buffer per piece; a `write` call each would cost more than the copying).
    package func write(_ buffers: [[UInt8]]) throws(IOError) {
        var index = 0
        while index < buffers.count {
            let batch = buffers[index..<min(buffers.count, index + 64)]
            var vectors: [iovec] = []
            vectors.reserveCapacity(batch.count)
            let written = Self.withVectors(batch, &vectors) { writev(fd, $0, Int32($0.count)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw IOError("cannot write \(name): \(String(cString: strerror(errno)))")
            }
            var left = written
            while index < batch.endIndex, left >= buffers[index].count {
                left -= buffers[index].count
                index += 1
            }
            if left > 0 {
                // A short write (a full pipe or disk, a signal): finish that buffer the plain way.
                try write(Array(buffers[index][left...]))
                index += 1
            }
        }
    }

    /// Calls `body` with an `iovec` for each buffer, valid only inside the call (each buffer's
    /// pointer is taken in its own nested `withUnsafeBytes`).
    private static func withVectors<R>(
        _ buffers: ArraySlice<[UInt8]>, _ vectors: inout [iovec], _ body: ([iovec]) -> R
    ) -> R {
        guard let first = buffers.first else { return body(vectors) }
        return first.withUnsafeBytes { raw in
            vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: raw.baseAddress), iov_len: raw.count))
            return withVectors(buffers.dropFirst(), &vectors, body)
        }
    }
}

/// A file could not be opened, read or written.
public struct IOError: Error, Sendable, CustomStringConvertible {
    /// What failed and why.
    public var message: String
    /// Makes an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

@available(*, deprecated, renamed: "IOError")
public typealias IOFailure = IOError
