import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback socket: one request per connection
/// (`Connection: close`), read to the end. Tests see status, headers and body bytes exactly as
/// the server wrote them, with no client library in between.
enum LoopbackHTTP {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends one request to 127.0.0.1:`port` and returns the reply.
    static func send(
        port: Int, method: String, path: String, headers: [String: String] = [:], body: String = ""
    ) throws -> Reply {
        let fd = try connect(port: port)
        defer { close(fd) }
        try write(fd, head(method: method, path: path, headers: headers, bodyLength: body.utf8.count) + body)
        return try parse(readAll(fd))
    }

    /// `send` on a thread of its own: a blocking read on one of the few cooperative threads
    /// could starve the in-process server the request is waiting for.
    static func request(
        port: Int, method: String, path: String, headers: [String: String] = [:], body: String = ""
    ) async throws -> Reply {
        try await offThread { try send(port: port, method: method, path: path, headers: headers, body: body) }
    }

    /// Runs blocking socket work on a new thread.
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    /// Opens a connection (for tests that write a request in parts).
    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else { close(fd); throw Failure(description: "cannot connect to 127.0.0.1:\(port)") }
        return fd
    }

    static func head(method: String, path: String, headers: [String: String], bodyLength: Int) -> String {
        var text =
            "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: \(bodyLength)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return text + "\r\n"
    }

    static func write(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send failed after \(sent) bytes") }
            sent += n
        }
    }

    static func readAll(_ fd: Int32) throws -> [UInt8] {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return data }
            guard n > 0 else {
                if data.isEmpty { throw Failure(description: "no reply (recv errno \(errno))") }
                return data
            }
            data.append(contentsOf: buffer[0..<n])
        }
    }

    static func parse(_ data: [UInt8]) throws -> Reply {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "no complete head in: \(text)") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line \(lines[0])")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}
