extension String {
    /// The string without leading and trailing spaces, tabs and newlines (Foundation-free).
    var trimmingSpaces: String {
        let u = Array(utf8)
        var lo = 0, hi = u.count
        while lo < hi, u[lo] == 32 || u[lo] == 9 || u[lo] == 10 || u[lo] == 13 { lo += 1 }
        while hi > lo, u[hi - 1] == 32 || u[hi - 1] == 9 || u[hi - 1] == 10 || u[hi - 1] == 13 { hi -= 1 }
        return lo == 0 && hi == u.count ? self : String(decoding: u[lo..<hi], as: UTF8.self)
    }
}
