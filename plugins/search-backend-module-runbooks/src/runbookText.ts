/**
 * The words of a runbook for the search index: markdown markup, link targets
 * and HTML tags removed, code kept (commands are what people search for).
 * Underscores stay: they are in the identifiers people search for.
 */
export function runbookText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^```.*$/gm, '')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[`*|]+/g, ' ')
    .replace(/^[\s:-]+$/gm, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
