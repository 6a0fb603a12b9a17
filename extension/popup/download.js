// Saving a file the backend wrote (an .ics calendar) from an extension page: a Blob and a
// download link, so no data goes through a URL and nothing is written without the user's click.

/** Save `text` as `filename` through the browser's download. */
export function saveFile(filename, text, type = 'text/calendar') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000); // after the browser has read it
}
