/**
 * Saves text as a file through `<a download>` and a Blob URL: no `downloads` permission. The URL is
 * revoked after the browser has taken the data (a short delay: Firefox reads it asynchronously).
 */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
