// libvips for Swift. Most of vips' C API is variadic (optional arguments as name/value pairs
// ended by NULL), which Swift cannot call: each call RewardKit makes is wrapped here in a
// fixed-argument static inline function. Every function returns 0 on success and -1 on error,
// with the reason in vips_error_buffer().
#ifndef REWARDKIT_CVIPS_SHIM_H
#define REWARDKIT_CVIPS_SHIM_H

#include <vips/vips.h>

/// Starts libvips (VIPS_INIT checks the header and library versions agree). Call once.
static inline int rk_vips_init(void) { return VIPS_INIT("rewardkit"); }

/// Opens an image file, decoding lazily. `sequential` != 0 streams it top to bottom (memory
/// bounded, only for operations that read in order); otherwise libvips decodes it to memory, or
/// to a temporary file when it is larger than its disc threshold. Decode errors are failures
/// rather than grey pixels.
static inline VipsImage *rk_vips_open(const char *path, int sequential) {
    return vips_image_new_from_file(path,
        "access", sequential ? VIPS_ACCESS_SEQUENTIAL : VIPS_ACCESS_RANDOM,
        "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}

/// The name of the loader libvips would use for `path` (e.g. "VipsForeignLoadJpegFile"), or NULL.
static inline const char *rk_vips_loader(const char *path) { return vips_foreign_find_load(path); }

/// Rotates by a multiple of 90 degrees (VIPS_ANGLE_D90 is clockwise).
static inline int rk_vips_rot(VipsImage *in, VipsImage **out, VipsAngle angle) {
    return vips_rot(in, out, angle, NULL);
}

/// Mirrors: VIPS_DIRECTION_HORIZONTAL swaps left and right, VIPS_DIRECTION_VERTICAL top and bottom.
static inline int rk_vips_flip(VipsImage *in, VipsImage **out, VipsDirection direction) {
    return vips_flip(in, out, direction, NULL);
}

/// One band of Gaussian noise (float, mean 0, standard deviation `sigma`), a pure function of
/// `seed` and the pixel position.
static inline int rk_vips_gaussnoise(VipsImage **out, int width, int height, double sigma, int seed) {
    return vips_gaussnoise(out, width, height, "sigma", sigma, "mean", 0.0, "seed", seed, NULL);
}

/// Bands `first` ..< `first + n`.
static inline int rk_vips_extract_bands(VipsImage *in, VipsImage **out, int first, int n) {
    return vips_extract_band(in, out, first, "n", n, NULL);
}

/// Joins the bands of two images.
static inline int rk_vips_bandjoin2(VipsImage *a, VipsImage *b, VipsImage **out) {
    return vips_bandjoin2(a, b, out, NULL);
}

/// Pixel-wise sum (float for uchar/ushort plus float).
static inline int rk_vips_add(VipsImage *a, VipsImage *b, VipsImage **out) {
    return vips_add(a, b, out, NULL);
}

/// Rounds to the nearest integer.
static inline int rk_vips_rint(VipsImage *in, VipsImage **out) {
    return vips_round(in, out, VIPS_OPERATION_ROUND_RINT, NULL);
}

/// Converts the band format; values out of the target's range are clipped.
static inline int rk_vips_cast(VipsImage *in, VipsImage **out, VipsBandFormat format) {
    return vips_cast(in, out, format, NULL);
}

/// A copy with the EXIF orientation tag removed, so viewers show the pixels as they are.
static inline int rk_vips_without_orientation(VipsImage *in, VipsImage **out) {
    if (vips_copy(in, out, NULL)) return -1;
    vips_image_remove(*out, VIPS_META_ORIENTATION);
    return 0;
}

/// Encoders, one per kept format.
static inline int rk_vips_jpegsave(VipsImage *in, const char *path, int quality) {
    return vips_jpegsave(in, path, "Q", quality, NULL);
}
static inline int rk_vips_pngsave(VipsImage *in, const char *path, int compression) {
    return vips_pngsave(in, path, "compression", compression, NULL);
}
static inline int rk_vips_webpsave(VipsImage *in, const char *path, int quality, int lossless) {
    return vips_webpsave(in, path, "Q", quality, "lossless", lossless, NULL);
}

/// Decodes into a new memory buffer (for tests and checks); free it with g_free.
static inline void *rk_vips_to_memory(VipsImage *in, size_t *size) {
    return vips_image_write_to_memory(in, size);
}

/// Drops a reference to an image (they are GObjects).
static inline void rk_vips_unref(VipsImage *image) { g_object_unref(image); }

#endif
