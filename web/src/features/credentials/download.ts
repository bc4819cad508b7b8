/** Saves text as a file, byte for byte (a signed credential must not be re-serialised). */
export function downloadText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  try {
    clickDownload(url, filename);
  } finally {
    // Let the click start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** Saves a same-origin URL (a badge image) under a chosen name. */
export function clickDownload(href: string, filename: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** The file a credential's text is saved as: `.jwt` for a VC-JWT, `.json` otherwise. */
export function credentialFile(text: string, id: string): { filename: string; type: string } {
  const isJwt = !text.trim().startsWith('{');
  return isJwt
    ? { filename: `credential-${id}.jwt`, type: 'application/vc+jwt' }
    : { filename: `credential-${id}.json`, type: 'application/json' };
}
