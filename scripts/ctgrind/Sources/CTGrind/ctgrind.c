// The valgrind client requests behind ctgrind.h. <valgrind/memcheck.h> comes with Debian's
// valgrind package; its macros are a short no-op instruction sequence outside valgrind.
#include "ctgrind.h"
#include <valgrind/memcheck.h>

void ctgrind_secret(const void *address, size_t length) {
    (void)VALGRIND_MAKE_MEM_UNDEFINED(address, length);
}

void ctgrind_public(void *address, size_t length) {
    (void)VALGRIND_MAKE_MEM_DEFINED(address, length);
}

int ctgrind_running_on_valgrind(void) {
    return RUNNING_ON_VALGRIND ? 1 : 0;
}
