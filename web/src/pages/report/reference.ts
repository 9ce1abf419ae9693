/**
 * Lexical diversity of human-written reference text, drawn next to a sample's diversity: the mean
 * of the analyzer's measurements of ../shared/data/selfinstruct_user_tasks_human.jsonl (252
 * expert-written tasks) and wiki_demo.txt (encyclopedia text), rounded to two decimals.
 */
export const diversityReference = {
  label: 'Human-written reference',
  // Measured: human tasks 0.217 / 0.732 / 0.921 / 0.786, wiki 0.147 / 0.661 / 0.920 / 0.800.
  // For comparison, the same 252 tasks answered by text-davinci-003: 0.184 / 0.639 / 0.829 / 0.736.
  // distinct-n falls as samples grow; the moving type-token ratio (mattr) does not depend on size.
  distinct1: 0.18,
  distinct2: 0.7,
  distinct3: 0.92,
  mattr: 0.79,
};
