/// Word-level text metrics for OCR and free-form answers (SophiaVL's outcome rewards).
public enum TextMetrics {
    /// Lower-cased words: runs of letters and digits, punctuation dropped.
    public static func words(_ text: String) -> [Substring] {
        let lowered = text.lowercased()
        return lowered.split { !($0.isLetter || $0.isNumber) }
    }

    /// Word error rate: word-level edit distance / reference length (1 for an empty reference
    /// unless the hypothesis is empty too). Can exceed 1.
    public static func wordErrorRate(reference: String, hypothesis: String) -> Double {
        let r = words(reference), h = words(hypothesis)
        if r.isEmpty { return h.isEmpty ? 0 : 1 }
        // Two rows of the Levenshtein table are enough.
        var previous = Array(0...h.count), current = [Int](repeating: 0, count: h.count + 1)
        for i in 1...r.count {
            current[0] = i
            for j in stride(from: 1, through: h.count, by: 1) {
                let substitution = previous[j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return Double(previous[h.count]) / Double(r.count)
    }

    /// ROUGE-N F1 on words (N-gram overlap, clipped counts).
    public static func rougeN(_ n: Int, reference: String, candidate: String) -> Double {
        let r = ngrams(words(reference), n), c = ngrams(words(candidate), n)
        let rTotal = r.values.reduce(0, +), cTotal = c.values.reduce(0, +)
        guard rTotal > 0, cTotal > 0 else { return 0 }
        let overlap = c.reduce(0) { $0 + min($1.value, r[$1.key] ?? 0) }
        return f1(overlap: Double(overlap), candidate: Double(cTotal), reference: Double(rTotal))
    }

    /// ROUGE-L F1: longest common word subsequence.
    public static func rougeL(reference: String, candidate: String) -> Double {
        let r = words(reference), c = words(candidate)
        guard !r.isEmpty, !c.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: c.count + 1), current = previous
        for i in 1...r.count {
            for j in 1...c.count {
                current[j] = r[i - 1] == c[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return f1(overlap: Double(previous[c.count]), candidate: Double(c.count), reference: Double(r.count))
    }

    private static func ngrams(_ words: [Substring], _ n: Int) -> [String: Int] {
        guard words.count >= n, n > 0 else { return [:] }
        var counts: [String: Int] = [:]
        for i in 0...(words.count - n) { counts[words[i..<(i + n)].joined(separator: " "), default: 0] += 1 }
        return counts
    }

    private static func f1(overlap: Double, candidate: Double, reference: Double) -> Double {
        guard overlap > 0 else { return 0 }
        let precision = overlap / candidate, recall = overlap / reference
        return 2 * precision * recall / (precision + recall)
    }
}
