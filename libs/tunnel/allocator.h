#pragma once
// tuneAllocator(): call once from main() of a process that relays bulk data (the relay, the
// provider). glibc returns the top of the heap to the kernel as soon as 2× the (dynamic) mmap
// threshold is free and serves large buffers with fresh mmaps; a socket pump that allocates and
// frees 64 KiB–4 MiB buffers thousands of times a second then spends most of its time in page
// faults. Raising both thresholds keeps those pages mapped: measured 450 → 800–980 MB/s for one
// stream through relay + agent on loopback (docs/benchmarks.md). Costs up to 64 MiB of freed
// memory kept in the heap after a burst. No-op outside glibc.

namespace ttalkak::tunnel {

void tuneAllocator();

} // namespace ttalkak::tunnel
