/// Units, labels and the names of functions and constants.
extension MathParser {
    /// Words that follow a number as its unit, currency or label, and are dropped.
    static let unitWords: Set<String> = [
        "cm", "mm", "km", "m", "kg", "g", "mg", "s", "sec", "second", "seconds", "min", "minute", "minutes",
        "h", "hr", "hrs", "hour", "hours", "day", "days", "week", "weeks", "year", "years", "month", "months",
        "dollar", "dollars", "cent", "cents", "usd", "euro", "euros", "unit", "units", "meter", "meters",
        "metre", "metres", "inch", "inches", "foot", "feet", "ft", "yard", "yards", "mile", "miles", "mph",
        "degree", "degrees", "deg", "radian", "radians", "rad", "liter", "liters", "litre", "l", "ml",
        "pound", "pounds", "lb", "lbs", "ounce", "ounces", "oz", "square", "sq", "cubic", "cm^2", "percent",
        "people", "students", "apples", "marbles", "times", "ways", "points", "pages", "books", "items",
        "kilometers", "centimeters", "millimeters", "grams", "kilograms", "gallons", "gallon", "mi",
    ]

    /// Whether the next token is a unit or a stray word after a value (`5\text{ cm}`, `12 apples`).
    func isUnit() -> Bool {
        switch peek {
        case let .text(t):
            let w = t.trimmingSpaces.lowercased()
            return !Self.isConjunction(t) && (Self.unitWords.contains(w) || w.isEmpty || Self.isWordy(w))
        case let .word(w):
            return w.utf8.count >= 3 && Self.knownWord(w) == nil && w != "and" && w != "or"
                || Self.unitWords.contains(w) && w.utf8.count >= 2 && Self.knownWord(w) == nil
        default: return false
        }
    }

    mutating func skipUnits() {
        while isUnit() {
            advance()
            // `\text{cm}^2`
            if peek == .op(94), pos + 1 < tokens.count, case .number = tokens[pos + 1] { pos += 2 }
        }
    }

    /// Text with a letter run of three or more that is not math: a word answer or a label.
    static func isWordy(_ w: String) -> Bool {
        var run = 0
        for b in w.utf8 {
            if (b | 0x20) >= 97 && (b | 0x20) <= 122 { run += 1; if run >= 3 { return true } } else { run = 0 }
        }
        return false
    }

    enum Known { case function(MathFunction), constant(MathConstant) }

    static func knownWord(_ w: String) -> Known? {
        switch w {
        case "pi": return .constant(.pi)
        case "infty", "inf", "infinity", "oo", "Infinity": return .constant(.infinity)
        case "sin": return .function(.sin)
        case "cos": return .function(.cos)
        case "tan", "tg": return .function(.tan)
        case "sec": return .function(.sec)
        case "csc", "cosec": return .function(.csc)
        case "cot", "ctg": return .function(.cot)
        case "arcsin", "asin": return .function(.asin)
        case "arccos", "acos": return .function(.acos)
        case "arctan", "atan": return .function(.atan)
        case "arcsec": return .function(.asec)
        case "arccsc": return .function(.acsc)
        case "arccot": return .function(.acot)
        case "sinh": return .function(.sinh)
        case "cosh": return .function(.cosh)
        case "tanh": return .function(.tanh)
        case "exp": return .function(.exp)
        case "ln": return .function(.ln)
        case "log", "lg": return .function(.log)
        case "sqrt": return .function(.sqrt)
        case "abs": return .function(.abs)
        case "floor", "lfloor": return .function(.floor)
        case "ceil", "lceil": return .function(.ceil)
        default: return nil
        }
    }

}
