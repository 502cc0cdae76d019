const ids = new WeakMap<object, number>();
let nextId = 0;

/** A number per object, for keys that depend on an object's identity. */
export function objectIdentity(object: object): number {
  let id = ids.get(object);
  if (id === undefined) {
    id = ++nextId;
    ids.set(object, id);
  }
  return id;
}
