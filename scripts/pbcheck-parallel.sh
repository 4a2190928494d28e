#!/bin/sh
# A national-scale batch over several hosts with GNU parallel (Debian package
# `parallel`): pbcheck lists the files (sorted, lock files skipped), parallel
# cuts the NUL-separated list into blocks of N paths and feeds each block to
# `pbcheck --format jsonl -` on the hosts given with -S (its --sshlogin; ":"
# is this host), and the JSON lines come back in input order (--keep-order),
# so the merged result is the concatenation, the same as one pbcheck run.
#
# Usage: scripts/pbcheck-parallel.sh [-S HOSTS] [-N PATHS_PER_JOB] [-j JOBS_PER_HOST] PATH... > results.jsonl
#   -S host1,host2,:   hosts (ssh logins, GNU parallel syntax); default ":" (this host)
#   -N 500             paths per pbcheck run
#   -j N               pbcheck runs at once on each host (default: its CPUs)
# Every host must see the files at the same paths (an NFS or CIFS share
# mounted alike) and have pbcheck on its PATH ($PBCHECK overrides the name).
# Exit status: 0 when every pbcheck run exited 0; otherwise that of GNU
# parallel (the number of runs that failed); the JSON lines say why per file.
set -eu
pbcheck=${PBCHECK:-pbcheck}
hosts=: per_job=500 jobs=
while getopts S:N:j: opt; do
    case $opt in
    S) hosts=$OPTARG ;;
    N) per_job=$OPTARG ;;
    j) jobs=$OPTARG ;;
    *) sed -n 's/^# Usage: //p' "$0" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { sed -n 's/^# Usage: //p' "$0" >&2; exit 2; }
"$pbcheck" --list-files -0 -- "$@" |
    parallel --will-cite --pipe --recend '\0' -N "$per_job" --keep-order -S "$hosts" ${jobs:+-j "$jobs"} \
        "$pbcheck" --quiet --jobs 1 --format jsonl -0 -
