/**
 * The attributes that tie a field to the message saying what is wrong with it (the element with
 * id `messageId`): a screen reader reads the message as the field's description, after its name,
 * and hears that the field is invalid. None while there is no problem.
 */
export function describedByProblem(problem: string | undefined, messageId: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return problem ? { 'aria-invalid': true, 'aria-describedby': messageId } : {}
}
