import type { IdCardType } from "../cards/types.ts";

/** Portrait position on each card's front, relative to the upright card (x0, y0, x1, y1 in 0–1). */
export type RelativeBox = readonly [number, number, number, number];

const RIGHT: RelativeBox = [0.6, 0.16, 0.96, 0.84];
const LEFT: RelativeBox = [0.02, 0.15, 0.33, 0.78];

export const PORTRAIT_BOXES: Record<IdCardType, RelativeBox> = {
  HKIDCard: RIGHT,
  MLIDCard: [0.62, 0.15, 0.97, 0.8],
  IndonesiaIDCard: [0.7, 0.18, 0.99, 0.74],
  ThailandIDCard: [0.72, 0.42, 0.98, 0.92],
  SingaporeIDCard: LEFT,
  MainlandIDCard: [0.6, 0.1, 0.94, 0.78],
  PhilippinesVoteID: LEFT,
  PhilippinesDrivingLicense: LEFT,
  PhilippinesTinID: LEFT,
  PhilippinesSSSID: LEFT,
  PhilippinesUMID: LEFT,
  InternationalIDPassport: [0.02, 0.18, 0.34, 0.78],
  IndonesiaDrivingLicense: [0.02, 0.18, 0.28, 0.7],
  MacaoIDCard: [0.03, 0.19, 0.3, 0.71],
  TaiWanIDCard: [0.66, 0.19, 0.96, 0.78],
  JapanIDCard: RIGHT,
  HMTPermit: [0.06, 0.24, 0.3, 0.72],
  PhilippinesIDCard: [0.02, 0.2, 0.29, 0.8],
  ThailandDrivingLicense: [0.02, 0.22, 0.27, 0.8],
  MLDrivingLicense: [0.02, 0.2, 0.28, 0.78],
  SingaporeDrivingLicense: [0.02, 0.2, 0.29, 0.8],
  // Photo right of the address block, below the birth date (test/synthetic/japan.ts).
  JapanDrivingLicense: [0.66, 0.24, 0.98, 0.82],
  // Any document without an MRZ page: most ID-1 cards print the photo on the left (passport-sized pages with an
  // MRZ are cut with InternationalIDPassport's box instead, see read-card.ts).
  GeneralCard: LEFT,
};
