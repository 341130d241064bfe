# shellcheck shell=bash
# Sourced by build-image.sh and check-image.sh: podman as it works on the project's machines.
# No daemon and no registry: images are built and run locally, nothing is pulled (--pull=never).
# CI machines start without podman: as root, the missing packages are installed from Debian.
# Our own containers.conf (CONTAINERS_CONF), because on these VMs
#   - crun refuses the hybrid cgroup layout ("cgroups in hybrid mode not supported"): runc;
#   - podman's default ulimits exceed the machine's hard limits ("setrlimit RLIMIT_NOFILE:
#     Operation not permitted"): ulimits within them;
#   - there is no systemd: cgroupfs and a file event log;
#   - an old CNI bridge config lies in /etc/cni/net.d without its plugins: netavark (iptables).

PORTAL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
PORTAL_CONTAINER_DIR=$PORTAL_ROOT/target/container
# One image tag per checkout, so that two checkouts built on one machine never share a tag.
PORTAL_IMAGE=${PORTAL_IMAGE:-localhost/parameter-portal-jvm:$(printf '%s' "$PORTAL_ROOT" | sha256sum | cut -c1-12)}

portal_podman() {
  local missing=() tool
  for tool in podman runc iptables debootstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ -x /usr/lib/podman/netavark ] || missing+=(netavark)
  if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing from Debian (missing: ${missing[*]})"
    # runc named explicitly: podman depends on "crun | runc", and crun cannot run here.
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      podman runc iptables debootstrap netavark aardvark-dns >/dev/null
  fi
  for tool in podman runc iptables; do
    command -v "$tool" >/dev/null || {
      echo "FAIL: $tool is missing and could not be installed (run as root on Debian, or install podman, runc, iptables, netavark)" >&2
      exit 1
    }
  done
  mkdir -p "$PORTAL_CONTAINER_DIR"
  cat > "$PORTAL_CONTAINER_DIR/containers.conf" <<'EOF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"

[network]
network_backend = "netavark"
EOF
  export CONTAINERS_CONF=$PORTAL_CONTAINER_DIR/containers.conf
}
