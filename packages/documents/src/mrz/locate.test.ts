import { describe, expect, it } from "vitest";
import type { OrientedBox } from "../ocr/geometry.ts";
import { chooseBlock, groupByLine, type MrzBlock, mergeBlocks, type RowRead } from "./locate.ts";

const TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
const TD1 = [
  "I<UTOD231458907<<<<<<<<<<<<<<<",
  "7408122F1204159UTO<<<<<<<<<<<6",
  "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
];

/** A read of `mrz` on a horizontal row centred at (cx, cy), 20 px high and 22 px per character. */
function row(mrz: string, cy: number, cx = 500, confidence = 0.9): RowRead {
  const box: OrientedBox = { cx, cy, width: 22 * mrz.length, height: 20, angle: 0 };
  return { box, mrz, text: mrz, confidence };
}

describe("groupByLine", () => {
  it("puts reads of one physical line together and orders the lines top to bottom", () => {
    const lines = groupByLine([row(TD3[1] as string, 140), row(TD3[0] as string, 100), row("P<UTO", 103)], 0);
    expect(lines.map((l) => l.map((r) => r.mrz))).toEqual([[TD3[0], "P<UTO"], [TD3[1]]]);
  });
});

describe("chooseBlock", () => {
  it("combines the second read of a line with the first read of the next when that validates", () => {
    // Pass-two reads: the tight box lost the first character of each line, the widened box did not. The
    // valid pair is made of reads that are not next to each other in top-to-bottom order.
    const rows = [
      row((TD3[0] as string).slice(1), 100),
      row(TD3[0] as string, 100, 480),
      row((TD3[1] as string).slice(1), 140),
      row(TD3[1] as string, 140, 480),
    ];
    const block = chooseBlock(rows);
    expect(block?.reading.valid).toBe(true);
    expect(block?.reading.lines).toEqual(TD3);
    expect(block?.adjustment).toBe(0);
    expect(block?.nameLineFitted).toBe(false);
  });

  it("prefers the name read without noise in its filler tail when both validate", () => {
    const noisy = `${(TD3[0] as string).slice(0, 30)}K<<R${(TD3[0] as string).slice(34)}`;
    const block = chooseBlock([
      row(noisy, 100, 500, 0.95),
      row(TD3[0] as string, 101, 500, 0.8),
      row(TD3[1] as string, 140),
    ]);
    expect(block?.reading.lines).toEqual(TD3);
  });

  it("reports a name line fitted to the layout width, which no check digit can confirm", () => {
    const short = (TD1[2] as string).replace("ANNA", "NNA");
    const block = chooseBlock([row(TD1[0] as string, 100), row(TD1[1] as string, 140), row(short, 180)]);
    expect(block?.reading.valid).toBe(true);
    expect(block?.nameLineFitted).toBe(true);
    expect(block?.reading.lines[2]).toBe("ERIKSSON<<NNA<MARIA<<<<<<<<<<<");
  });

  it("never makes a block valid when a check digit fails in every read", () => {
    const wrong = `${(TD3[1] as string).slice(0, 19)}3${(TD3[1] as string).slice(20)}`;
    const block = chooseBlock([row(TD3[0] as string, 100), row(wrong, 140), row(wrong, 141, 510)]);
    expect(block?.reading.valid).toBe(false);
  });
});

describe("mergeBlocks", () => {
  it("takes each line from whichever pass read it better", () => {
    // Pass one: document number with a C read as 0 (a look-alike fix makes it pass, a guess); name right.
    // Pass two (another image, other coordinates): number right, name's first letter misread.
    const guessed = (TD1[0] as string).replace("D23", "023");
    const first = chooseBlock([
      row(guessed, 100),
      row(TD1[1] as string, 140),
      row(TD1[2] as string, 180, 500, 0.95),
    ]);
    const second = chooseBlock([
      row(TD1[0] as string, 60, 900),
      row(TD1[1] as string, 108, 900),
      row((TD1[2] as string).replace("ERIKSSON", "FRIKSSON"), 156, 900, 0.7),
    ]);
    const merged = mergeBlocks(first as MrzBlock, second as MrzBlock);
    expect(merged?.reading.lines).toEqual(TD1);
    expect(merged?.reading.corrections).toEqual([]);
    expect(merged?.rows[0]?.box.cy).toBe(100);
  });

  it("refuses blocks of different layouts", () => {
    const td1 = chooseBlock(TD1.map((l, i) => row(l, 100 + 40 * i))) as MrzBlock;
    const td3 = chooseBlock(TD3.map((l, i) => row(l, 100 + 40 * i))) as MrzBlock;
    expect(mergeBlocks(td1, td3)).toBeNull();
  });
});
