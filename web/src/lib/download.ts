// Saves text the page built (a CSV export) as a file: a Blob behind an object URL, clicked through a
// temporary link with `download`, the URL released once the browser has taken it.
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute later it has long started.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
