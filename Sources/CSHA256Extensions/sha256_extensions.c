// SHA-256's compression function on the x86 SHA extensions: the fast path of SHA256.State
// (Sources/SphinxSpec/Primitives/SHA256.swift), whose readable Swift compression is the
// definition, the fallback on every other CPU, and this routine's test oracle
// (PrimitivesTests/SHA256Tests). SPEC.md [PRIM-SHA256].
//
// The instructions (Intel SDM vol. 2, SHA256RNDS2 / SHA256MSG1 / SHA256MSG2; Gulley et al.,
// "Intel SHA Extensions", Intel white paper 2013):
// - SHA256RNDS2(cdgh, abef, wk) does two rounds of FIPS 180-4 §6.2.2 step 3. The working
//   variables live in two registers, {a, b, e, f} and {c, d, g, h} (a and c in the top lane),
//   and wk's two low lanes hold W_t + K_t for the two rounds. It returns the new {a, b, e, f};
//   the new {c, d, g, h} is the old {a, b, e, f}, so the two registers swap roles each call.
// - SHA256MSG1(W[t−16..t−13], W[t−12..t−9]) = W[t−16..t−13] + σ0(W[t−15..t−12]).
// - SHA256MSG2(x, W[t−4..t−1]) adds σ1(W[t−2]) to each lane of x, where the top two lanes use
//   the W[t], W[t+1] it has just made (the schedule's dependence inside one group of four).
// So with the schedule in groups G_i = W[4i..4i+3]:
//   G_i = MSG2(MSG1(G_{i−4}, G_{i−3}) + (W[4i−7..4i−4] = G_{i−2}[1..3] ‖ G_{i−1}[0]), G_{i−1}).
// Every instruction here runs in time independent of the data, and there are no branches on
// it: the routine is constant-time. Valgrind cannot run these instructions, so ct-check
// checks the readable route instead (SPEC.md §2.9).

#include "sha256_extensions.h"

#if defined(__x86_64__) || defined(__i386__)

#include <cpuid.h>
#include <immintrin.h>

int sphinx_sha256_extensions_available(void) {
    unsigned int eax, ebx, ecx, edx;
    // CPUID leaf 1: ECX bit 9 is SSSE3, bit 19 is SSE4.1.
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int ssse3 = (ecx >> 9) & 1, sse41 = (ecx >> 19) & 1;
    // CPUID leaf 7, sub-leaf 0: EBX bit 29 is SHA.
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    int sha = (ebx >> 29) & 1;
    return ssse3 && sse41 && sha;
}

__attribute__((target("sha,ssse3,sse4.1")))
void sphinx_sha256_compress_extensions(uint32_t state[8], const uint8_t *blocks, size_t count,
                                       const uint32_t K[64]) {
    // FIPS 180-4 reads each block as sixteen big-endian words: this shuffle reverses the bytes
    // of each 32-bit lane and keeps the lanes in order.
    const __m128i bigEndian = _mm_set_epi8(12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);

    // From H0…H7 (lanes low to high: a b c d, e f g h) to the instructions' layout,
    // abef = {f, e, b, a} and cdgh = {h, g, d, c} (low to high).
    __m128i badc = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1);
    __m128i hgfe = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B);
    __m128i abef = _mm_alignr_epi8(badc, hgfe, 8);
    __m128i cdgh = _mm_blend_epi16(hgfe, badc, 0xF0);

    for (; count > 0; count--, blocks += 64) {
        // Step 4 of §6.2.2 adds the block's result to the state it started from.
        const __m128i abefBefore = abef, cdghBefore = cdgh;
        // The last four groups of the message schedule, G_{i−4}…G_{i−1}, indexed mod 4.
        __m128i g[4];
        // Fully unrolled, so that the four groups stay in registers.
        _Pragma("clang loop unroll(full)")
        for (int i = 0; i < 16; i++) {
            // Step 1: the message schedule, G_0…G_3 from the block, then the recurrence.
            if (i < 4) {
                g[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16 * i)), bigEndian);
            } else {
                __m128i w7 = _mm_alignr_epi8(g[(i - 1) & 3], g[(i - 2) & 3], 4);
                __m128i x = _mm_add_epi32(_mm_sha256msg1_epu32(g[i & 3], g[(i - 3) & 3]), w7);
                g[i & 3] = _mm_sha256msg2_epu32(x, g[(i - 1) & 3]);
            }
            // Step 3: rounds 4i…4i+3, two at a time.
            __m128i wk = _mm_add_epi32(g[i & 3], _mm_loadu_si128((const __m128i *)&K[4 * i]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0E));
        }
        // Step 4: H_j += the working variable.
        abef = _mm_add_epi32(abef, abefBefore);
        cdgh = _mm_add_epi32(cdgh, cdghBefore);
    }

    // Back to H0…H7: {a, b, c, d} and {e, f, g, h}.
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

int sphinx_sha256_extensions_available(void) { return 0; }

void sphinx_sha256_compress_extensions(uint32_t state[8], const uint8_t *blocks, size_t count,
                                       const uint32_t K[64]) {
    (void)state;
    (void)blocks;
    (void)count;
    (void)K;
}

#endif
