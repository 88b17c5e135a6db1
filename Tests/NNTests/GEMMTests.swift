import Foundation
import Testing

@testable import NN

@Suite struct GEMMTests {
    static func naive(_ a: Matrix, _ ta: Bool, _ b: Matrix, _ tb: Bool) -> Matrix {
        let m = ta ? a.cols : a.rows, k = ta ? a.rows : a.cols, n = tb ? b.rows : b.cols
        var c = Matrix(rows: m, cols: n)
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k {
                    let av = ta ? a[p, i] : a[i, p]
                    let bv = tb ? b[j, p] : b[p, j]
                    s += Double(av) * Double(bv)
                }
                c[i, j] = Float(s)
            }
        }
        return c
    }

    static func maxDiff(_ x: Matrix, _ y: Matrix) -> Float {
        zip(x.storage, y.storage).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func matchesNaiveMatmul(transposeA: Bool, transposeB: Bool) {
        let (m, k, n) = (5, 7, 3)
        let a = GradientCheck.random(transposeA ? k : m, transposeA ? m : k, seed: 1)
        let b = GradientCheck.random(transposeB ? n : k, transposeB ? k : n, seed: 2)
        let c = GEMM.product(a, transposeA: transposeA, b, transposeB: transposeB)
        #expect(c.rows == m && c.cols == n)
        #expect(Self.maxDiff(c, Self.naive(a, transposeA, b, transposeB)) < 1e-5)
    }

    @Test func accumulatesWithAlphaAndBeta() {
        let a = GradientCheck.random(4, 6, seed: 3), b = GradientCheck.random(6, 2, seed: 4)
        var c = GradientCheck.random(4, 2, seed: 5)
        var expected = Self.naive(a, false, b, false)
        for i in 0..<expected.count { expected.storage[i] = 0.5 * expected.storage[i] + 2 * c.storage[i] }
        GEMM.multiply(a, b, into: &c, alpha: 0.5, beta: 2)
        #expect(Self.maxDiff(c, expected) < 1e-5)
    }

    @Test func handExample() {
        let a = Matrix(rows: 2, cols: 2, values: [1, 2, 3, 4])
        let b = Matrix(rows: 2, cols: 2, values: [5, 6, 7, 8])
        #expect(GEMM.product(a, b).storage == [19, 22, 43, 50])
        #expect(GEMM.product(a, transposeA: true, b).storage == [26, 30, 38, 44])
        #expect(GEMM.product(a, b, transposeB: true).storage == [17, 23, 39, 53])
    }
}

@Suite struct FastMathTests {
    @Test func fastExpMatchesLibm() {
        var worst = 0.0
        var x: Float = -80
        while x < 80 {
            let exact = Foundation.exp(Double(x))
            worst = max(worst, abs(Double(fastExp(x)) - exact) / exact)
            x += 0.0137
        }
        #expect(worst < 1e-6)
        #expect(fastExp(0) == 1)
        #expect(fastExp(-1000) >= 0 && fastExp(-1000) < 1e-37)
        #expect(fastExp(1000).isFinite)
    }
}

@Suite struct BLASThreadTests {
    // Only the getter: changing the count while parallel tests run GEMMs would race inside OpenBLAS.
    @Test func threadCountIsPositive() {
        #expect(GEMM.threadCount >= 1)
    }

    #if os(Linux)
    @Test func allocatorTuningFindsMallopt() {
        #expect(AllocatorTuning.keepFreedMemoryForReuse())
    }
    #endif
}

@Suite struct BLASThreadPoolTests {
    // Only whether the call exists: stopping the pool while parallel tests run GEMMs would race
    // inside OpenBLAS. The CLI tests (`rm train`, `train grpo` in child processes, which stop the
    // pool at start-up) check that products still come out right afterwards.
    @Test func openBLASOffersStoppingItsWorkers() {
        #expect(BLASThreadPool.isAvailable)
    }
}
