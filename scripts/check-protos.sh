#!/usr/bin/env bash
# Checks that the committed generated code matches proto/: the checksum of every .proto file
# (and the generator script) must equal the one recorded when the code was generated.
# Regenerate with scripts/generate-protos.sh. `--print` prints the current checksum.
set -euo pipefail
cd "$(dirname "$0")/.."
current=$( (find proto -name '*.proto' | LC_ALL=C sort | xargs cat; cat scripts/generate-protos.sh \
  proto/module-mappings.asciipb) | sha256sum | cut -d' ' -f1)
if [ "${1:-}" = "--print" ]; then
  echo "$current"
  exit 0
fi
recorded=$(cat Sources/ShopRecAPI/Generated/proto.sha256 2>/dev/null || echo none)
if [ "$current" != "$recorded" ]; then
  echo "generated protobuf code is stale: proto/ changed since scripts/generate-protos.sh ran" >&2
  echo "  recorded $recorded" >&2
  echo "  current  $current" >&2
  exit 1
fi
echo "generated protobuf code is fresh ($current)"
