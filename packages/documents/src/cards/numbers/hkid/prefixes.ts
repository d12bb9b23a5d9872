/**
 * Defined HKID prefixes with the period in which each was allocated, after the Wal-N/hkid data set (MIT).
 * Basis FIRST_ISSUE: allocated on first registration for an identity card; BIRTH_REGISTRATION: allocated when a
 * Hong Kong birth was registered. Prefixes with no dated allocation (J, L reserve, T, V, W, WX, X*) carry no period.
 */
type Basis = "FIRST_ISSUE" | "BIRTH_REGISTRATION";
interface PrefixPeriod {
  id: string;
  basis: Basis;
  start: string;
  /** Exclusive end, ISO date; null = still in use. */
  end: string | null;
}

const PERIODS: readonly PrefixPeriod[] = [
  { id: "A", basis: "FIRST_ISSUE", start: "1949-01-01", end: "1963-01-01" },
  { id: "B", basis: "FIRST_ISSUE", start: "1955-01-01", end: "1961-01-01" },
  { id: "C", basis: "FIRST_ISSUE", start: "1960-01-01", end: "1984-01-01" },
  { id: "D", basis: "FIRST_ISSUE", start: "1960-01-01", end: "1984-01-01" },
  { id: "E", basis: "FIRST_ISSUE", start: "1955-01-01", end: "1970-01-01" },
  // F gives way to L during July 2026: the conformance fixtures pin the switch to that month only, so the day
  // here is a placeholder inside it.
  { id: "F", basis: "FIRST_ISSUE", start: "2020-02-24", end: "2026-07-15" },
  { id: "G", basis: "FIRST_ISSUE", start: "1967-01-01", end: "1984-01-01" },
  { id: "H", basis: "FIRST_ISSUE", start: "1979-01-01", end: "1984-01-01" },
  { id: "K", basis: "FIRST_ISSUE", start: "1983-03-28", end: "1990-08-01" },
  { id: "L", basis: "FIRST_ISSUE", start: "2026-07-15", end: null },
  { id: "M", basis: "FIRST_ISSUE", start: "2011-08-01", end: "2020-02-24" },
  { id: "N", basis: "BIRTH_REGISTRATION", start: "2019-06-01", end: null },
  { id: "P", basis: "FIRST_ISSUE", start: "1990-08-01", end: "2000-12-28" },
  { id: "R", basis: "FIRST_ISSUE", start: "2000-12-28", end: "2011-08-01" },
  { id: "S", basis: "BIRTH_REGISTRATION", start: "2005-04-01", end: "2019-06-01" },
  { id: "Y", basis: "BIRTH_REGISTRATION", start: "1989-01-01", end: "2005-04-01" },
  { id: "Z", basis: "BIRTH_REGISTRATION", start: "1980-01-01", end: "1989-01-01" },
];

/** Every prefix the department has defined (dated or not). */
export const DEFINED_HKID_PREFIXES: readonly string[] = [
  ...PERIODS.map((p) => p.id),
  ...["J", "T", "V", "W", "WX", "XA", "XB", "XC", "XD", "XE", "XG", "XH"],
].sort();

/** Prefix allocated to a Hong Kong birth registered on `date` (YYYY-MM-DD), or null before 1980. */
export function prefixForBirthRegistration(date: string): string | null {
  const hit = PERIODS.find(
    (p) => p.basis === "BIRTH_REGISTRATION" && p.start <= date && (p.end === null || date < p.end),
  );
  return hit?.id ?? null;
}

/** Prefixes in use for first issue at any time during `month` (YYYY-MM), alphabetical. */
export function prefixesForFirstIssueMonth(month: string): string[] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const first = `${month}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  return PERIODS.filter(
    (p) => p.basis === "FIRST_ISSUE" && p.start < next && (p.end === null || p.end > first),
  )
    .map((p) => p.id)
    .sort();
}
