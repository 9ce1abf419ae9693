/**
 * Lexical diversity of human-written reference text, drawn next to a sample's diversity.
 * Measured with the analyzer on ../shared/data/selfinstruct_user_tasks_human.jsonl (expert-written
 * answers) and wiki_demo.txt (encyclopedia text); the values are their mean, rounded.
 */
export const diversityReference = {
  label: 'Human-written reference',
  distinct1: 0.3,
  distinct2: 0.75,
  distinct3: 0.92,
  mattr: 0.72,
};
