#!/usr/bin/env bash
# A throw-away single-node Slurm for tests and for trying `pacd-cli sweep --slurm` on one machine: Debian's
# slurm-wlm (slurmctld + slurmd) and munge, every file (config, key, state, spool, logs, pids, sockets) under DIR,
# nothing in /etc and no system service touched.
#
#   scripts/slurm/local-slurm.sh start DIR   # prints the line to source: export SLURM_CONF=DIR/slurm.conf
#   scripts/slurm/local-slurm.sh stop DIR    # stops the daemons DIR/pids names (and only those), waits for them
#   scripts/slurm/local-slurm.sh env DIR     # the export line again
#
# One node with this machine's cores (nproc; PACD_SLURM_CPUS overrides), process tracking by /proc (proctrack/linuxproc) and no cgroup
# plugins (task/none), so it runs in containers and on CI machines without a writable cgroup tree. No slurmdbd:
# accounting is off (sacct does not work; `pacd-cli sweep status` then reads squeue and the task stores/logs).
# The daemons run as the calling user (root or not), on two free TCP ports found at start. Exit status 2 when
# slurm-wlm or munge is not installed (scripts/bootstrap.sh installs them), 1 when a daemon does not come up
# (its log's tail is printed).
set -euo pipefail

usage() { sed -n '5,8p' "$0" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd)
say() { echo "local-slurm: $*" >&2; }

need() {
  local missing=()
  for exe in slurmctld slurmd munged sbatch squeue sinfo; do
    command -v "$exe" >/dev/null 2>&1 || [ -x "/usr/sbin/$exe" ] || missing+=("$exe")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "not installed: ${missing[*]} (Debian: apt-get install slurm-wlm munge; scripts/bootstrap.sh does)"
    exit 2
  fi
}
sbin() { command -v "$1" 2>/dev/null || echo "/usr/sbin/$1"; }

# A TCP port nobody listens on, from a range above the usual Slurm ones.
free_port() {
  local taken port
  taken=$(ss -Htln 2>/dev/null | awk '{print $4}' | sed 's/.*://' || true)
  for port in $(shuf -i 20000-29999 -n 200); do
    if ! grep -qx "$port" <<<"$taken" && [ "$port" != "${1:-}" ]; then echo "$port"; return; fi
  done
  say "no free TCP port found"; exit 1
}

stop_pid() { # name pidfile
  local pid
  [ -s "$2" ] || return 0
  pid=$(cat "$2")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      say "$1 (pid $pid) ignored SIGTERM for 10 s; SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$2"
}

stop() {
  # slurmd first: it ends the job steps it still runs (their processes are its children's).
  stop_pid slurmd "$dir/pids/slurmd.pid"
  stop_pid slurmctld "$dir/pids/slurmctld.pid"
  stop_pid munged "$dir/pids/munged.pid"
}

show_logs() {
  for log in "$dir"/log/*.log; do
    [ -f "$log" ] && { say "--- tail of $log"; tail -n 15 "$log" >&2; }
  done
}

start() {
  need
  if [ -s "$dir/pids/slurmctld.pid" ] && kill -0 "$(cat "$dir/pids/slurmctld.pid")" 2>/dev/null; then
    say "already running in $dir (stop it first)"; exit 1
  fi
  mkdir -p "$dir"/{etc,munge,state,spool,log,pids,tmp}
  chmod 700 "$dir/munge" "$dir/etc"
  local user host cores ctl_port node_port
  user=$(id -un)
  host=$(hostname -s)
  cores=${PACD_SLURM_CPUS:-$(nproc)}
  [[ "$cores" =~ ^[1-9][0-9]*$ ]] || { say "PACD_SLURM_CPUS='$cores' is not a positive number of CPUs"; exit 2; }
  ctl_port=$(free_port)
  node_port=$(free_port "$ctl_port")

  # munge: its own key (created if missing), socket, pid and log; -f because a root-owned key under /tmp is fine here.
  if [ ! -s "$dir/munge/munge.key" ]; then
    if command -v mungekey >/dev/null 2>&1 || [ -x /usr/sbin/mungekey ]; then
      "$(sbin mungekey)" --create --keyfile="$dir/munge/munge.key"
    else
      dd if=/dev/urandom of="$dir/munge/munge.key" bs=1 count=1024 status=none
    fi
    chmod 400 "$dir/munge/munge.key"
  fi
  "$(sbin munged)" --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/pids/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munge.seed" ||
    { say "munged did not start"; show_logs; stop; exit 1; }

  cat >"$dir/slurm.conf" <<CONF
# Written by scripts/slurm/local-slurm.sh for $dir: one node, this machine's $cores cores, no accounting.
ClusterName=pacd-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=$user
SlurmdUser=$user
SlurmctldPort=$ctl_port
SlurmdPort=$node_port
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/pids/slurmctld.pid
SlurmdPidFile=$dir/pids/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
TmpFS=$dir/tmp
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
LaunchType=launch/slurm
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=300
SlurmdTimeout=60
InactiveLimit=0
KillWait=5
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cores State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF
  export SLURM_CONF="$dir/slurm.conf"
  "$(sbin slurmctld)" -f "$SLURM_CONF" -L "$dir/log/slurmctld.log" || { say "slurmctld did not start"; show_logs; stop; exit 1; }
  "$(sbin slurmd)" -f "$SLURM_CONF" -L "$dir/log/slurmd.log" || { say "slurmd did not start"; show_logs; stop; exit 1; }

  # Up when the node is idle (slurmd registered with slurmctld); 60 s is ample on a loaded 2-core machine.
  local state=""
  for _ in $(seq 1 300); do
    state=$(sinfo -h -N -o %t 2>/dev/null | head -1 || true)
    [ "$state" = idle ] && break
    sleep 0.2
  done
  if [ "$state" != idle ]; then
    say "the node did not become idle within 60 s (state '${state:-no answer}')"
    show_logs
    stop
    exit 1
  fi
  say "Slurm up in $dir: node $host, $cores CPUs, ports $ctl_port/$node_port; pids in $dir/pids"
  echo "export SLURM_CONF=$dir/slurm.conf"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  env) echo "export SLURM_CONF=$dir/slurm.conf" ;;
  *) usage ;;
esac
