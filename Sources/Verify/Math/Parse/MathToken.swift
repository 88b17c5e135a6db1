/// One lexical unit of an answer string.
enum MathToken: Equatable, Sendable {
    /// Digits with an optional fraction, as written (separators removed), plus a power of ten.
    case number(digits: String, exponent: Int, decimal: Bool)
    /// A run of ASCII letters (split or recognised by the parser).
    case word(String)
    /// A LaTeX command without its backslash: `frac`, `{` for `\{`, `,` for `\,`.
    case command(String)
    /// A one-byte operator or bracket: `+ - * / ^ _ ( ) [ ] { } , | ! ' & ; :`.
    case op(UInt8)
    /// A relation operator.
    case relation(Relation)
    /// The raw content of `\text{…}`, `\mathrm{…}`, `\mbox{…}` and friends.
    case text(String)
    /// The end of input.
    case end
}
