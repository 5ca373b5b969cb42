/**
 * What other features may use of the members feature (see biome.json's import zones): the identity-number
 * rules and the member form's words, which the expert form shares (an expert's personal fields are a member's).
 */
export { birthDateFromIdNumber, idNumberProblems, syncBirthDate } from './components/id-number';
export { membersMessages } from './messages';
