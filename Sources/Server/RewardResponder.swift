import Dispatch
import Hummingbird
import NIOCore

/// The HTTP side of every request: route, API key, body limit, reply and metrics.
///
/// A hand-written switch instead of a router: five fixed paths need no trie, and every refusal
/// (unknown path, wrong method, key, size) gets the same JSON error body as bad input does.
struct RewardResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let service: RewardService
    let apiKey: [UInt8]?
    let maxBodyBytes: Int

    /// A body over the limit but at most this long is read and thrown away before the 413.
    /// Clients that send the whole body before reading (urllib, requests) and ask to close the
    /// connection are not read from once answered, so an unread body leaves them blocked in their
    /// write until their own timeout. A longer body gets the 413 and the connection is closed.
    static let discardedBodyBytes = 64 << 20

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let endpoint = Endpoint(rawValue: request.uri.path)
        let reply = try await self.reply(to: request, endpoint: endpoint)
        service.metrics.record(
            endpoint, status: reply.status, nanoseconds: Int64(DispatchTime.now().uptimeNanoseconds - start))
        var headers = HTTPFields()
        headers[.contentType] = reply.contentType
        if reply.status == 405, let endpoint { headers[.allow] = endpoint.method }
        if reply.status == 401 { headers[.wwwAuthenticate] = "Bearer" }
        // `ConnectionTimeouts` closes the connection once this reply is out (a body may be unread).
        if reply.status == 413 { headers[.connection] = "close" }
        return Response(
            status: HTTPResponse.Status(code: reply.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    private func reply(to request: Request, endpoint: Endpoint?) async throws -> ServerReply {
        guard let endpoint else {
            return .error(
                404,
                "no route \(request.uri.path): use \(Endpoint.allCases.map { "\($0.method) \($0.rawValue)" }.joined(separator: ", "))"
            )
        }
        guard request.method.rawValue == endpoint.method else {
            return .error(405, "\(endpoint.rawValue) takes \(endpoint.method), not \(request.method.rawValue)")
        }
        if endpoint.needsKey, let apiKey, !authorised(request, key: apiKey) {
            return .error(401, "missing or wrong API key: send Authorization: Bearer KEY or X-API-Key: KEY")
        }
        switch endpoint {
        case .health: return service.health()
        case .metrics: return service.metricsReply()
        case .getReward, .score, .verify: break
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodyBytes {
            if length <= Self.discardedBodyBytes {
                for try await _ in request.body {}
            }
            return .error(413, "body of \(length) bytes is over the limit of \(maxBodyBytes) (--max-body)")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maxBodyBytes)
        } catch is NIOTooManyBytesError {
            return .error(413, "body is over the limit of \(maxBodyBytes) bytes (--max-body)")
        }
        var step: Int?
        if endpoint == .score, let raw = request.uri.queryParameters["step"] {
            guard let value = Int(raw), value >= 0 else {
                return .error(400, "query parameter 'step' is '\(raw)', expected a whole number >= 0", field: "step")
            }
            step = value
        }
        return body.withUnsafeReadableBytes { raw in
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            switch endpoint {
            case .getReward: return service.getReward(bytes)
            case .score: return service.score(bytes, step: step)
            default: return service.verify(bytes)
            }
        }
    }

    /// Compares in time independent of where the key differs, so timing does not leak it.
    private func authorised(_ request: Request, key: [UInt8]) -> Bool {
        var candidates: [Substring] = []
        if let auth = request.headers[.authorization], auth.hasPrefix("Bearer ") {
            candidates.append(auth.dropFirst(7))
        }
        if let given = request.headers.first(where: { $0.name.canonicalName == "x-api-key" })?.value {
            candidates.append(Substring(given))
        }
        return candidates.contains { given in
            let bytes = Array(given.utf8)
            guard bytes.count == key.count else { return false }
            var difference: UInt8 = 0
            for (a, b) in zip(bytes, key) { difference |= a ^ b }
            return difference == 0
        }
    }
}
