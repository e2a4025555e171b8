#!/bin/bash
# Submits a pathlens-cli run as a Slurm job array of N shards and a merge job that starts when
# every shard has succeeded (--dependency=afterok). Prints sbatch's answers.
#
#   submit.sh [--gpu] N PARTS_DIR COMMAND [MODEL] [OPTIONS...]
#
# COMMAND is lesion, delete-k, reorder, gradients or report. The result is PARTS_DIR/merged.json
# (for report: the report in PARTS_DIR/report). Environment:
#   PATHLENS_CLI            the program on the compute nodes (default: pathlens-cli on PATH)
#   PATHLENS_SBATCH_OPTIONS more sbatch options for both jobs, e.g. "--partition=short --time=1:00:00"
# --gpu: one GPU per shard (--gres=gpu:1) and --device cuda.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

gpu=()
if [ "${1:-}" = --gpu ]; then
    # shellcheck disable=SC2054 # the comma belongs to --export's value
    gpu=(--gres=gpu:1 --export=ALL,PATHLENS_DEVICE=cuda)
    shift
fi
if [ $# -lt 3 ] || ! [[ $1 =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: submit.sh [--gpu] N PARTS_DIR COMMAND [MODEL] [OPTIONS...]" >&2
    exit 2
fi
count=$1
parts=$(mkdir -p "$2" && cd "$2" && pwd)
shift 2
read -r -a extra <<< "${PATHLENS_SBATCH_OPTIONS:-}"
merge_options=(--json)
result=$parts/merged.json
if [ "$1" = report ]; then
    merge_options=(--out "$parts/report")
    result=$parts/merge.log
fi

array=$(sbatch --parsable --array=0-$((count - 1)) --output="$parts/shard-%a.log" "${gpu[@]}" "${extra[@]}" \
        "$here/pathlens-shard.sbatch" "$parts" "$@")
echo "shards: job array $array (tasks 0-$((count - 1)))"
merge=$(sbatch --parsable --dependency=afterok:"$array" --output="$parts/merge-%j.log" "${extra[@]}" \
        "$here/pathlens-merge.sbatch" "$parts" "$result" "${merge_options[@]}")
echo "merge: job $merge, after every shard succeeded; result in $result"
