/// Small whole numbers as English words and back, for rewrites that state a number another way.
enum NumberWords {
    static let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen", "twenty",
    ]

    /// The word for 0...20, else nil.
    static func word(for n: Int) -> String? {
        n >= 0 && n < words.count ? words[n] : nil
    }

    /// The value of a number word (any case), else nil. "one" is left out on purpose: "no one",
    /// "one of them" and "one day" are not the number 1 in a way a digit could replace.
    static func value(of word: String) -> Int? {
        let lower = word.lowercased()
        guard lower != "one", let i = words.firstIndex(of: lower) else { return nil }
        return i
    }
}
