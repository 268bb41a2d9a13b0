// Marking memory secret (undefined) or public (defined) for valgrind's memcheck; outside valgrind
// both are no-ops. The ctgrind technique: Adam Langley, "Checking that functions are constant
// time with Valgrind" (2010).
#ifndef CTGRIND_H
#define CTGRIND_H
#include <stddef.h>

/// Marks `length` bytes at `address` as secret: memcheck reports every branch and memory index
/// that depends on them.
void ctgrind_secret(const void *address, size_t length);

/// Marks `length` bytes at `address` as public again (a declassification).
void ctgrind_public(void *address, size_t length);

/// 1 when running under valgrind, 0 otherwise.
int ctgrind_running_on_valgrind(void);

#endif
