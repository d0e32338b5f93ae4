export { answerFromEntries, entryLine, MAX_ANSWER_LINES } from './answer.js';
export { contentWords, questionIntent } from './intent.js';
export { suggestedCustomerQuestion } from './suggest.js';
export {
  type AnswerLine,
  ASK_TOPICS,
  type AskTopic,
  type DealAnswer,
  type DealFacts,
  type QuestionIntent,
} from './types.js';
