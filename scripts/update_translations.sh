#!/usr/bin/env bash
# Regenerate the English translation of the GUI.
#
#   bash scripts/update_translations.sh
#
# 1. pyside6-lupdate reads every .py under eldercare_desktop/ui (self.tr(),
#    QCoreApplication.translate(), qapp.translate()) into
#    resources/translations/eldercare_en.ts; strings no longer in the code
#    are dropped (-no-obsolete).
# 2. scripts/translate_en.py adds the calls lupdate cannot see (inside
#    f-strings) and writes the English for every message; it fails, listing
#    them, when a source string has no English yet: add it to EN there.
# 3. pyside6-lrelease compiles resources/translations/eldercare_en.qm, which
#    eldercare_desktop/ui/i18n.py loads for --lang en.
# Running it twice changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=.venv/bin
TS=resources/translations/eldercare_en.ts
QM=resources/translations/eldercare_en.qm

mkdir -p resources/translations
mapfile -t SOURCES < <(find eldercare_desktop/ui -name '*.py' -not -path '*/__pycache__/*' | LC_ALL=C sort)
if [ "${#SOURCES[@]}" -eq 0 ]; then
    echo "update_translations: no sources under eldercare_desktop/ui" >&2
    exit 1
fi

"$BIN/pyside6-lupdate" -silent -source-language zh_CN -target-language en -no-obsolete \
    "${SOURCES[@]}" -ts "$TS"
"$BIN/python" scripts/translate_en.py "$TS"
"$BIN/pyside6-lrelease" -silent "$TS" -qm "$QM"
echo "update_translations: ${#SOURCES[@]} source files -> $TS, $QM"
