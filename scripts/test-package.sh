#!/usr/bin/env bash
# Builds the .deb (debug build), installs it, and checks it as a desktop would see it: both
# binaries run, the desktop entry is valid, each of Pitchbridge's files is known by extension
# and by content and opens with Pitchbridge; then removes it and checks nothing is left.
# As root (CI) the package is installed with dpkg; otherwise into a throwaway root, with the
# desktop's data directories pointed at it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

# desktop-file-validate, xdg-mime, the shared MIME database, and File::MimeInfo (which xdg-mime
# asks for a file's type by the shared MIME database rather than by libmagic).
apt_install_missing "package checks" desktop-file-utils xdg-utils shared-mime-info libfile-mimeinfo-perl rpm

PACKAGES="$(bash "$ROOT/scripts/package.sh" --debug | tail -2)"
DEB="$(echo "$PACKAGES" | head -1)"
RPM="$(echo "$PACKAGES" | tail -1)"
echo "==> Checking $DEB"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "package check failed: $*" >&2; exit 1; }

# Both binaries and the file types are in the .rpm too.
RPM_FILES="$(rpm -qlp "$RPM" 2>/dev/null)"
for f in /usr/bin/pitchbridge /usr/bin/pitchbridge-desktop /usr/share/mime/packages/pitchbridge.xml \
         /usr/share/icons/hicolor/48x48/mimetypes/application-x-pitchbridge-review.png; do
  grep -qx "$f" <<< "$RPM_FILES" || fail "$RPM lacks $f"
done

if [ "$(id -u)" -eq 0 ]; then
  PREFIX=""
  dpkg -i "$DEB" >/dev/null
  export XDG_DATA_DIRS="/usr/local/share:/usr/share"
else
  PREFIX="$WORK/root"
  dpkg-deb -x "$DEB" "$PREFIX"
  update-mime-database "$PREFIX/usr/share/mime"
  update-desktop-database "$PREFIX/usr/share/applications"
  export XDG_DATA_DIRS="$PREFIX/usr/share:/usr/share"
fi
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" XDG_CURRENT_DESKTOP=""

"$PREFIX/usr/bin/pitchbridge" --version | grep -q "^pitchbridge " || fail "pitchbridge --version"
"$PREFIX/usr/bin/pitchbridge-desktop" --version | grep -q "^pitchbridge-desktop " || fail "pitchbridge-desktop --version"
DEB_FILES="$(dpkg-deb -c "$DEB" | awk '{print $6}' | sed -E 's#^\.?/?#/#')"
ENTRY="$PREFIX$(grep '^/usr/share/applications/.*\.desktop$' <<< "$DEB_FILES")"
desktop-file-validate "$ENTRY" || fail "desktop-file-validate $ENTRY"
grep -q '^Exec=pitchbridge-desktop %f$' "$ENTRY" || fail "the desktop entry does not pass the file"
for size in 16 32 48 128 256 512; do
  ls "$PREFIX"/usr/share/icons/hicolor/${size}x${size}/apps/*.png >/dev/null 2>&1 || fail "no ${size}px app icon"
done

# One file of each kind: made by the command line where it can, and the same bytes without
# their extension, known by their content.
"$PREFIX/usr/bin/pitchbridge" init --demo "$WORK/team.pitchbridge" >/dev/null
"$PREFIX/usr/bin/pitchbridge" review export --workspace "$WORK/team.pitchbridge" --pitch 6 -o "$WORK/sample.pbreview" >/dev/null
printf '{"format":"pitchbridge-decision/1","decision":{},"signature":""}\n' > "$WORK/sample.pbdecision"
printf '{"format":"pitchbridge-reviewer/1","name":"Priya Raman","email":"priya@example.com","public_key":""}\n' > "$WORK/sample.pbreviewer"
declare -A WANT=(
  [team.pitchbridge]=application/x-pitchbridge-workspace
  [sample.pbreview]=application/x-pitchbridge-review
  [sample.pbdecision]=application/x-pitchbridge-decision
  [sample.pbreviewer]=application/x-pitchbridge-reviewer
)
DESKTOP="$(basename "$ENTRY")"
for file in "${!WANT[@]}"; do
  want="${WANT[$file]}"
  got="$(xdg-mime query filetype "$WORK/$file")"
  [ "$got" = "$want" ] || fail "$file is $got, not $want"
  cp "$WORK/$file" "$WORK/no-extension"
  got="$(xdg-mime query filetype "$WORK/no-extension")"
  [ "$got" = "$want" ] || fail "$file without its extension is $got, not $want"
  default="$(xdg-mime query default "$want")"
  [ "$default" = "$DESKTOP" ] || fail "$want opens with '$default', not $DESKTOP"
  echo "  $file: $want, opens with $default"
done

if [ -z "$PREFIX" ]; then
  dpkg -r pitchbridge >/dev/null
  for f in /usr/bin/pitchbridge /usr/bin/pitchbridge-desktop /usr/share/mime/packages/pitchbridge.xml "$ENTRY"; do
    [ ! -e "$f" ] || fail "$f is left after removing the package"
  done
  [ "$(xdg-mime query filetype "$WORK/sample.pbreview")" != application/x-pitchbridge-review ] || fail "the review type is left after removing the package"
  echo "  removed cleanly"
fi
echo "Package checks passed."
