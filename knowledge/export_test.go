package knowledge

// AnswerInByRules is AnswerIn with the reading answerIn's rules choose,
// the reading model left out: for the tests of those rules.
func (b *Base) AnswerInByRules(c Context, question string) (Answer, Context) {
	var rc readingChoice
	a, next, _ := b.answerIn(c, question, &rc)
	return a, next
}
