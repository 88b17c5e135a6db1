// libvips for Swift. Most of vips' C API is variadic (optional arguments as name/value pairs
// ended by NULL), which Swift cannot call: each call RewardKit makes is wrapped here in a
// fixed-argument static inline function. Every function returns 0 on success and -1 on error,
// with the reason in vips_error_buffer().
#ifndef REWARDKIT_CVIPS_SHIM_H
#define REWARDKIT_CVIPS_SHIM_H

#include <stdint.h>
#include <string.h>
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

/// Gaussian noise by table: the parameters of one `rk_vips_add_noise` pipeline.
typedef struct {
    VipsImage *in;            /* held until the output closes */
    uint64_t seed;
    int bands;                /* all bands */
    int colour;               /* the first `colour` bands get noise; the rest (alpha) are copied */
    int max;                  /* 255 or 65535: values are clipped to 0...max */
    int32_t table[65536];     /* rint(noise) for each 16-bit uniform draw (inverse CDF) */
} rk_noise_params;

static inline uint64_t rk_mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static inline void rk_noise_free(VipsImage *image, void *data) {
    rk_noise_params *p = (rk_noise_params *) data;
    (void) image;
    g_object_unref(p->in);
    g_free(p);
}

/// Computes one region: out = clip(in + table[16 random bits]). The bits of sample s (s = the
/// sample's index in the whole image, row by row, bands interleaved) are lane s % 4 of
/// mix64(seed ^ (s / 4) * golden), so every sample's noise depends on the seed and its position
/// only: the same whatever the tiling and the number of threads.
static inline int rk_noise_generate(VipsRegion *out, void *seq, void *a, void *b, gboolean *stop) {
    VipsRegion *ir = (VipsRegion *) seq;
    rk_noise_params *p = (rk_noise_params *) b;
    VipsRect *r = &out->valid;
    (void) a; (void) stop;
    if (vips_region_prepare(ir, r)) return -1;
    const uint64_t width = (uint64_t) p->in->Xsize;
    const int n = r->width * p->bands;
    for (int y = 0; y < r->height; y++) {
        const uint64_t first = ((uint64_t) (r->top + y) * width + (uint64_t) r->left) * (uint64_t) p->bands;
        uint64_t block = UINT64_MAX, bits = 0;
        int band = 0;
        if (p->max == 255) {
            const unsigned char *in = (const unsigned char *) VIPS_REGION_ADDR(ir, r->left, r->top + y);
            unsigned char *o = (unsigned char *) VIPS_REGION_ADDR(out, r->left, r->top + y);
            for (int i = 0; i < n; i++, band = band + 1 == p->bands ? 0 : band + 1) {
                if (band >= p->colour) { o[i] = in[i]; continue; }
                const uint64_t s = first + (uint64_t) i;
                if ((s >> 2) != block) { block = s >> 2; bits = rk_mix64(p->seed ^ (block * 0x9E3779B97F4A7C15ULL)); }
                int v = (int) in[i] + p->table[(bits >> ((s & 3) * 16)) & 0xFFFF];
                o[i] = (unsigned char) (v < 0 ? 0 : v > 255 ? 255 : v);
            }
        } else {
            const unsigned short *in = (const unsigned short *) VIPS_REGION_ADDR(ir, r->left, r->top + y);
            unsigned short *o = (unsigned short *) VIPS_REGION_ADDR(out, r->left, r->top + y);
            for (int i = 0; i < n; i++, band = band + 1 == p->bands ? 0 : band + 1) {
                if (band >= p->colour) { o[i] = in[i]; continue; }
                const uint64_t s = first + (uint64_t) i;
                if ((s >> 2) != block) { block = s >> 2; bits = rk_mix64(p->seed ^ (block * 0x9E3779B97F4A7C15ULL)); }
                int v = (int) in[i] + p->table[(bits >> ((s & 3) * 16)) & 0xFFFF];
                o[i] = (unsigned short) (v < 0 ? 0 : v > 65535 ? 65535 : v);
            }
        }
    }
    return 0;
}

/// Adds noise drawn through `table` (65536 entries) to the first `colour` bands of an 8- or
/// 16-bit image, clipped, as a libvips point operation: it streams with the input.
static inline int rk_vips_add_noise(VipsImage *in, VipsImage **out, const int32_t *table, uint64_t seed, int colour) {
    if (in->BandFmt != VIPS_FORMAT_UCHAR && in->BandFmt != VIPS_FORMAT_USHORT) {
        vips_error("rewardkit", "%s", "noise needs 8- or 16-bit pixels");
        return -1;
    }
    VipsImage *o = vips_image_new();
    if (vips_image_pipelinev(o, VIPS_DEMAND_STYLE_THINSTRIP, in, NULL)) { g_object_unref(o); return -1; }
    rk_noise_params *p = (rk_noise_params *) g_malloc(sizeof(rk_noise_params));
    g_object_ref(in);
    p->in = in;
    p->seed = seed;
    p->bands = in->Bands;
    p->colour = colour;
    p->max = in->BandFmt == VIPS_FORMAT_UCHAR ? 255 : 65535;
    memcpy(p->table, table, sizeof(p->table));
    g_signal_connect(o, "close", G_CALLBACK(rk_noise_free), p);
    if (vips_image_generate(o, vips_start_one, rk_noise_generate, vips_stop_one, in, p)) { g_object_unref(o); return -1; }
    *out = o;
    return 0;
}

/// Drops a reference to an image (they are GObjects).
static inline void rk_vips_unref(VipsImage *image) { g_object_unref(image); }

#endif
