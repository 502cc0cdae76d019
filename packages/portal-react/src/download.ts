/**
 * Saves what a backend returned as a file in the user's browser. Text is
 * saved as the given type (CSV unless told otherwise).
 */
export function download(
  content: Blob | string,
  filename: string,
  type = 'text/csv',
): void {
  const blob =
    typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
