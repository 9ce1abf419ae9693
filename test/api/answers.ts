export { completeAnswers } from '../../functions/local/demo-answers';
