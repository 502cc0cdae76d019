const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The `Content-Disposition` header of a download whose file name may hold
 * what a user typed (a team, an entity): `filename` is a safe ASCII form,
 * `filename*` (RFC 5987/6266) keeps letters of other scripts. Control
 * characters, quotes and path separators never reach either, so no name
 * breaks the header or points outside the download folder.
 */
export function attachmentDisposition(fileName: string): string {
  const readable = Array.from(
    fileName
      .replace(LONE_SURROGATE, '')
      .replace(/[\p{Cc}"\\/:*?<>|]+/gu, '_')
      .replace(/^[.\s]+/, ''),
  )
    .slice(0, 120)
    .join('');
  const ascii =
    readable
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/_{2,}/g, '_') || 'download';
  const encoded = encodeURIComponent(readable || ascii).replace(
    /['()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
