import AsyncHTTPClient
import Foundation
import JSONLines
import NIOCore
import NIOHTTP1
import NIOPosix
import Rewards

/// Sends requests to one OpenAI-compatible endpoint and returns the reply texts, for a whole
/// batch at once: at most `concurrency` requests in flight, a timeout per attempt, retries with
/// exponential backoff and jitter on timeouts, dropped connections, 429 (honouring
/// `Retry-After`) and 5xx, none on other 4xx, a circuit breaker, and the reply cache.
///
/// `run` blocks the calling thread until every request of the batch is answered or has failed;
/// the requests themselves run on the client's own event loops, so any thread may call it.
public final class ModelCaller: Sendable {
    /// The endpoint called.
    public let endpoint: ModelEndpoint
    /// The prompt's name, kept beside cached replies.
    let promptName: String
    private let client: HTTPClient
    private let template: HTTPClient.Request
    private let statistics: CallStatistics
    private let breaker: CircuitBreaker
    private let cache: (any ModelReplyCache)?
    private let scheduler: CallScheduler

    /// The event loops of every caller (two threads: the requests are I/O, the parsing is on the caller's thread).
    private static let loops = MultiThreadedEventLoopGroup(numberOfThreads: 2)

    /// A caller for `endpoint`; `cache` nil calls every time.
    public init(
        endpoint: ModelEndpoint, promptName: String, componentName: String, cache: (any ModelReplyCache)?
    ) throws(RewardError) {
        self.endpoint = endpoint
        self.promptName = promptName
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: endpoint.concurrency)
        configuration.timeout = .init(connect: .milliseconds(Int64(min(endpoint.timeout, 10) * 1000)))
        configuration.redirectConfiguration = .disallow
        // A refused connection fails the attempt at once (and counts toward the breaker) instead
        // of waiting in the pool for the connect timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroupProvider: .shared(Self.loops), configuration: configuration)
        var headers = HTTPHeaders([("Content-Type", "application/json"), ("Accept", "application/json")])
        if let key = endpoint.apiKey { headers.add(name: "Authorization", value: "Bearer \(key)") }
        do {
            template = try HTTPClient.Request(url: endpoint.url, method: .POST, headers: headers)
        } catch {
            try? client.syncShutdown()
            throw RewardError("reward '\(componentName)': url '\(endpoint.url)' cannot be used: \(error)")
        }
        statistics = CallStatistics(name: componentName)
        breaker = CircuitBreaker(
            threshold: endpoint.breakerFailures, cooldown: endpoint.breakerCooldown, url: endpoint.url)
        self.cache = endpoint.cache ? cache : nil
        // The scheduler calls back into this caller; it is set up once `self` exists.
        let box = WeakCaller()
        scheduler = CallScheduler(limit: endpoint.concurrency) { call in
            guard let caller = box.caller else {
                return call.complete(.failure(ModelCallError(message: "the model client was shut down")))
            }
            caller.attempt(call)
        }
        box.caller = self
    }

    deinit {
        client.shutdown { _ in }
    }

    /// Counts a reply that came back but could not be read (its row is an error row).
    func recordUnreadableReply() { statistics.record(failures: 1) }

    /// What the calls cost so far.
    public func usage() -> RewardUsage { statistics.snapshot() }

    /// The reply text of every request body, in order: from the cache, or from the endpoint.
    func run(_ bodies: [[UInt8]]) -> [Result<String, ModelCallError>] {
        let keys = bodies.map(SHA256.hex)
        // The same request twice in a batch is sent once.
        var firstOf: [String: Int] = [:], unique: [Int] = []
        for (i, key) in keys.enumerated() where firstOf[key] == nil {
            firstOf[key] = i
            unique.append(i)
        }
        let cached = cache?.replies(forKeys: unique.map { keys[$0] }) ?? [:]
        let toSend = unique.filter { cached[keys[$0]] == nil }
        statistics.record(calls: toSend.count, cacheHits: bodies.count - toSend.count)

        let answers = AnswerSlots(count: toSend.count)
        let done = DispatchGroup()
        var calls: [PendingCall] = []
        for (k, i) in toSend.enumerated() {
            done.enter()
            calls.append(
                PendingCall(body: bodies[i]) { result in
                    answers.set(k, result)
                    done.leave()
                })
        }
        scheduler.submit(calls)
        done.wait()

        var fresh: [String: Result<String, ModelCallError>] = [:]
        var toCache: [CachedReply] = []
        for (k, i) in toSend.enumerated() {
            let result = answers.get(k).flatMap(replyText)
            fresh[keys[i]] = result
            if case let .success(text) = result {
                toCache.append(CachedReply(key: keys[i], model: endpoint.model, prompt: promptName, reply: text))
            }
        }
        let failed = toSend.count - toCache.count
        if failed > 0 { statistics.record(failures: failed) }
        if let cache, !toCache.isEmpty { cache.store(toCache) }
        return keys.map { key in
            if let text = cached[key] { return .success(text) }
            return fresh[key] ?? .failure(ModelCallError(message: "internal: no reply for the request"))
        }
    }

    // MARK: one attempt

    private func attempt(_ call: PendingCall) {
        if let refusal = breaker.refusal() {
            scheduler.attemptEnded()
            return call.complete(.failure(ModelCallError(message: refusal)))
        }
        var request = template
        request.body = .bytes(call.body)
        let started = DispatchTime.now().uptimeNanoseconds
        let deadline = NIODeadline.now() + .nanoseconds(Int64(endpoint.timeout * 1e9))
        client.execute(request: request, deadline: deadline).whenComplete { result in
            self.scheduler.attemptEnded()
            switch result {
            case let .success(response):
                let status = Int(response.status.code)
                let body = response.body.map { Array($0.readableBytesView) } ?? []
                if (200..<300).contains(status) {
                    self.breaker.succeeded()
                    self.statistics.recordLatency(
                        milliseconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
                    call.complete(.success(body))
                } else if status == 429 || status >= 500 {
                    let retryAfter = response.headers.first(name: "Retry-After").flatMap(Self.retryAfterSeconds)
                    self.retry(call, cause: "HTTP \(status)\(Self.excerpt(body))", retryAfter: retryAfter)
                } else {
                    // Another 4xx: the request itself is wrong; sending it again cannot help.
                    call.complete(
                        .failure(
                            ModelCallError(
                                message:
                                    "\(self.endpoint.url) answered HTTP \(status)\(Self.excerpt(body)) (not retried)")))
                }
            case let .failure(error):
                self.retry(call, cause: self.describe(error), retryAfter: nil)
            }
        }
    }

    /// A retryable failure: back off and queue the call again, or give up with the cause.
    private func retry(_ call: PendingCall, cause: String, retryAfter: Double?) {
        if let opened = breaker.failed(cause) { statistics.breakerOpened(opened) }
        if call.attempt < endpoint.retries, breaker.refusal() == nil {
            call.attempt += 1
            statistics.record(retries: 1)
            let exponential = min(endpoint.maxBackoff, endpoint.backoff * pow(2, Double(call.attempt - 1)))
            let delay = retryAfter.map { min($0, endpoint.maxBackoff) } ?? exponential * Double.random(in: 0.5...1)
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [scheduler] in
                scheduler.submit(call, retry: true)
            }
            return
        }
        let attempts = call.attempt + 1
        if let refusal = breaker.refusal() {
            call.complete(.failure(ModelCallError(message: "\(refusal); this call: \(cause)")))
        } else {
            call.complete(
                .failure(
                    ModelCallError(
                        message:
                            "calling \(endpoint.url) failed after \(attempts) attempt\(attempts == 1 ? "" : "s"): \(cause)"
                    )))
        }
    }

    private func describe(_ error: any Error) -> String {
        if let e = error as? HTTPClientError {
            if e == .deadlineExceeded || e == .readTimeout { return "timed out after \(endpoint.timeout) s" }
            if e == .remoteConnectionClosed { return "the server closed the connection before the reply was complete" }
            if e == .connectTimeout { return "could not connect within \(min(endpoint.timeout, 10)) s" }
        }
        let text = String(describing: error)
        return text.count > 200 ? String(text.prefix(200)) + "..." : text
    }

    /// The reply text in an OpenAI-compatible response body: `choices[0].message.content` (chat)
    /// or `choices[0].text` (completions).
    private func replyText(_ body: [UInt8]) -> Result<String, ModelCallError> {
        let parsed = body.withUnsafeBufferPointer { JSONDocument.parse($0) }
        guard case let .success(json) = parsed else {
            return .failure(
                ModelCallError(
                    message:
                        "\(endpoint.url) sent a reply that is not valid JSON (\(body.count) bytes\(Self.excerpt(body)))"
                ))
        }
        guard case let .array(choices)? = json["choices"], let first = choices.first else {
            return .failure(
                ModelCallError(message: "\(endpoint.url) sent a reply without choices\(Self.excerpt(body))"))
        }
        switch endpoint.api {
        case .chat:
            if let text = first["message"]?["content"]?.stringValue { return .success(text) }
            if case let .array(parts)? = first["message"]?["content"] {
                return .success(parts.compactMap { $0["text"]?.stringValue }.joined())
            }
            return .failure(
                ModelCallError(
                    message: "\(endpoint.url) sent a reply without choices[0].message.content\(Self.excerpt(body))"))
        case .completions:
            if let text = first["text"]?.stringValue { return .success(text) }
            return .failure(
                ModelCallError(message: "\(endpoint.url) sent a reply without choices[0].text\(Self.excerpt(body))"))
        }
    }

    /// `Retry-After` as seconds: a number, or an HTTP date.
    static func retryAfterSeconds(_ value: String) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds.isFinite { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: trimmed).map { max(0, $0.timeIntervalSinceNow) }
    }

    /// `: "the first 120 bytes"` of a body, for messages.
    static func excerpt(_ body: [UInt8]) -> String {
        guard !body.isEmpty else { return "" }
        let text = String(decoding: body.prefix(120), as: UTF8.self)
        return ": " + (body.count > 120 ? text + "..." : text).debugDescription
    }
}

/// Lets the scheduler reach its caller without keeping it alive.
private final class WeakCaller: @unchecked Sendable {
    // @unchecked: set once in the caller's init, before any call is scheduled.
    weak var caller: ModelCaller?
}

/// The results of one batch's calls, filled in by the event loops.
private final class AnswerSlots: @unchecked Sendable {
    // @unchecked: each slot is written once under `lock`; read after the batch's group is done.
    private let lock = NSLock()
    private var slots: [Result<[UInt8], ModelCallError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<[UInt8], ModelCallError>) {
        lock.lock()
        slots[i] = result
        lock.unlock()
    }

    func get(_ i: Int) -> Result<[UInt8], ModelCallError> {
        lock.lock()
        defer { lock.unlock() }
        return slots[i] ?? .failure(ModelCallError(message: "internal: no result"))
    }
}
