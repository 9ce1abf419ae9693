export { answerValueSchema, expectation, knownAnswerSchema } from './answer-schema';
export { answerText } from './answer-text';
export { deepFreeze } from './build';
export { type MergeResult, mergeValidAnswers } from './merge-valid';
export { findQuestion, getTemplate, questionsOf, templates } from './registry';
export { references } from './sources';
export { aiTrainingDataV1 } from './templates/ai-training-data';
export * from './types';
export { missingRequired, validateAnswer, validateAnswers } from './validate';
