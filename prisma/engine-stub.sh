#!/bin/sh
# Prisma CLI insists on a native schema engine before it will run `generate`, which needs none.
# This stub satisfies that check offline (docs/decisions/001-offline-migrations.md).
echo "schema-engine stub: not available offline" >&2
exit 1
