/** `['spec', 'containers', '0', 'resources']` → `spec.containers[0].resources`. */
export function fieldPath(segments: string[]): string {
  let path = '';
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) {
      path = `${path}[${segment}]`;
    } else {
      path = path ? `${path}.${segment}` : segment;
    }
  }
  return path;
}
