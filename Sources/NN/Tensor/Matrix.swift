/// A dense row-major Float32 matrix; a batch of sequences is one `[batch * seqLen, features]` matrix.
///
/// A value type over `[Float]`, so copies are cheap until written (copy-on-write) and the type is
/// `Sendable`. Inner loops go through `withBuffer` / `withMutableBuffer` to avoid bounds checks.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var cols: Int
    /// Row-major elements, `rows * cols` of them.
    public var storage: [Float]

    /// A matrix with every element set to `value`.
    public init(rows: Int, cols: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && cols >= 0, "Matrix shape must be non-negative")
        self.rows = rows
        self.cols = cols
        self.storage = [Float](repeating: value, count: rows * cols)
    }

    /// A matrix whose elements are left unset (arbitrary bit patterns), for outputs that the caller
    /// overwrites completely; skips the zero fill that shows up in profiles.
    public init(uninitializedRows rows: Int, cols: Int) {
        precondition(rows >= 0 && cols >= 0, "Matrix shape must be non-negative")
        self.rows = rows
        self.cols = cols
        self.storage = [Float](unsafeUninitializedCapacity: rows * cols) { _, count in count = rows * cols }
    }

    /// A matrix over the given row-major values.
    public init(rows: Int, cols: Int, values: [Float]) {
        precondition(
            values.count == rows * cols, "Matrix(\(rows)x\(cols)) needs \(rows * cols) values, got \(values.count)")
        self.rows = rows
        self.cols = cols
        self.storage = values
    }

    /// Number of elements.
    @inlinable public var count: Int { storage.count }

    /// The shape as `(rows, cols)`.
    public var shape: (rows: Int, cols: Int) { (rows, cols) }

    /// Element at row `r`, column `c`.
    @inlinable public subscript(r: Int, c: Int) -> Float {
        get { storage[r * cols + c] }
        set { storage[r * cols + c] = newValue }
    }

    /// Runs `body` over the elements without bounds checks.
    @inlinable public func withBuffer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Runs `body` over the mutable elements without bounds checks.
    @inlinable public mutating func withMutableBuffer<R>(
        _ body: (UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        try storage.withUnsafeMutableBufferPointer { try body($0) }
    }

    /// Sets every element to `value`, keeping the allocation.
    public mutating func fill(_ value: Float) {
        withMutableBuffer { buf in
            for i in buf.indices { buf[i] = value }
        }
    }

    /// Changes the shape, reusing the allocation when the element count allows; contents become zero.
    public mutating func reshapeZeroed(rows: Int, cols: Int) {
        if rows * cols == storage.count {
            fill(0)
        } else {
            storage = [Float](repeating: 0, count: rows * cols)
        }
        self.rows = rows
        self.cols = cols
    }

    /// Makes the shape `rows x cols`, reallocating only when the element count changes; the old
    /// contents stay as they are, so use this only for buffers that are fully overwritten.
    public mutating func ensureShape(rows: Int, cols: Int) {
        if rows * cols != storage.count {
            storage = [Float](repeating: 0, count: rows * cols)
        }
        self.rows = rows
        self.cols = cols
    }

    /// The same elements viewed with another shape of equal size.
    public func reshaped(rows: Int, cols: Int) -> Matrix {
        precondition(rows * cols == count, "cannot reshape \(self.rows)x\(self.cols) to \(rows)x\(cols)")
        return Matrix(rows: rows, cols: cols, values: storage)
    }

    /// The rows `range` as a new matrix.
    public func rowSlice(_ range: Range<Int>) -> Matrix {
        Matrix(
            rows: range.count, cols: cols, values: Array(storage[(range.lowerBound * cols)..<(range.upperBound * cols)])
        )
    }

    /// Adds `other` elementwise in place (shapes must match).
    public mutating func add(_ other: Matrix) {
        precondition(
            rows == other.rows && cols == other.cols, "add: shape \(rows)x\(cols) vs \(other.rows)x\(other.cols)")
        other.withBuffer { src in
            withMutableBuffer { dst in
                for i in dst.indices { dst[i] += src[i] }
            }
        }
    }

    /// Multiplies every element by `factor` in place.
    public mutating func scale(by factor: Float) {
        withMutableBuffer { buf in
            for i in buf.indices { buf[i] *= factor }
        }
    }

    /// Sum of squares of the elements, accumulated in Double.
    public func sumOfSquares() -> Double {
        withBuffer { buf in
            var s = 0.0
            for v in buf { s += Double(v) * Double(v) }
            return s
        }
    }

    /// A matrix of independent normal samples with the given standard deviation.
    public static func randomNormal(rows: Int, cols: Int, std: Float, using rng: inout SeededRandom) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        m.withMutableBuffer { buf in
            for i in buf.indices { buf[i] = rng.nextNormal() * std }
        }
        return m
    }

    /// A matrix of independent uniform samples in `[-limit, limit)`.
    public static func randomUniform(rows: Int, cols: Int, limit: Float, using rng: inout SeededRandom) -> Matrix {
        var m = Matrix(rows: rows, cols: cols)
        m.withMutableBuffer { buf in
            for i in buf.indices { buf[i] = (rng.nextUnitFloat() * 2 - 1) * limit }
        }
        return m
    }
}
