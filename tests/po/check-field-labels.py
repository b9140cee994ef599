#!/usr/bin/env python3
# check-field-labels.py PO_FILE...
#
# The forms place an error under the field whose name the message starts
# with ("Note: say why…" goes under 备注; see sz_field_for_message()).  So a
# translated message that starts with a field's name must start with that
# field's translated name too, or the error lands at the top of the form.
# Every msgid "LABEL: …" where LABEL is itself a message (a field's name) is
# checked against LABEL's translation.  Prints TAP.
import re
import sys

# Messages that start with a word which is not a field's name there.
NOT_FIELDS = {
    "Warning",   # "Warning: imported as it is": a severity, not a field
    "Problems",  # "Problems: " heads a list of problems in a file
    "Undone",    # "Undone: %s": the message after Ctrl+Z
    "None",      # "None: boards print no QR code": a choice's explanation
    "Service hours",  # "Service hours: %s": a figure on a statement, not a form's field
}


def unquote(s):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), s)


def entries(path):
    """(msgctxt, msgid, msgstr, fuzzy) of each message, msgstr[0] for plurals."""
    out = []
    e = {}
    fuzzy = False
    key = None

    def flush():
        nonlocal e, fuzzy, key
        if 'msgid' in e:
            out.append((e.get('msgctxt'), e['msgid'], e.get('msgstr', e.get('msgstr[0]', '')), fuzzy))
        e = {}
        fuzzy = False
        key = None

    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                # A comment or a blank line ends the message before it.
                if 'msgstr' in e or 'msgstr[0]' in e:
                    flush()
                if line.startswith('#,') and 'fuzzy' in line:
                    fuzzy = True
                continue
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if m:
                key = m.group(1)
                e[key] = unquote(m.group(2))
            elif line.startswith('"') and key:
                e[key] += unquote(line[1:-1])
    flush()
    return out


def main():
    n = 0
    failed = 0
    lines = []
    for path in sys.argv[1:]:
        msgs = entries(path)
        # A label may have several translations by context ("Name" of a
        # person 姓名, of a reward 名称): a message may start with any.
        labels = {}
        for ctxt, msgid, msgstr, fuzzy in msgs:
            if msgid and msgstr and not fuzzy and len(msgid) <= 40 \
                    and ':' not in msgid and '%' not in msgid and '\n' not in msgid:
                labels.setdefault(msgid, set()).add(msgstr)
        for ctxt, msgid, msgstr, fuzzy in msgs:
            if not msgstr or fuzzy or ': ' not in msgid:
                continue
            head = msgid.split(': ', 1)[0]
            if head not in labels or head in NOT_FIELDS:
                continue
            n += 1
            wants = sorted(labels[head])
            ok = any(msgstr.startswith(w + '：') or msgstr.startswith(w + ':') or msgstr.startswith(w + ' ')
                     for w in wants)
            want = '”或“'.join(wants)
            if not ok:
                failed += 1
            lines.append('%s %d - %s: “%s” starts with the field “%s”, so its translation must start with “%s：” (it is “%s”)'
                         % ('ok' if ok else 'not ok', n, path.split('/')[-1], msgid.split('\n')[0][:60], head, want,
                            msgstr.split('\n')[0][:40]))
    print('1..%d' % n)
    for l in lines:
        print(l)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
