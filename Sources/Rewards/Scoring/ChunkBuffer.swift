#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Input bytes of one chunk at a fixed address, owned by one side at a time: the reading thread
/// fills it, the scoring threads then only read it, and once the chunk's output is written it goes
/// back to the reader.
///
/// Raw memory rather than an array, so the scoring threads can keep a pointer to the bytes
/// without holding the reader's array open (and the reader can grow a buffer for a long line).
final class ChunkBuffer: @unchecked Sendable {
    // @unchecked: see above; the handovers go through locks, which order the accesses.
    private(set) var base: UnsafeMutablePointer<UInt8>
    /// Bytes the buffer holds.
    private(set) var count: Int

    /// A zeroed buffer of `count` bytes.
    init(count: Int) {
        self.count = max(1, count)
        base = .allocate(capacity: self.count)
        base.initialize(repeating: 0, count: self.count)
    }

    deinit { base.deallocate() }

    /// `range` of the buffer, for reading.
    subscript(range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    /// The index of the last newline in the first `end` bytes.
    func lastNewline(before end: Int) -> Int? {
        var i = end - 1
        while i >= 0 {
            if base[i] == 0x0A { return i }
            i -= 1
        }
        return nil
    }

    /// The index of the first newline in the first `end` bytes.
    func firstNewline(before end: Int) -> Int? {
        guard end > 0, let hit = memchr(base, 0x0A, end) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Doubles the size, keeping the first `keep` bytes.
    func grow(keeping keep: Int) {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: count * 2)
        bigger.initialize(from: base, count: keep)
        (bigger + keep).initialize(repeating: 0, count: count * 2 - keep)
        base.deallocate()
        base = bigger
        count *= 2
    }

    /// Moves `range` to the start of the buffer.
    func moveToFront(_ range: Range<Int>) {
        guard !range.isEmpty, range.lowerBound > 0 else { return }
        base.update(from: base + range.lowerBound, count: range.count)
    }

    /// Copies `range` of this buffer to the start of `other`, which grows first when it is
    /// shorter (a long line's start can be longer than a chunk).
    func copy(_ range: Range<Int>, toFrontOf other: ChunkBuffer) {
        guard !range.isEmpty else { return }
        while other.count < range.count { other.grow(keeping: 0) }
        other.base.update(from: base + range.lowerBound, count: range.count)
    }

    /// Back to `size` bytes when a long line grew it, so idle buffers hold no more than a chunk.
    func shrink(to size: Int) {
        guard count > size else { return }
        base.deallocate()
        count = max(1, size)
        base = .allocate(capacity: count)
        base.initialize(repeating: 0, count: count)
    }
}
