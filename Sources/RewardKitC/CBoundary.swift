import Foundation

// What crosses the C boundary: text as a pointer and a byte count (so a NUL inside it survives),
// numbers, and text returned in memory from `malloc` that the caller gives back to `rk_free`.
// A call that fails returns NULL (or -1) and, when the caller passed somewhere to put it, a
// message in `*error` (also freed with `rk_free`). No entry point traps on any input.

/// The text a pointer and byte count name (invalid UTF-8 is repaired); "" for a null pointer.
func text(_ bytes: UnsafePointer<CChar>?, _ count: Int) -> String {
    guard let bytes, count > 0 else { return "" }
    return bytes.withMemoryRebound(to: UInt8.self, capacity: count) {
        String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
    }
}

/// The bytes a pointer and count name, as a buffer (empty for a null pointer).
func buffer(_ bytes: UnsafePointer<CChar>?, _ count: Int) -> UnsafeBufferPointer<UInt8> {
    guard let bytes, count > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: count)
}

/// `bytes` in a NUL-terminated `malloc` block for the caller to free with `rk_free`; NULL only when
/// memory runs out.
func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
    guard let block = malloc(bytes.count + 1)?.assumingMemoryBound(to: CChar.self) else { return nil }
    bytes.withUnsafeBytes { raw in
        if let base = raw.baseAddress { memcpy(block, base, raw.count) }
    }
    block[bytes.count] = 0
    return block
}

/// `string` as a `malloc`'d C string.
func cString(_ string: String) -> UnsafeMutablePointer<CChar>? { cString(Array(string.utf8)) }

/// Puts `message` where the caller asked for errors to go (nothing when it passed NULL).
func fail(_ message: String, _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) {
    error?.pointee = cString(message)
}

/// Frees text this library returned (results and error messages); NULL is ignored.
@_cdecl("rk_free")
public func rkFree(_ pointer: UnsafeMutableRawPointer?) {
    free(pointer)
}

/// The version of the C interface: it changes when an entry point's signature does or one is added.
@_cdecl("rk_abi_version")
public func rkABIVersion() -> Int32 { 2 }
