#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A complex number in Doubles: what non-rational values evaluate to.
struct Complex: Sendable, Equatable {
    var re: Double
    var im: Double

    init(_ re: Double, _ im: Double = 0) { self.re = re; self.im = im }

    static let nan = Complex(.nan, .nan)
    var isReal: Bool { im == 0 }
    var isFinite: Bool { re.isFinite && im.isFinite }
    var magnitude: Double { hypot(re, im) }

    static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
    static prefix func - (a: Complex) -> Complex { Complex(-a.re, -a.im) }
    static func * (a: Complex, b: Complex) -> Complex {
        if a.im == 0 && b.im == 0 { return Complex(a.re * b.re) }
        return Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
    }
    static func / (a: Complex, b: Complex) -> Complex {
        if a.im == 0 && b.im == 0 { return Complex(a.re / b.re) }
        let d = b.re * b.re + b.im * b.im
        return Complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
    }

    func exp() -> Complex {
        if im == 0 { return Complex(libm_exp(re)) }
        let m = libm_exp(re)
        return Complex(m * libm_cos(im), m * libm_sin(im))
    }
    /// Principal logarithm.
    func log() -> Complex {
        if im == 0 && re > 0 { return Complex(libm_log(re)) }
        return Complex(libm_log(magnitude), atan2(im, re))
    }
    /// Principal square root.
    func sqrt() -> Complex {
        if im == 0 && re >= 0 { return Complex(re.squareRoot()) }
        let m = magnitude
        let r = ((m + re) / 2).squareRoot()
        let i = ((m - re) / 2).squareRoot()
        return Complex(r, im < 0 ? -i : i)
    }
    func pow(_ b: Complex) -> Complex {
        if im == 0 && b.im == 0 {
            if re >= 0 || b.re == b.re.rounded() { return Complex(libm_pow(re, b.re)) }
        }
        if re == 0 && im == 0 { return b.re > 0 ? Complex(0) : .nan }
        return (b * log()).exp()
    }
    func sin() -> Complex {
        if im == 0 { return Complex(libm_sin(re)) }
        return Complex(libm_sin(re) * cosh(im), libm_cos(re) * sinh(im))
    }
    func cos() -> Complex {
        if im == 0 { return Complex(libm_cos(re)) }
        return Complex(libm_cos(re) * cosh(im), -libm_sin(re) * sinh(im))
    }
    static let i = Complex(0, 1)
    func asin() -> Complex {
        if im == 0 && abs(re) <= 1 { return Complex(libm_asin(re)) }
        // -i log(iz + sqrt(1 - z^2))
        return -Complex.i * (Complex.i * self + (Complex(1) - self * self).sqrt()).log()
    }
    func acos() -> Complex {
        if im == 0 && abs(re) <= 1 { return Complex(libm_acos(re)) }
        return Complex(Double.pi / 2) - asin()
    }
    func atan() -> Complex {
        if im == 0 { return Complex(libm_atan(re)) }
        // (i/2) (log(1 - iz) - log(1 + iz))
        let iz = Complex.i * self
        return Complex(0, 0.5) * ((Complex(1) - iz).log() - (Complex(1) + iz).log())
    }
}

// Free-function names clash with the methods above; these aliases reach libm.
@inline(__always) func libm_exp(_ x: Double) -> Double { exp(x) }
@inline(__always) func libm_log(_ x: Double) -> Double { log(x) }
@inline(__always) func libm_pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) func libm_sin(_ x: Double) -> Double { sin(x) }
@inline(__always) func libm_cos(_ x: Double) -> Double { cos(x) }
@inline(__always) func libm_asin(_ x: Double) -> Double { asin(x) }
@inline(__always) func libm_acos(_ x: Double) -> Double { acos(x) }
@inline(__always) func libm_atan(_ x: Double) -> Double { atan(x) }
