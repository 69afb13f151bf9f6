/**
 * GDP deflators at market prices by financial year, as data: HM Treasury, "GDP deflators at market
 * prices, and money GDP" (the June 2025 Quarterly National Accounts release; financial years,
 * re-referenced here to 2024-25 = 100). The values were transcribed to one decimal without the
 * spreadsheet at hand and are to be checked against the release before figures are published.
 */
export const GDP_DEFLATORS: Readonly<Record<string, number>> = {
  "2008-09": 65.3, "2009-10": 66.2, "2010-11": 67.2, "2011-12": 68.3, "2012-13": 69.5, "2013-14": 70.8,
  "2014-15": 71.7, "2015-16": 72.2, "2016-17": 73.8, "2017-18": 75.1, "2018-19": 76.7, "2019-20": 78.6,
  "2020-21": 82.6, "2021-22": 82.4, "2022-23": 88.4, "2023-24": 95.9, "2024-25": 100, "2025-26": 103.2,
};

/** The release the deflators come from, for every output that states its price year. */
export const DEFLATOR_SOURCE = "HM Treasury GDP deflators at market prices (June 2025 QNA), 2024-25 = 100";

/** The factor that turns prices of `from` into prices of `to`; throws naming a year the table lacks. */
export function uprateFactor(from: string, to: string): number {
  if (from === to) return 1;
  const a = GDP_DEFLATORS[from], b = GDP_DEFLATORS[to];
  if (a === undefined) throw new RangeError(`no GDP deflator for ${from} (the table covers ${Object.keys(GDP_DEFLATORS)[0]} to ${Object.keys(GDP_DEFLATORS).at(-1)})`);
  if (b === undefined) throw new RangeError(`no GDP deflator for ${to} (the table covers ${Object.keys(GDP_DEFLATORS)[0]} to ${Object.keys(GDP_DEFLATORS).at(-1)})`);
  return b / a;
}

/** An amount in `from` prices expressed in `to` prices (exactly the amount when the years agree). */
export function uprate(amount: number, from: string, to: string): number {
  return from === to ? amount : amount * uprateFactor(from, to);
}
