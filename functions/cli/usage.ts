// Kept apart from the commands so `--help` and `--version` load nothing else (the start-up budget
// of the installed package is 0.2 s; the analyzer takes longer to load than that).

/** Usage text for `diligence --help`. */
export const USAGE = `Usage:
  diligence --version | --help
  diligence analyze <file> [--holdout <file>] [--reference <file>] [--machine-reference [<generator>=]<file> ...] [--fingerprints <pack> ...] [--key-file <file>] [--contract <file>] [--text <field>] [--label <field>] [--source <field>] [--format <fmt>] [--json]
  diligence score --answers <answers.json> [--sample <file>] [--holdout <file>] [--reference <file>] [--machine-reference [<generator>=]<file> ...] [--fingerprints <pack> ...] [--key-file <file>] [--framework <id>] [--json] [--croissant]
  diligence reference prompts <human reference file> [--text <field> | --field <field>] [--n <N>]
  diligence fingerprint build <corpus> [--text <field>] --name <name> --kind synthetic|eval|echo [--key-file <file>] --out <pack>
  diligence compare <previous> <current> [--text <field>] [--label <field>] [--contract <file>] [--json]
  diligence spot-check draw <file> --n <N> [--seed <S>] [--text <field>] [--json]
  diligence spot-check estimate <file> --tags <tags.jsonl> [--text <field>] [--json]
  diligence verify <bundle.json> --keys <JWKS file or URL> [--sample <file>] | <report.json> [--sha256 <hex>]
  diligence hash <file> [--range-bytes N] [--json]
  diligence upload <invitation-link-or-token> <file> [--role training|holdout] [--api <url>]
  diligence smoke <portal URL> [--token <procurement ID token>] [--timeout <seconds>] [--json]

analyze  measures a CSV, JSON Lines, JSON array or text sample (optionally .gz) without a server.
         --text takes a field path (instances[0].output) or several joined by commas.
         --reference names known-human records of the same domain (the buyer's own): they
         calibrate the machine-text estimate and give it a conservative lower bound.
         --machine-reference (repeatable, with --reference) names text you generated with a
         model you suspect, from the same domain's prompts: "gpt-4o=gpt4o.jsonl" names the
         generator, a bare file is named after the file. The estimate becomes a two-sided
         mixture fit; a machine reference under 20 records is refused (exit 2).
reference prompts  prints one JSON line { "prompt": ... } per record of a human reference:
         the opening sentences of its text (--text picks the field), or a whole field
         (--field instruction); --n limits the count. Send them to the models you suspect.
spot-check draw prints a stratified random sample of records (strata by machine-likeness, so rare
         high-score records are read) for a person to tag machine, human or unsure; the same file
         and --seed give the same draw. estimate reads the tags ({"index", "tag"} lines) and prints
         the stratified machine-made share with a 95 % interval.
fingerprint build  writes a hash-only pack of a known corpus (no text); analyze/score --fingerprints
         report the sample's records that equal, nearly equal or contain a pack record.
         --key-file keys the pack with an organization secret (keyed packs need it to match).
verify   checks a report bundle downloaded from the portal: signed by a key the portal publishes
         (--keys: its /.well-known/diligence-keys.json, as a file or URL) and unchanged since;
         --sample also checks the file is the sample the report measured (docs/signed-reports.md).
         A bare report (score --json) is checked against its own SHA-256.
hash     prints the tree hash the portal stores for samples analyzed beyond one machine
         (its method names the range size: pass it as --range-bytes; default 536870912).
smoke    checks a running portal end to end (health, config, sign-in, a throwaway assessment,
         vendor link, presigned upload, analysis, stored report), then cancels the assessment.
         Without --token it signs in with the portal's dev session (local portals only).
--contract (analyze, compare) checks the delivery against a JSON contract { conditions: [...] }
         (docs/contracts.md): the JSON gains "contract"; exit 1 when a condition breaks.
--framework (score) maps the report to ca-ab2013, eu-ai-act-art10, eu-gpai-summary, iso42001-a7 or
         nist-ai-600-1: each item answered, measured, contradicted or missing (docs/frameworks.md).
Exit codes: 0 success, 1 analysis failure (smoke: a failed step), 2 bad usage or unreadable input.
`;
