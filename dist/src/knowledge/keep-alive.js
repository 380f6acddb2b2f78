// What keeps a Go object alive or in place across a call: runtime.KeepAlive after the sink, and
// runtime.Pinner (Go 1.21) held until the OS is done with the memory.
/** runtime.KeepAlive and friends: a call after the sink keeps the named object alive. */
export const KEEP_ALIVE = [{ pkg: 'runtime', name: 'KeepAlive' }];
/** runtime.Pinner (Go 1.21, golang/go#46787). */
export const PINNER = { pkg: 'runtime', type: 'Pinner', pin: 'Pin', unpin: 'Unpin' };
