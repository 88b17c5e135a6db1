/// Word lists behind the reasoning features, as FNV-1a hashes of lowercased words (and of
/// "first second" for two-word markers) so a response is matched without building strings.
enum MarkerWords {
    /// Words and phrases that hedge a claim instead of establishing it.
    static let hedges: HashSet64 = hashed([
        "maybe", "perhaps", "probably", "possibly", "presumably", "guess", "unsure", "apparently",
        "i think", "not sure", "might be", "could be", "i believe", "seems like", "not certain",
        "not entirely", "hard to say", "mistaken", "roughly", "assume", "hopefully", "suppose",
    ])

    /// Words that flag a response checking or correcting itself (error identification).
    static let corrections: HashSet64 = hashed([
        "wait", "actually", "oops", "mistake", "correction", "recheck", "double-check", "re-check",
        "me check", "me verify", "me recheck", "that's wrong", "is wrong", "not right", "i made",
    ])

    /// Function words of other Latin-script languages: a Spanish or French clause in an English
    /// solution does not change the script, so it is caught by its words instead.
    static let foreign: HashSet64 = hashed(
        [
            "el", "los", "las", "que", "es", "por", "para", "entonces", "pero", "porque", "del", "una",
            "tenemos", "respuesta", "resultado", "calculamos", "cada", "cuántos", "también", "así",
            "est", "donc", "les", "des", "nous", "avec", "c'est", "alors", "une", "sont", "réponse",
            "und", "ist", "der", "die", "das", "nicht", "mit", "also", "ergebnis", "wir", "antwort",
            "então", "luego", "después", "ensuite", "dann", "dunque", "quindi", "perché", "sono", "risposta", "abbiamo",
        ].filter { $0 != "also" })

    static func hashed(_ words: [String]) -> HashSet64 {
        var out = [UInt64]()
        for w in words {
            let parts = w.split(separator: " ")
            var h = wordHash(Substring(parts[0]))
            if parts.count > 1 { for p in parts.dropFirst() { h = pair(h, wordHash(p)) } }
            out.append(h)
        }
        return HashSet64(out)
    }

    static func wordHash(_ word: Substring) -> UInt64 {
        var h = FNV1a.offset
        for b in word.utf8 { h = FNV1a.step(h, b) }
        return h
    }

    @inline(__always)
    static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 { FNV1a.fold(FNV1a.step(a, 0x20), b) }
}
