import Foundation

/// How the default model turns a (question, response) into numbers; stored in every MLP
/// checkpoint so a loaded model featurises exactly as it was trained, with no flags.
public struct RMFeaturizerSettings: Codable, Sendable, Equatable {
    /// Hash buckets for word and character n-grams (`HashedNGrams`).
    public var ngramDimension: Int
    /// Names of the dense features, in input order (`RMFeaturizer.denseNames` when trained).
    public var denseNames: [String]
    /// Per-feature mean over the training rows, subtracted before the model sees a feature.
    public var denseMean: [Float]
    /// Per-feature 1/std over the training rows (1 where the std is 0).
    public var denseScale: [Float]
    /// N-gram counts are weighted TF-IDF style (`1 + ln tf`, times the bucket's inverse document
    /// frequency over the training rows, stored in the checkpoint as tensor `featurizer.idf`), so
    /// wording every response shares weighs little.
    public var tfidf: Bool

    /// Settings with identity scaling; `fitScaling` replaces it from training rows.
    public init(ngramDimension: Int = 1 << 18, tfidf: Bool = true) {
        self.ngramDimension = ngramDimension
        self.tfidf = tfidf
        denseNames = RMFeaturizer.denseNames
        denseMean = [Float](repeating: 0, count: RMFeaturizer.denseNames.count)
        denseScale = [Float](repeating: 1, count: RMFeaturizer.denseNames.count)
    }

    /// Width of the model input: n-gram buckets, then the dense features.
    public var inputSize: Int { ngramDimension + denseNames.count }

    /// Standardises each dense feature to mean 0, std 1 over `rows` (raw dense vectors).
    public mutating func fitScaling(_ rows: [[Double]]) {
        let k = denseNames.count
        guard !rows.isEmpty else { return }
        var mean = [Double](repeating: 0, count: k), sq = [Double](repeating: 0, count: k)
        for r in rows { for j in 0..<k { mean[j] += r[j]; sq[j] += r[j] * r[j] } }
        let n = Double(rows.count)
        for j in 0..<k {
            let m = mean[j] / n
            let variance = max(0, sq[j] / n - m * m)
            denseMean[j] = Float(m)
            denseScale[j] = variance > 1e-12 ? Float(1 / variance.squareRoot()) : 1
        }
    }
}

/// Features of one (question, response) for the default model: the hashed n-grams of the
/// response (L2-normalised) followed by the standardised reasoning and question features.
///
/// Holds the n-gram scratch buffer, so keep one per thread and reuse it.
public struct RMFeaturizer: Sendable {
    /// The dense features the model reads: every reasoning, question and work-step feature. (The
    /// shape features, length, lines, steps, stay: without them pairwise accuracy on problem kinds
    /// held out of training is lower; docs/benchmarks.md has the figures.)
    public static let denseNames =
        ReasoningFeatures.names + QuestionFeatures.names + WorkFeatures.names + WorkGraphFeatures.names

    /// The settings in use.
    public let settings: RMFeaturizerSettings
    private var ngrams: HashedNGrams

    /// A featuriser for `settings`; `idf` holds the bucket weights when `settings.tfidf` is on.
    public init(settings: RMFeaturizerSettings, idf: [Float]? = nil) {
        self.settings = settings
        ngrams = Self.ngrams(settings, idf: idf)
    }

    /// The n-gram featuriser for `settings` (TF-IDF weighting when on and `idf` is given).
    public static func ngrams(_ settings: RMFeaturizerSettings, idf: [Float]?) -> HashedNGrams {
        var ngrams = HashedNGrams(dimension: settings.ngramDimension)
        if settings.tfidf {
            ngrams.sublinearCounts = true
            ngrams.bucketWeights = idf
        }
        return ngrams
    }

    /// Smoothed inverse document frequency per bucket, `ln((1 + n) / (1 + df)) + 1` as in
    /// scikit-learn, from the n-gram rows of `n` training documents.
    public static func inverseDocumentFrequency(_ rows: [[SparseEntry]], dimension: Int) -> [Float] {
        var df = [Int32](repeating: 0, count: dimension)
        for r in rows { for e in r where Int(e.index) < dimension { df[Int(e.index)] += 1 } }
        let n = Float(rows.count)
        return df.map { log((1 + n) / (1 + Float($0))) + 1 }
    }

    /// The raw (unscaled) dense features of a response to `question` (nil: no question given).
    public static func dense(question: String?, response: String) -> [Double] {
        let reasoning = ReasoningFeatures(response: response)
        let numbers = ReasoningFeatures.numbers(in: response)
        let asked = QuestionFeatures(
            question: question ?? "", response: response,
            calculations: reasoning.statedCalculations, answer: reasoning.finalAnswerValue,
            responseNumbers: numbers)
        let steps = WorkStepScanner.scan(response)
        let work = WorkFeatures(
            question: question ?? "", work: steps,
            responseNumbers: numbers, answer: reasoning.finalAnswerValue)
        let graph = WorkGraphFeatures(question: question ?? "", work: steps, answer: reasoning.finalAnswerValue)
        return reasoning.values + asked.values + work.values + graph.values
    }

    /// The sparse input row: n-gram entries, then dense features at `ngramDimension + j`.
    public mutating func row(question: String?, response: String) -> [SparseEntry] {
        // N-grams first, into a local: written as an argument of `row(ngrams:dense:)`, `self` would
        // be captured for that call before the mutation, sharing and copying the scratch buffer.
        let entries = ngrams.features(of: response)
        return row(ngrams: entries, dense: Self.dense(question: question, response: response))
    }

    /// Joins precomputed n-grams and raw dense features into one scaled input row.
    public func row(ngrams entries: [SparseEntry], dense: [Double]) -> [SparseEntry] {
        var out = entries
        out.reserveCapacity(entries.count + dense.count)
        let base = Int32(settings.ngramDimension)
        for (j, x) in dense.enumerated() {
            let v = (Float(x) - settings.denseMean[j]) * settings.denseScale[j]
            if v != 0 { out.append(SparseEntry(index: base + Int32(j), value: v)) }
        }
        return out
    }

    /// The n-gram entries alone (for callers that cache them across passes).
    public mutating func ngramEntries(of response: String) -> [SparseEntry] {
        ngrams.features(of: response)
    }
}
