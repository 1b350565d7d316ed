#!/usr/bin/env bash
# The Hugging Face round trip, on a machine with Python `transformers` (the GPU machine):
#  1. a tiny random BertForSequenceClassification saved by transformers is loaded by
#     `uegr predict --logits`; the logits must match transformers' within 1e-4;
#  2. a few UEGR steps fine-tune it on CUDA (`uegr train`, model.type "hf");
#  3. transformers loads the exported run/model folder and must predict what uegr predicts.
# usage: scripts/gpu-check-hf.sh UEGR_BINARY OUT_DIR
set -euo pipefail
uegr="$1"
out="$2"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out"
python3 -c 'import transformers' 2>/dev/null || { echo "transformers is not installed: skipped"; exit 0; }
texts="$out/texts.txt"
printf '%s\n' "the tests fail but my code compiles" "a senator spoke about the budget" \
    "Quantum physics is weird, isn't it?" "Meetings all day: no work done." > "$texts"

python3 - "$out/tiny-bert" "$texts" <<'PY'
import json, sys, torch
from transformers import BertConfig, BertForSequenceClassification, BertTokenizer
folder, texts_file = sys.argv[1], sys.argv[2]
import os; os.makedirs(folder, exist_ok=True)
words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + sorted(set(
    "the a is of to and in it my but code tests fail compiles senator spoke about budget quantum "
    "physics weird isn ' t ? , : . meetings all day work done computers politics science".split()))
words += ["##s", "##ing", "##ed", "##er"]
with open(os.path.join(folder, "vocab.txt"), "w") as f: f.write("\n".join(words) + "\n")
torch.manual_seed(0)
labels = ["computers", "politics", "science", "work"]
config = BertConfig(vocab_size=len(words), hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                    intermediate_size=64, max_position_embeddings=64, num_labels=4,
                    id2label=dict(enumerate(labels)), label2id={l: i for i, l in enumerate(labels)})
model = BertForSequenceClassification(config).eval()
tokenizer = BertTokenizer(os.path.join(folder, "vocab.txt"))
tokenizer.save_pretrained(folder)
model.save_pretrained(folder, safe_serialization=True)
texts = open(texts_file).read().splitlines()
with torch.no_grad():
    logits = model(**tokenizer(texts, padding=True, return_tensors="pt")).logits
json.dump(logits.tolist(), open(os.path.join(folder, "reference_logits.json"), "w"))
PY

"$uegr" predict --model "$out/tiny-bert" --logits --device cpu < "$texts" > "$out/predict-tiny-bert.jsonl"
python3 - "$out/tiny-bert/reference_logits.json" "$out/predict-tiny-bert.jsonl" <<'PY'
import json, sys
reference = json.load(open(sys.argv[1]))
ours = [json.loads(line)["logits"] for line in open(sys.argv[2])]
diff = max(abs(a - b) for r, o in zip(reference, ours) for a, b in zip(r, o))
print(f"transformers vs uegr predict logits: max abs difference {diff:.3g} ({'PASS' if diff < 1e-4 else 'FAIL'})")
PY

cat > "$out/hf-run.json" <<JSON
{"data": {"train": "$root/resources/demo/train.csv", "dev": "$root/resources/demo/dev.csv",
          "test": "$root/resources/demo/test.csv", "max_length": 64},
 "model": {"type": "hf", "path": "$out/tiny-bert"},
 "training": {"method": "uegr", "epochs": 1, "batch_size": 32, "lr": 1e-4, "device": "cuda"},
 "output": {"log_every_steps": 10}}
JSON
time "$uegr" train --config "$out/hf-run.json" --out "$out/run-hf-cuda"
"$uegr" predict --model "$out/run-hf-cuda/model" --logits --device cuda < "$texts" > "$out/predict-finetuned.jsonl"
python3 - "$out/run-hf-cuda/model" "$texts" "$out/predict-finetuned.jsonl" <<'PY'
import json, sys, torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer
folder, texts_file, predictions = sys.argv[1:]
model = AutoModelForSequenceClassification.from_pretrained(folder).eval()
tokenizer = AutoTokenizer.from_pretrained(folder)
texts = open(texts_file).read().splitlines()
with torch.no_grad():
    logits = model(**tokenizer(texts, padding=True, return_tensors="pt")).logits
ours = [json.loads(line) for line in open(predictions)]
same = all(model.config.id2label[int(row.argmax())] == o["label"] for row, o in zip(logits, ours))
diff = max(abs(a - b) for r, o in zip(logits.tolist(), ours) for a, b in zip(r, o["logits"]))
print(f"exported folder in transformers: same labels {same}, max abs logit difference {diff:.3g}")
PY
rm -rf "$out/run-hf-cuda/checkpoints"
