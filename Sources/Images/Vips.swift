import CVips
import Foundation

/// libvips, started once per process (Swift runs a global's initialiser exactly once, whichever
/// thread gets there first), with its operation cache off: a batch job opens each file once, and
/// cached results would only hold memory and file handles.
enum Vips {
    private static let started: String? = {
        guard rk_vips_init() == 0 else { return takeError("cannot start libvips") }
        vips_cache_set_max(0)
        return nil
    }()

    /// Starts libvips if it is not running yet.
    static func start() throws(ImageError) {
        if let failure = started { throw ImageError(failure) }
    }

    /// libvips' error buffer as one line, prefixed by `context`; clears the buffer.
    ///
    /// The buffer is per process, so two threads failing at once may read each other's text;
    /// the path in `context` is always the right one.
    static func takeError(_ context: String) -> String {
        let text = String(cString: vips_error_buffer())
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "; ")
        vips_error_clear()
        return text.isEmpty ? context : "\(context): \(text)"
    }
}

/// One libvips image (a GObject reference), released when the value goes away.
final class VipsImageRef {
    let pointer: UnsafeMutablePointer<VipsImage>

    init(_ pointer: UnsafeMutablePointer<VipsImage>) { self.pointer = pointer }
    deinit { rk_vips_unref(pointer) }

    var width: Int { Int(vips_image_get_width(pointer)) }
    var height: Int { Int(vips_image_get_height(pointer)) }
    var bands: Int { Int(vips_image_get_bands(pointer)) }
    var bandFormat: VipsBandFormat { vips_image_get_format(pointer) }
    var hasAlpha: Bool { vips_image_hasalpha(pointer) != 0 }

    /// Runs a libvips operation that makes one new image, or throws its error under `context`.
    static func make(
        _ context: @autoclosure () -> String, _ op: (UnsafeMutablePointer<UnsafeMutablePointer<VipsImage>?>) -> Int32
    ) throws(ImageError) -> VipsImageRef {
        var out: UnsafeMutablePointer<VipsImage>?
        guard op(&out) == 0, let out else { throw ImageError(Vips.takeError(context())) }
        return VipsImageRef(out)
    }
}
