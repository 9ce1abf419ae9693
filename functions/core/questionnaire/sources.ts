import type { Reference, SourceId } from './types';

/** The standards and papers the built-in questions cite, in citation order. */
export const references: readonly Reference[] = [
  {
    id: 'dta-provenance',
    title: 'Data Provenance Standards v1.0 (Source, Provenance and Use metadata)',
    publisher: 'Data & Trust Alliance',
    year: 2024,
    url: 'https://dataandtrustalliance.org/our-initiatives/data-provenance-standards',
  },
  {
    id: 'croissant-rai',
    title: 'Croissant RAI Specification 1.0',
    publisher: 'MLCommons',
    year: 2024,
    url: 'https://docs.mlcommons.org/croissant/docs/croissant-rai-spec.html',
  },
  {
    id: 'datasheets',
    title: 'Datasheets for Datasets (Gebru et al.), Communications of the ACM 64(12)',
    publisher: 'ACM',
    year: 2021,
    url: 'https://doi.org/10.1145/3458723',
  },
  {
    id: 'eu-ai-act',
    title: 'Regulation (EU) 2024/1689 (AI Act), Article 10: Data and data governance',
    publisher: 'European Union',
    year: 2024,
    url: 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj',
  },
  {
    id: 'nist-ai-rmf',
    title: 'Artificial Intelligence Risk Management Framework (AI RMF 1.0), NIST AI 100-1',
    publisher: 'NIST',
    year: 2023,
    url: 'https://doi.org/10.6028/NIST.AI.100-1',
  },
  {
    id: 'nist-ai-600-1',
    title: 'AI RMF: Generative Artificial Intelligence Profile, NIST AI 600-1',
    publisher: 'NIST',
    year: 2024,
    url: 'https://doi.org/10.6028/NIST.AI.600-1',
  },
  {
    id: 'iso-42001',
    title: 'ISO/IEC 42001:2023 AI management system, Annex A.7 Data for AI systems',
    publisher: 'ISO/IEC',
    year: 2023,
    url: 'https://www.iso.org/standard/81230.html',
  },
  {
    id: 'shumailov-2024',
    title:
      'AI models collapse when trained on recursively generated data (Shumailov et al.), Nature 631',
    publisher: 'Nature',
    year: 2024,
    url: 'https://doi.org/10.1038/s41586-024-07566-y',
  },
  {
    id: 'gerstgrasser-2024',
    title:
      'Is Model Collapse Inevitable? Breaking the Curse of Recursion by Accumulating Real and Synthetic Data (Gerstgrasser et al.)',
    publisher: 'arXiv',
    year: 2024,
    url: 'https://arxiv.org/abs/2404.01413',
  },
  {
    id: 'alemohammad-2024',
    title: 'Self-Consuming Generative Models Go MAD (Alemohammad et al.), ICLR 2024',
    publisher: 'arXiv',
    year: 2024,
    url: 'https://arxiv.org/abs/2307.01850',
  },
  {
    id: 'dohmatob-2024',
    title:
      'A Tale of Tails: Model Collapse as a Change of Scaling Laws (Dohmatob et al.), ICML 2024',
    publisher: 'arXiv',
    year: 2024,
    url: 'https://arxiv.org/abs/2402.07043',
  },
  {
    id: 'lee-2022',
    title: 'Deduplicating Training Data Makes Language Models Better (Lee et al.), ACL 2022',
    publisher: 'arXiv',
    year: 2022,
    url: 'https://arxiv.org/abs/2107.06499',
  },
];

/** Every source id, for checks that a citation points at a listed reference. */
export const sourceIds: readonly SourceId[] = references.map((r) => r.id);
