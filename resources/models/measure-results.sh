#!/bin/bash
# Measures, once, what the lecture tour shows from stored results, and keeps it beside each model:
# MODEL.pt -> MODEL.results.json = {"model": file name, "sha256": of the model file,
# "lesion": `pathlens-cli lesion --json`, "gradients": `pathlens-cli gradients --json`}.
# The tour refuses a results file whose sha256 is not its model's, so after retraining a bundled
# model, run this again:
#   resources/models/measure-results.sh build/app/pathlens-cli [resources/models/NAME.pt ...]
# (all bundled models when none is named). About 2 minutes per ResNet-110 on 2 CPU cores.
# The lesion runs on the GUI's live subset of 2,000 test images (--balanced: the first 200 of each
# class, so the tour's stored numbers are the live ones, image for image; set
# LESION_IMAGES to change it); the gradients on 5 random batches of 32 training images per path
# length (GRADIENT_SAMPLES). Both numbers are in the file. A network without shortcuts has no
# gradient per path length: its file holds the lesion only.
set -euo pipefail
cli=$1
shift
models=("$@")
[ ${#models[@]} -gt 0 ] || models=("$(dirname "$0")"/*.pt)
for model in "${models[@]}"; do
    out="${model%.pt}.results.json"
    work=$(mktemp -d)
    echo "$model: single deletions" >&2
    "$cli" lesion "$model" --limit "${LESION_IMAGES:-2000}" --balanced --json > "$work/lesion.json"
    echo "$model: gradients per path length" >&2
    if ! "$cli" gradients "$model" --samples "${GRADIENT_SAMPLES:-5}" --json > "$work/gradients.json" 2> "$work/gradients.err"; then
        echo "$model: no gradients: $(head -1 "$work/gradients.err")" >&2
        echo null > "$work/gradients.json"
    fi
    python3 - "$model" "$work" > "$work/results.json" <<'PY'
import hashlib, json, os, sys
model, work = sys.argv[1], sys.argv[2]
def read(name):
    with open(os.path.join(work, name)) as f:
        return json.load(f)
with open(model, 'rb') as f:
    digest = hashlib.sha256(f.read()).hexdigest()
results = {"model": os.path.basename(model), "sha256": digest,
           "lesion": read("lesion.json"), "gradients": read("gradients.json")}
if results["gradients"] is None:
    del results["gradients"]
json.dump(results, sys.stdout, indent=1)
PY
    mv "$work/results.json" "$out"
    rm -r "$work"
    echo "wrote $out" >&2
done
