/// Appends JSON text to a byte buffer: strings escaped, numbers in their shortest exact form.
///
/// Output rows are assembled here from raw input bytes plus the new members, so a row's unknown
/// fields are written back byte for byte.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// A writer appending to `buffer` (emptied first, its capacity kept), to reuse its memory.
    package init(reusing buffer: [UInt8]) {
        bytes = buffer
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends bytes as they are (already JSON).
    public mutating func raw(_ slice: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: slice) }

    /// Appends bytes as they are (already JSON).
    package mutating func raw(_ array: [UInt8]) { bytes.append(contentsOf: array) }

    /// Appends a byte as it is.
    public mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// Appends ASCII text as it is.
    public mutating func ascii(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a JSON string literal for `text`.
    public mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [
                    UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    hex[Int(b >> 4)], hex[Int(b & 0xF)],
                ])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a number; whole numbers print without a fraction, non-finite values as null
    /// (JSON has no NaN or infinity).
    public mutating func number(_ value: Double) {
        // Rewards and totals are nearly always 0, 1, a half or a small whole number: one or three
        // bytes, written without the general path's conversions (a scored row writes three).
        let twice = value * 2
        if twice >= 0, twice < 20, let halves = UInt8(exactly: twice) {
            bytes.append(UInt8(ascii: "0") + halves / 2)
            if halves % 2 == 1 {
                bytes.append(UInt8(ascii: "."))
                bytes.append(UInt8(ascii: "5"))
            }
            return
        }
        guard value.isFinite else { ascii("null"); return }
        if value == value.rounded(), abs(value) < 1e15 {
            integer(Int64(value))
        } else if value * 2 == (value * 2).rounded(), abs(value) < 1e15 {
            // A half (a 0.5 weight makes most totals one) prints as `description` would, `1.5` or
            // `-0.5`, without making a String.
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            integer(Int64(abs(value).rounded(.down)))
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "5"))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// Appends the decimal digits of `n` without making a String (every scored row has several).
    private mutating func integer(_ n: Int64) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = n.magnitude
        var digits: (UInt64, UInt64) = (0, 0)  // room for 16 digits, enough below 1e15
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[15 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(16 - count)...])
        }
    }

    /// Appends `"key":`.
    public mutating func key(_ key: String) {
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Appends any `JSONValue`.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: ascii("null")
        case let .bool(b): b ? ascii("true") : ascii("false")
        case let .number(n): number(n)
        case let .string(s): string(s)
        case let .array(items):
            byte(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { byte(UInt8(ascii: ",")) }
                self.value(item)
            }
            byte(UInt8(ascii: "]"))
        case let .object(members):
            byte(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { byte(UInt8(ascii: ",")) }
                key(member.key)
                self.value(member.value)
            }
            byte(UInt8(ascii: "}"))
        }
    }

    /// Empties the buffer, keeping its capacity.
    public mutating func reset() { bytes.removeAll(keepingCapacity: true) }
}
