// Listed words masked (****) in the names players choose and the lines they say,
// on the server, so every receiver (and every replay, which records names) gets
// the masked text. The words and their disguises (leetspeak, repeated letters)
// are obscenity's English dataset, a maintained filter that also knows the
// ordinary words containing a listed one (Scunthorpe, assassin, cocktail) and
// leaves them alone, which a word list of our own would not.
import { asteriskCensorStrategy, englishDataset, englishRecommendedTransformers, RegExpMatcher, TextCensor } from "obscenity";

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const censor = new TextCensor().setStrategy(asteriskCensorStrategy());

/** `text` with every listed word's letters masked by asterisks, its length kept. */
export function maskWords(text: string): string {
  const matches = matcher.getAllMatches(text);
  return matches.length === 0 ? text : censor.applyTo(text, matches);
}
