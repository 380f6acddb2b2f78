// How fixes and the walk agree on the name an object goes by.

/** The root identifier of an object name that `runtime.KeepAlive` can take as written (`buf`,
 * `t.attr`; not `b[i]`, whose index may change, nor a call or a literal), or null. */
export function keepAliveRoot(name: string): string | null {
  return /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(name) ? (name.split('.')[0] as string) : null;
}
