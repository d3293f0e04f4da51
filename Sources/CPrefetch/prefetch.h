// Software prefetch for the query path: Swift has no spelling for it.
//
// A query on a large snapshot reads a few bytes from many places (each candidate's facts, each
// answer's record); without a hint those misses are taken one after another. Asking for the
// next candidates' lines while the current one is checked overlaps them. Header only, no
// library to link.
#ifndef SHOPREC_PREFETCH_H
#define SHOPREC_PREFETCH_H

/// Asks for the cache line holding `address` to be loaded for reading (no effect on results;
/// any address is allowed, even one past an array).
static inline __attribute__((always_inline)) void shoprec_prefetch(const void *address) {
  __builtin_prefetch(address, 0, 3);
}

#endif
