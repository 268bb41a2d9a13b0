#ifndef SPHINX_SPEC_SHA256_EXTENSIONS_H
#define SPHINX_SPEC_SHA256_EXTENSIONS_H

#include <stddef.h>
#include <stdint.h>

/// 1 if this CPU has the x86 SHA extensions (with SSSE3 and SSE4.1, which the routine below
/// also uses), else 0; always 0 on other architectures. SPEC.md [PRIM-SHA256].
int sphinx_sha256_extensions_available(void);

/// The SHA-256 compression function (FIPS 180-4 §6.2.2) applied to `count` consecutive 64-byte
/// blocks, updating the eight words H0…H7 of `state` in place, with the CPU's SHA extensions
/// (SHA256RNDS2, SHA256MSG1, SHA256MSG2). `K` is the sixty-four round constants of FIPS 180-4
/// §4.2.2, passed in so that they are written down once (`SHA256.roundConstants` in Swift).
/// Call it only when `sphinx_sha256_extensions_available()` returned 1. SPEC.md [PRIM-SHA256].
void sphinx_sha256_compress_extensions(uint32_t state[8], const uint8_t *blocks, size_t count,
                                       const uint32_t K[64]);

#endif
