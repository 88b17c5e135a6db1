import Foundation

/// Splitting JSONL bytes into lines, shared by the streaming and the batch scorers so both number
/// lines and skip blank ones (spaces, tabs, a CR) the same way.
package enum JSONLLines {
    /// The non-blank lines of `region` with their line numbers, and the count of all lines.
    package static func nonBlank(
        _ region: UnsafeBufferPointer<UInt8>, firstLine: Int
    ) -> (lines: [(range: Range<Int>, number: Int)], physical: Int) {
        var lines: [(range: Range<Int>, number: Int)] = []
        lines.reserveCapacity(region.count / 256)
        var lineStart = 0, number = firstLine
        guard let base = region.baseAddress else { return ([], 0) }
        while lineStart < region.count {
            let end: Int
            if let hit = memchr(base + lineStart, 0x0A, region.count - lineStart) {
                end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            } else {
                end = region.count
            }
            if !isBlank(region, lineStart..<end) { lines.append((lineStart..<end, number)) }
            lineStart = end + 1
            number += 1
        }
        return (lines, number - firstLine)
    }

    /// Whether `range` holds only spaces, tabs and carriage returns.
    package static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: continue
            default: return false
            }
        }
        return true
    }
}
