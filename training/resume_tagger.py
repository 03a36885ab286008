"""Stanza's tagger trainer, started from the weights of an earlier tagger.

Stanza's parser writes a checkpoint it can resume from; its tagger does not, so a
second run would begin from random weights.  This wrapper keeps Stanza's own
training loop (`stanza.models.tagger.main`, same flags) and only hands it the
earlier model in place of a freshly built one.  The optimizer starts anew.

    python training/resume_tagger.py --init_from MODEL.pt [stanza.models.tagger flags]
"""

from __future__ import annotations

import sys

import stanza.models.tagger as tagger


def main(argv: list[str]) -> None:
    if "--init_from" not in argv:
        raise SystemExit("resume_tagger: --init_from MODEL.pt is required")
    at = argv.index("--init_from")
    init: str | None = argv[at + 1]
    flags = argv[:at] + argv[at + 2 :]
    build = tagger.Trainer

    def trainer(*args, **kwargs):
        nonlocal init
        if init is None or kwargs.get("model_file") is not None:
            return build(*args, **kwargs)
        vocab = kwargs.pop("vocab")
        loaded = build(model_file=init, **kwargs)
        # The data were indexed with a vocabulary built from the training file; the
        # earlier model must have been trained on the same file for the ids to agree.
        if loaded.vocab.state_dict() != vocab.state_dict():
            raise SystemExit(f"resume_tagger: {init} was trained on other data (vocabularies differ)")
        print(f"resume_tagger: continuing from {init}", flush=True)
        init = None
        return loaded

    tagger.Trainer = trainer
    tagger.main(flags)


if __name__ == "__main__":
    main(sys.argv[1:])
