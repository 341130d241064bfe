#!/usr/bin/env bash
# Builds the production image from src/main/docker/Dockerfile.jvm, AOT training included, with podman
# and no registry: the base image is a local stand-in with the layout of the real one
# (registry.access.redhat.com/ubi10/openjdk-25-runtime, see the Dockerfile), made from Debian's
# minbase (debootstrap) and a jlinked runtime of the local Temurin 25, and given as BASE_IMAGE.
# The Dockerfile itself is used unchanged.
#
# Usage (after ./mvnw package): .ci/build-image.sh
# The image is tagged $PORTAL_IMAGE (default: one tag per checkout, see podman-env.sh).
# The stand-in is kept (tag = hash of its recipe and of the Temurin release) and made again only when
# either changes; the image build keeps no layer cache (a new jar means a new training anyway), and
# the image this tag named before is removed.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/podman-env.sh"
cd "$PORTAL_ROOT"
portal_podman

[ -f target/quarkus-app/quarkus-run.jar ] || {
  echo "FAIL: target/quarkus-app/quarkus-run.jar is missing: run ./mvnw package first" >&2; exit 1; }

TEMURIN=${TEMURIN_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$TEMURIN/bin/jlink" ] || { echo "FAIL: no Temurin 25 JDK at $TEMURIN (set TEMURIN_25)" >&2; exit 1; }
STANDIN=localhost/parameter-portal-standin/openjdk-25-runtime
# What the real image's java-25-openjdk-headless offers, as far as a server needs it.
JRE_MODULES=java.se,jdk.unsupported,jdk.crypto.cryptoki,jdk.zipfs,jdk.naming.dns,jdk.net,jdk.management,jdk.management.jfr,jdk.jfr,jdk.localedata,jdk.charsets,jdk.security.auth,jdk.security.jgss,jdk.httpserver

# The stand-in's file system in $1 (an empty directory): ubi10/openjdk-25-runtime's layout, as listed
# in Dockerfile.jvm. jlink runs beside debootstrap (two cores, and debootstrap mostly waits).
standin_rootfs() {
  local root=$1
  "$TEMURIN/bin/jlink" --add-modules "$JRE_MODULES" --strip-java-debug-attributes --no-man-pages \
    --no-header-files --output "$root.jre" > "$root.jlink.log" 2>&1 &
  local jlink=$!
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian > "$root.debootstrap.log" 2>&1 || {
    kill "$jlink" 2>/dev/null; tail -n 20 "$root.debootstrap.log" >&2; echo "FAIL: debootstrap" >&2; return 1; }
  wait "$jlink" || { cat "$root.jlink.log" >&2; echo "FAIL: jlink" >&2; return 1; }
  # Not needed at run time: package lists and caches, documentation, translations.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/log/* \
    "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/*
  # Java at the RPM's JAVA_HOME, on the PATH through alternatives as on RHEL.
  mkdir -p "$root/usr/lib/jvm"
  mv "$root.jre" "$root/usr/lib/jvm/java-25-openjdk"
  ln -s /usr/lib/jvm/java-25-openjdk/bin/java "$root/etc/alternatives/java"
  ln -s /etc/alternatives/java "$root/usr/bin/java"
  # /etc/hosts as RHEL's setup package writes it (minbase has none, and a build container may add none).
  printf '%s\n' '127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4' \
    '::1         localhost localhost.localdomain localhost6 localhost6.localdomain6' > "$root/etc/hosts"
  # User 185 "default", primary group root, member of its own group, home 0770.
  echo 'default:x:185:0:Default user:/home/default:/sbin/nologin' >> "$root/etc/passwd"
  echo 'default:x:185:default' >> "$root/etc/group"
  install -d -m 0770 -o 185 -g 0 "$root/home/default"
  # /deployments made by root, only data/ the user's.
  install -d -m 0755 "$root/deployments"
  install -d -m 0775 -o 185 -g 0 "$root/deployments/data"
}

WORK=""
cleanup() {
  [ -n "$WORK" ] || return 0
  # debootstrap mounts /proc and /sys inside the new root; an interrupted run leaves them mounted.
  awk -v w="$WORK/" 'index($2, w) == 1 {print $2}' /proc/mounts | sort -r | xargs -r umount -l 2>/dev/null || true
  rm -rf --one-file-system "$WORK"
}
trap cleanup EXIT

make_standin() {
  WORK=$(mktemp -d /var/tmp/parameter-portal-standin.XXXXXX)
  standin_rootfs "$WORK/rootfs"
  tar --numeric-owner -C "$WORK/rootfs" -cf "$WORK/rootfs.tar" .
  podman import --quiet \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV JAVA_HOME=/usr/lib/jvm/java-25-openjdk' \
    --change 'ENV JAVA_VENDOR=openjdk' --change 'ENV JAVA_VERSION=25' \
    --change 'ENV LANG=C.utf8' --change 'ENV HOME=/home/default' \
    --change 'USER 185' --change 'WORKDIR /home/default' --change 'EXPOSE 8080' --change 'EXPOSE 8443' \
    --message "stand-in for registry.access.redhat.com/ubi10/openjdk-25-runtime: Debian bookworm minbase, jlinked $(sed -n 's/^IMPLEMENTOR_VERSION="\(.*\)"$/\1/p' "$TEMURIN/release")" \
    "$WORK/rootfs.tar" "$BASE" > /dev/null
  cleanup; WORK=""
}

started=$(date +%s)
BASE=$STANDIN:$({ declare -f standin_rootfs; echo "$JRE_MODULES"; cat "$TEMURIN/release"; } | sha256sum | cut -c1-12)
# One stand-in per machine: two builds at once make it once.
exec 9> "${TMPDIR:-/tmp}/parameter-portal-standin.lock"
flock 9
if podman image exists "$BASE"; then
  echo "== stand-in base: $BASE (kept from an earlier build)"
else
  echo "== stand-in base: making $BASE (debootstrap bookworm minbase + jlink of $TEMURIN)"
  make_standin
  echo "stand-in base made in $(($(date +%s) - started)) s"
fi
flock -u 9

echo "== image: $PORTAL_IMAGE (Dockerfile.jvm on $BASE, AOT training included)"
built=$(date +%s)
previous=$(podman image inspect --format '{{.Id}}' "$PORTAL_IMAGE" 2> /dev/null || true)
# --network=none: the training runs on loopback and needs nothing else.
podman build --pull=never --layers=false --network=none \
  --build-arg BASE_IMAGE="$BASE" \
  -f src/main/docker/Dockerfile.jvm --ignorefile src/main/docker/Dockerfile.jvm.dockerignore \
  -t "$PORTAL_IMAGE" .
current=$(podman image inspect --format '{{.Id}}' "$PORTAL_IMAGE")
if [ -n "$previous" ] && [ "$previous" != "$current" ]; then podman rmi "$previous" > /dev/null 2>&1 || true; fi
# Older stand-ins: removed once no image uses them any more.
for old in $(podman images --format '{{.Repository}}:{{.Tag}}' "$STANDIN"); do
  [ "$old" = "$BASE" ] || podman rmi "$old" > /dev/null 2>&1 || true
done
size=$(podman image inspect --format '{{.Size}}' "$PORTAL_IMAGE")
base_size=$(podman image inspect --format '{{.Size}}' "$BASE")
echo "image built in $(($(date +%s) - built)) s: $PORTAL_IMAGE, $((size / 1000000)) MB (stand-in base $((base_size / 1000000)) MB)"
