import { answerText } from '../questionnaire/answer-text';
import { questionsOf } from '../questionnaire/registry';
import type { Answers, QuestionnaireTemplate } from '../questionnaire/types';
import type { ScoredReport } from '../scoring';
import { measuredFacts, measuredStatements } from './croissant-measured';

/** The JSON-LD context: schema.org as the vocabulary, Croissant (`cr`) and its RAI extension (`rai`). */
export const CROISSANT_CONTEXT = {
  '@language': 'en',
  '@vocab': 'https://schema.org/',
  sc: 'https://schema.org/',
  cr: 'http://mlcommons.org/croissant/',
  rai: 'http://mlcommons.org/croissant/RAI/',
  dct: 'http://purl.org/dc/terms/',
} as const;

/** The RAI properties every export carries, stated or "Not disclosed". */
export const REQUIRED_RAI = [
  'rai:dataCollection',
  'rai:dataCollectionType',
  'rai:dataAnnotationProtocol',
  'rai:personalSensitiveInformation',
  'rai:dataBiases',
  'rai:dataLimitations',
  'rai:dataUseCases',
] as const;

/** What the export describes beyond the report. */
export interface CroissantInput {
  report: ScoredReport;
  answers: Answers;
  template: QuestionnaireTemplate;
  dataset?: { name: string; description?: string; intendedUse?: string };
  vendor?: { name: string };
  /** False when `answers` are only those the report quotes (a version stored before answers were). */
  answersRecorded?: boolean;
}

/** Answers of the questions that cite a Croissant property, grouped by that property. */
function claimedByProperty(
  template: QuestionnaireTemplate,
  answers: Answers,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const q of questionsOf(template)) {
    const v = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    if (v === undefined || v === '') continue;
    for (const c of q.sources) {
      if (c.source !== 'croissant-rai' || !c.detail) continue;
      for (const prop of c.detail.match(/\b(?:rai|sc):[A-Za-z]+/g) ?? []) {
        const list = out.get(prop) ?? [];
        list.push(`Vendor states (${q.prompt}): ${answerText(q, v)}`);
        out.set(prop, list);
      }
    }
  }
  return out;
}

/** Why a version stored before answers were recorded states fewer of the vendor's answers. */
export const partialAnswersNote =
  'This report version was stored before reports recorded every answer: only the answers the report quotes are stated.';

/**
 * The answers and measurements as Croissant JSON-LD with the RAI vocabulary. Claims are marked
 * "Vendor states", measurements "Measured in the sample" and listed as `variableMeasured`, so a
 * reader can tell what was checked from what was only said.
 */
export function croissantExport(input: CroissantInput): Record<string, unknown> {
  const { report, answers, template } = input;
  const claimed = claimedByProperty(template, answers);
  const measured = measuredStatements(report);
  if (input.dataset?.intendedUse)
    measured.set('rai:dataUseCases', [`The buyer's intended use: ${input.dataset.intendedUse}`]);
  const rai: Record<string, string[]> = {};
  const props = new Set<string>([
    ...REQUIRED_RAI,
    ...[...claimed.keys()].filter((k) => k.startsWith('rai:')),
  ]);
  for (const prop of props) {
    const values = [...(claimed.get(prop) ?? []), ...(measured.get(prop) ?? [])];
    rai[prop] =
      values.length > 0
        ? values
        : ['Not disclosed by the vendor and not measurable from the sample.'];
  }
  const name = input.dataset?.name ?? String(answers.dataset_name ?? report.assessmentId);
  return {
    '@context': CROISSANT_CONTEXT,
    '@type': 'sc:Dataset',
    conformsTo: 'http://mlcommons.org/croissant/RAI/1.0',
    name,
    description: input.dataset?.description ?? `Due-diligence record of ${name}.`,
    ...(input.vendor ? { creator: { '@type': 'sc:Organization', name: input.vendor.name } } : {}),
    ...(claimed.has('sc:license') ? { license: claimed.get('sc:license')?.join('; ') } : {}),
    ...rai,
    variableMeasured: measuredFacts(report),
    'dct:source': {
      '@type': 'sc:CreativeWork',
      name: `Diligence report of assessment ${report.assessmentId}`,
      dateCreated: report.generatedAt,
      identifier: `sha256:${report.sha256}`,
      ...(input.answersRecorded === false ? { description: partialAnswersNote } : {}),
    },
  };
}
