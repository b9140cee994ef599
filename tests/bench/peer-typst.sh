#!/bin/bash
# peer-typst.sh [BUILD_DIR] [RUNS]
#
# Boards against a modern typesetter: for 1 board, the demo's 148 and a
# community of about 3,043 units, the whole `sanzhang-cli boards` process
# (default engine, then each engine in $ENGINES) against Typst through its
# npm package @myriaddreamin/typst-ts-node-compiler printing the same
# boards' data (title, place, three heads, hotlines, in Zen Hei).  Prints
# one table: median wall time of RUNS (default 5), peak RSS, PDF size.
# Needs npm and the registry; never run in CI, never fails on time.
#   meson setup _build-speed -Dbuildtype=release -Dbenchmarks=true
#   meson compile -C _build-speed && tests/bench/peer-typst.sh _build-speed
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-_build-speed}" && pwd)
runs=${2:-5}
engines=${ENGINES:-cairo haru}
cli=$build/src/cli/sanzhang-cli
city=$build/tests/bench-city
[ -x "$cli" ] && [ -x "$city" ] || { echo "peer-typst: build $build with -Dbenchmarks=true first" >&2; exit 2; }
tmp=$(mktemp -d /tmp/peer-typst-XXXXXX)
trap 'rm -rf "$tmp"' EXIT

typst=no
if command -v npm >/dev/null && command -v node >/dev/null; then
  mkdir -p "$tmp/npm"
  if (cd "$tmp/npm" && npm install --no-audit --no-fund --silent @myriaddreamin/typst-ts-node-compiler >/dev/null 2>&1); then
    typst=yes
  else
    echo "peer-typst: npm could not install the Typst package; Sanzhang only" >&2
  fi
fi
export PEER_TYPST_MODULES=$tmp/npm/node_modules

"$cli" --database "$tmp/demo.db" demo >/dev/null
"$city" --scale 0.024 --communities 1 --keep --out "$tmp/3k.db" >/dev/null
first_unit=$(sqlite3 "$tmp/demo.db" "SELECT u.id FROM unit u JOIN building b ON b.id = u.building_id ORDER BY b.grid_id, b.compound_id, b.id, u.number LIMIT 1")

# The boards' data for the peer: what a unit board says.
dump () {  # DB LIMIT OUT
  sqlite3 "$1" "
    SELECT json_group_array(json(board)) FROM (
      SELECT json_object('title', '三长公示牌', 'community', c.name,
        'place', co.name || ' ' || b.name || ' ' || u.number || '单元',
        'heads', json_array(
          json_array('网格长', coalesce(gp.name, '（空缺）'), CASE WHEN gp.phone_consent THEN gp.phone ELSE c.office_phone END),
          json_array('楼栋长', coalesce(bp.name, '（空缺）'), CASE WHEN bp.phone_consent THEN bp.phone ELSE c.office_phone END),
          json_array('单元长', coalesce(up.name, '（空缺）'), CASE WHEN up.phone_consent THEN up.phone ELSE c.office_phone END)),
        'hotlines', json((SELECT json_group_array(json_array(coalesce(nullif(h.label, ''), h.category), h.number))
                          FROM (SELECT * FROM hotline h WHERE h.community_id = c.id ORDER BY h.position LIMIT 8) h))) AS board
      FROM unit u JOIN building b ON b.id = u.building_id JOIN compound co ON co.id = b.compound_id
      JOIN community c ON c.id = co.community_id
      LEFT JOIN post g ON g.grid_id = b.grid_id AND g.end_date IS NULL LEFT JOIN person gp ON gp.id = g.person_id
      LEFT JOIN post bb ON bb.building_id = b.id AND bb.end_date IS NULL LEFT JOIN person bp ON bp.id = bb.person_id
      LEFT JOIN post uu ON uu.unit_id = u.id AND uu.end_date IS NULL LEFT JOIN person up ON up.id = uu.person_id
      ORDER BY b.grid_id, co.id, b.id, u.number LIMIT $2)" > "$3"
}

# measure OUT.pdf CMD… → "median_s max_rss_kb bytes"
measure () {
  local out=$1; shift
  local times=() rss=0
  for ((i = 0; i < runs; i++)); do
    rm -f "$out"
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { echo "fail"; return; }
    read -r t m < "$tmp/time"
    times+=("$t")
    ((m > rss)) && rss=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "$median $rss $(stat -c %s "$out")"
}

fmt () {  # "s kb bytes" → "38 ms, 36 MiB, 21.1 KB"
  [ "$1" = fail ] && { echo "failed"; return; }
  awk -v s="$1" -v k="$2" -v b="$3" 'BEGIN {
    t = s < 1 ? sprintf("%.0f ms", s * 1000) : sprintf("%.2f s", s);
    z = b < 1048576 ? sprintf("%.1f KB", b / 1024) : sprintf("%.2f MB", b / 1048576);
    printf "%s, %.0f MiB RSS, %s", t, k / 1024, z }'
}

declare -A row
sizes="1 148 3043"
for n in $sizes; do
  case $n in
    1) db=$tmp/demo.db; sel=(--unit "$first_unit") ;;
    148) db=$tmp/demo.db; sel=() ;;
    *) db=$tmp/3k.db; sel=() ;;
  esac
  boards=$(sqlite3 "$db" "SELECT count(*) FROM unit")
  [ "$n" = 1 ] && boards=1
  row[$n,n]=$boards
  row[$n,default]=$(fmt $(measure "$tmp/out.pdf" "$cli" --database "$db" boards "${sel[@]}" --no-record --date 2026-11-25 -o "$tmp/out.pdf"))
  for e in $engines; do
    row[$n,$e]=$(fmt $(measure "$tmp/out.pdf" "$cli" --database "$db" boards "${sel[@]}" --no-record --date 2026-11-25 -e "$e" -o "$tmp/out.pdf"))
  done
  if [ $typst = yes ]; then
    dump "$db" "$boards" "$tmp/boards.json"
    row[$n,typst]=$(fmt $(measure "$tmp/typst.pdf" node "$here/peer-typst.mjs" "$tmp/boards.json" "$tmp/typst.pdf"))
  else
    row[$n,typst]="–"
  fi
done

printf '\nWhole process, median of %d runs (wall time; other load on the machine shows in it), peak RSS, PDF size\n\n' "$runs"
header="| boards | Sanzhang (default) |"
line="|---|---|"
for e in $engines; do header+=" Sanzhang (--engine $e) |"; line+="---|"; done
echo "$header Typst |"
echo "$line---|"
for n in $sizes; do
  r="| ${row[$n,n]} | ${row[$n,default]} |"
  for e in $engines; do r+=" ${row[$n,$e]} |"; done
  echo "$r ${row[$n,typst]} |"
done
