#!/bin/bash
# A one-node Slurm on 127.0.0.1 in a temporary folder, for the tests: munged (as root, --force,
# its socket and key in the folder), slurmctld and slurmd with a generated slurm.conf.
#   source cluster.sh; cluster_start DIR; ...; cluster_stop
# Exports SLURM_CONF so that sbatch, squeue and sacct talk to this cluster only. Stops only the
# daemons it started, by their process ids.

cluster_pids=()

# A free TCP port on 127.0.0.1 (the kernel picks one; a race with another program is unlikely).
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

cluster_start() {
    local dir=$1
    local node
    cluster_dir=$dir
    node=$(hostname -s)
    mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
    chmod 700 "$dir/munge"
    # munged refuses a key that others can read, and runs as root only with --force.
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
    chmod 400 "$dir/munge/munge.key"
    munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
        --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munge.seed" || return 1
    cluster_pids+=("$(cat "$dir/munge/munged.pid")")

    local ctld_port slurmd_port
    ctld_port=$(free_port)
    slurmd_port=$(free_port)
    cat > "$dir/slurm.conf" <<CONF
ClusterName=pathlens-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
# No cgroups: a container may not let slurmd use them.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmdParameters=config_overrides
MinJobAge=600
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
    export SLURM_CONF=$dir/slurm.conf
    slurmctld -c -f "$dir/slurm.conf" || return 1
    for _ in $(seq 50); do [ -s "$dir/slurmctld.pid" ] && break; sleep 0.2; done
    cluster_pids+=("$(cat "$dir/slurmctld.pid")")
    slurmd -f "$dir/slurm.conf" || return 1
    for _ in $(seq 50); do [ -s "$dir/slurmd.pid" ] && break; sleep 0.2; done
    cluster_pids+=("$(cat "$dir/slurmd.pid")")
    # Wait until the node takes work.
    for _ in $(seq 60); do
        state=$(sinfo -h -N -o %t 2>/dev/null | head -1)
        [ "$state" = idle ] && return 0
        sleep 1
    done
    echo "cluster.sh: the node did not become idle (state '$state'); logs in $dir/log" >&2
    return 1
}

cluster_dir=

cluster_stop() {
    local pid
    for pid in "${cluster_pids[@]}"; do
        kill "$pid" 2>/dev/null
    done
    for pid in "${cluster_pids[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    done
    cluster_pids=()
    # A job step still running (a test that failed half way) has its own daemon, slurmstepd,
    # which slurmd leaves behind; it is ours when it writes to this cluster's slurmd log.
    [ -n "$cluster_dir" ] || return 0
    local fd
    for fd in /proc/[0-9]*/fd/*; do
        if [ "$(readlink "$fd" 2>/dev/null)" = "$cluster_dir/log/slurmd.log" ]; then
            pid=${fd#/proc/}
            pid=${pid%%/*}
            [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = slurmstepd ] && kill -9 "$pid" 2>/dev/null
        fi
    done
    return 0
}
