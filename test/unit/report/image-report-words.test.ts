import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../functions/core/analysis/types';
import { aiTrainingDataV1 } from '../../../functions/core/questionnaire';
import { labeler, reportCsv } from '../../../functions/core/report';
import { croissantExport } from '../../../functions/core/report/croissant';
import { reportPdf } from '../../../functions/core/report/pdf';
import type { ScoredReport } from '../../../functions/core/scoring';
import { factorDoc } from '../../../functions/core/scoring/factor-catalog';
import { pdfFlatText } from '../../support/pdf-text';
import { loadAnswers, run } from '../scoring/inputs';
import { imageArchiveAnalysis, textAnalysis } from '../web/image-sample-fixture';

const label = labeler(aiTrainingDataV1);
const answers = {
  ...loadAnswers('evasive-vendor'),
  synthetic_share_percent: 0,
  dedup_method: 'exact',
  provenance_fields: ['source'],
  synthetic_records_tagged: 'all',
};

let images: Analysis;
let text: Analysis;
let report: ScoredReport;
beforeAll(async () => {
  images = await imageArchiveAnalysis();
  text = await textAnalysis();
  report = run(answers, { training: images });
}, 60_000);

describe('the report of an image sample speaks of images', () => {
  it('prints the provenance reason and image remediations in the PDF, never "Sample records"', async () => {
    const pdf = await pdfFlatText(await reportPdf(report, { title: 'Lumen (pictures)', label }));
    expect(pdf).toContain(
      'Images carry 0 % of the provenance fields (source, creation date, licence, synthetic flag): the archive has no metadata list (metadata.jsonl or metadata.csv) that names them per image.',
    );
    expect(pdf).toContain(
      'What to do: Deliver a source, creation date and licence for every image',
    );
    expect(pdf).toContain('1 sample image (25 %) carries a C2PA manifest that fails validation');
    expect(pdf).not.toMatch(/Sample records carry|to every record|synthetic records\./);
  });

  it('gives image remediations in the CSV, and the catalog ones for a text sample', () => {
    const remediation = (r: ScoredReport, id: string) =>
      r.risk.factors.find((f) => f.id === id)?.remediation;
    expect(remediation(report, 'missing_provenance')).toMatch(
      /metadata\.jsonl .* one row per file/,
    );
    expect(remediation(report, 'tagging_contradicted')).toMatch(/^Tag every AI-made image/);
    expect(reportCsv(report, label)).toContain('Tag every AI-made image');
    const textReport = run(answers, { training: text });
    expect(remediation(textReport, 'missing_provenance')).toBe(
      factorDoc('missing_provenance').remediation,
    );
  });

  it('measures images, not records, in the Croissant export', () => {
    const c = croissantExport({ report, answers, template: aiTrainingDataV1 });
    const measured = (c.variableMeasured as { name: string; value: unknown }[]).map((m) => [
      m.name,
      m.value,
    ]);
    expect(measured).toEqual(
      expect.arrayContaining([
        ['images in the sample', 5],
        ['images decoded', 4],
        ['images declaring AI origin in their own files (lower bound)', 0.25],
        ['images with a listed source', 0],
      ]),
    );
    expect(JSON.stringify(measured)).not.toMatch(/record|machine-text|distinct|gzip/);
    expect(c['rai:dataCollectionType']).toContain(
      'Measured in the sample: at least 25 % of images declare AI origin in their own files (a lower bound: re-saving an image removes such labels).',
    );
    expect(JSON.stringify(c['rai:personalSensitiveInformation'])).not.toMatch(/Measured/);
  });
});
