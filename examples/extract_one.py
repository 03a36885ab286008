"""Quotes of one document with the library call."""

import quotes

TEXT = (
    "Le ministre des Finances Bruno Lemoine a présenté le budget mardi. "
    "« Nous réduirons le déficit sans augmenter les impôts », a-t-il déclaré. "
    "Selon l'opposition, le plan est irréaliste."
)

for q in quotes.extract(TEXT, id="budget", date="2024-10-01", source="Le Courrier"):
    speaker = q.speaker.name if q.speaker else None
    print(f"{q.type:8s} {q.cue:10s} {speaker!s:20s} {q.quote.text}")
