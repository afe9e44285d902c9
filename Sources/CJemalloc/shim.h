// jemalloc, linked in place of glibc's malloc, and its `mallctl`, which hands freed pages back to the system.
#include <jemalloc/jemalloc.h>
