/** Entity annotation naming the component's OpenSLO document (see docs/annotations.md). */
export const OPENSLO_ANNOTATION = 'gogidix.io/openslo';
