/**
 * The languages the detector chooses among (ISO 639-3, as franc names them) and their ISO 639-1
 * codes. franc knows 187 languages; letting all of them compete makes short English read as Scots
 * or Sardinian one time in five, so detection is limited to these widely written languages (a
 * record in another language reads as its nearest neighbour here, or undetermined).
 */
export const TO_639_1: Readonly<Record<string, string>> = {
  eng: 'en',
  cmn: 'zh',
  spa: 'es',
  fra: 'fr',
  deu: 'de',
  por: 'pt',
  rus: 'ru',
  jpn: 'ja',
  kor: 'ko',
  arb: 'ar',
  hin: 'hi',
  ben: 'bn',
  ita: 'it',
  nld: 'nl',
  pol: 'pl',
  tur: 'tr',
  vie: 'vi',
  ind: 'id',
  zlm: 'ms',
  tha: 'th',
  ukr: 'uk',
  ces: 'cs',
  slk: 'sk',
  ron: 'ro',
  hun: 'hu',
  swe: 'sv',
  dan: 'da',
  nob: 'nb',
  fin: 'fi',
  ell: 'el',
  heb: 'he',
  pes: 'fa',
  urd: 'ur',
  tam: 'ta',
  tel: 'te',
  mar: 'mr',
  guj: 'gu',
  kan: 'kn',
  mal: 'ml',
  pan: 'pa',
  bul: 'bg',
  hrv: 'hr',
  srp: 'sr',
  slv: 'sl',
  lit: 'lt',
  lvs: 'lv',
  ekk: 'et',
  cat: 'ca',
  glg: 'gl',
  afr: 'af',
  swh: 'sw',
  tgl: 'tl',
  hau: 'ha',
  yor: 'yo',
  ibo: 'ig',
  amh: 'am',
  som: 'so',
  kaz: 'kk',
  uzn: 'uz',
  azj: 'az',
  bel: 'be',
  mkd: 'mk',
  khm: 'km',
  mya: 'my',
  sin: 'si',
  npi: 'ne',
  hye: 'hy',
  kat: 'ka',
  lao: 'lo',
  bos: 'bs',
};

/** The franc codes detection chooses among. */
export const CANDIDATES: readonly string[] = Object.keys(TO_639_1);

/** Other 639-3 / 639-2 codes people write for the same languages (macrolanguage, bibliographic). */
const ALIASES: Readonly<Record<string, string>> = {
  zho: 'zh',
  chi: 'zh',
  ara: 'ar',
  fas: 'fa',
  per: 'fa',
  msa: 'ms',
  may: 'ms',
  est: 'et',
  lav: 'lv',
  nep: 'ne',
  swa: 'sw',
  uzb: 'uz',
  aze: 'az',
  nor: 'nb',
  no: 'nb',
  nno: 'nb',
  nn: 'nb',
  fre: 'fr',
  ger: 'de',
  dut: 'nl',
  cze: 'cs',
  slo: 'sk',
  rum: 'ro',
  gre: 'el',
  arm: 'hy',
  geo: 'ka',
  bur: 'my',
  mac: 'mk',
  tib: 'bo',
  bod: 'bo',
  fil: 'tl',
  yue: 'zh',
  iw: 'he',
  in: 'id',
};

/** The code a report shows for a franc result: ISO 639-1 where one exists, else 639-3. */
export function reportCode(iso3: string): string {
  return TO_639_1[iso3] ?? iso3;
}

/** A declared code (639-1, 639-2/3, any case, with an optional region: "en-GB") in report form. */
export function normalizeCode(code: string): string | null {
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*$/i.exec(code.trim());
  if (!m) return null;
  const c = (m[1] as string).toLowerCase();
  if (ALIASES[c]) return ALIASES[c] as string;
  if (c.length === 2) return c;
  if (TO_639_1[c]) return TO_639_1[c] as string;
  return KNOWN_3.has(c) ? c : null;
}

// 639-3 codes franc can return outside CANDIDATES, accepted as declarations
const KNOWN_3 = new Set(
  (
    'ace ada als ayr bam ban bci bcl bem bho bin bug bum ceb cjk ckb dip dyu emk epo ewe fon fuf ' +
    'fuv gaa hat hil hms hnj ibb ilo jav kbd kbp kde khk kin kir kmb knc kng koi lin lua lug lun ' +
    'mad mag mai men min mos nds nhn nso nya nyn pam pbu plt prs qug quy quz rmn run rup sag sco ' +
    'shn skr sna snk sot src ssw suk sun tat tem tgk tir tiv toi tpi tsn tso tuk tzm uig umb vec ' +
    'ven vmw war wol xho yao ydd zul zyb sat zgh iii aii'
  ).split(' '),
);

/**
 * The declared languages in an answer, in report form, or null when the answer is not a list of
 * codes ("English and French", empty, not text): such an answer counts as undeclared. Codes are
 * separated by commas, semicolons, slashes or spaces.
 */
export function parseDeclaredLanguages(answer: unknown): string[] | null {
  const raw = Array.isArray(answer) ? answer.join(',') : answer;
  if (typeof raw !== 'string') return null;
  const tokens = raw.split(/[\s,;/|]+/).filter(Boolean);
  if (tokens.length === 0) return null;
  const codes: string[] = [];
  for (const t of tokens) {
    const c = normalizeCode(t);
    if (c === null) return null;
    if (!codes.includes(c)) codes.push(c);
  }
  return codes;
}
