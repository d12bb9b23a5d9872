/** A one-line progress bar on a TTY-or-not stream (redraws with \r; plain lines every 10% otherwise). */
export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string) {
  const started = Date.now();
  let lastDecile = -1;
  return (done: number, total: number): void => {
    const fraction = total ? done / total : 1;
    const elapsed = (Date.now() - started) / 1000;
    const eta = done ? (elapsed / done) * (total - done) : 0;
    const text = `${label} [${"#".repeat(Math.round(fraction * 30)).padEnd(30, ".")}] ${done}/${total} ${elapsed.toFixed(0)}s eta ${eta.toFixed(0)}s`;
    if (stream.isTTY) stream.write(`\r${text}${done === total ? "\n" : ""}`);
    else if (Math.floor(fraction * 10) > lastDecile || done === total) {
      lastDecile = Math.floor(fraction * 10);
      stream.write(`${text}\n`);
    }
  };
}
