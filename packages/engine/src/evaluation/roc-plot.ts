import sharp from "sharp";
import type { RocPoint } from "./metrics.ts";

export interface RocSeries {
  readonly label: string;
  readonly points: readonly RocPoint[];
}

const colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];

/** A log-FAR ROC plot drawn as SVG and rendered to PNG with sharp. */
export async function renderRocPng(series: readonly RocSeries[], title: string): Promise<Buffer> {
  const width = 720;
  const height = 480;
  const left = 70;
  const right = 20;
  const top = 40;
  const bottom = 60;
  const minLog = -5;
  const minTar = 0.5;
  const x = (far: number): number => left + ((Math.log10(far) - minLog) / -minLog) * (width - left - right);
  const y = (tar: number): number =>
    top + (1 - (Math.max(tar, minTar) - minTar) / (1 - minTar)) * (height - top - bottom);
  const grid: string[] = [];
  for (let e = minLog; e <= 0; e++) {
    grid.push(
      `<line x1="${x(10 ** e)}" y1="${top}" x2="${x(10 ** e)}" y2="${height - bottom}" stroke="#ddd"/>`,
    );
    grid.push(
      `<text x="${x(10 ** e)}" y="${height - bottom + 18}" font-size="12" text-anchor="middle">1e${e}</text>`,
    );
  }
  for (let t = minTar; t <= 1.0001; t += 0.1) {
    grid.push(`<line x1="${left}" y1="${y(t)}" x2="${width - right}" y2="${y(t)}" stroke="#ddd"/>`);
    grid.push(
      `<text x="${left - 8}" y="${y(t) + 4}" font-size="12" text-anchor="end">${(t * 100).toFixed(0)}%</text>`,
    );
  }
  const lines = series.map((s, index) => {
    const path = s.points
      .map((p, i) => `${i ? "L" : "M"}${x(p.far).toFixed(1)},${y(p.tar).toFixed(1)}`)
      .join(" ");
    const colour = colours[index % colours.length];
    return `<path d="${path}" fill="none" stroke="${colour}" stroke-width="2"/>
<text x="${left + 12}" y="${top + 20 + index * 18}" font-size="13" fill="${colour}">${escapeXml(s.label)}</text>`;
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="white"/>
${grid.join("\n")}
<text x="${width / 2}" y="24" font-size="15" text-anchor="middle">${escapeXml(title)}</text>
<text x="${width / 2}" y="${height - 15}" font-size="13" text-anchor="middle">false accept rate (log)</text>
<text x="18" y="${height / 2}" font-size="13" text-anchor="middle" transform="rotate(-90 18 ${height / 2})">true accept rate</text>
${lines.join("\n")}
</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] ?? c);
}
