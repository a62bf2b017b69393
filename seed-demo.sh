#!/usr/bin/env bash
# Demo data for a running local stack, through the gateway with the demo identities (docs/api.md):
# a 2026 checklist with 12 items across FGW, JW, CZJ, RSJ, ZJJ, WJW, JGDW whose due dates give
# green, yellow and red lights, published; one item assigned; one finding linked to a cadre;
# four cadres with evaluation records (one UNQUALIFIED, so one veto); an open review case (选任审查)
# with two candidates, one of them vetoed.
#
#   ./seed-demo.sh            (or ./run-local.sh --seed, which runs it once the stack is ready)
#
# Safe to run twice: an existing demo checklist or cadre is left as it is.
# Environment: GATEWAY_URL (default http://localhost:${GATEWAY_PORT:-8080}),
# TOKEN_URL (default http://localhost:${AUTH_PORT:-9000}/oauth2/token). Needs curl, and jq or python3.
# The identities (who has which role and unit, and their secrets) come from the one list the local
# issuer reads: event-contracts/src/main/resources/demo-identities.json (DEMO_IDENTITIES).
set -euo pipefail

GATEWAY_URL=${GATEWAY_URL:-http://localhost:${GATEWAY_PORT:-8080}}
TOKEN_URL=${TOKEN_URL:-http://localhost:${AUTH_PORT:-9000}/oauth2/token}
DEMO_IDENTITIES=${DEMO_IDENTITIES:-$(dirname "$0")/event-contracts/src/main/resources/demo-identities.json}
TITLE="2026年度政治监督重点事项清单（演示）"
YEAR=2026

say() { echo "[seed] $*"; }
die() { echo "[seed] ERROR: $*" >&2; exit 1; }

command -v curl >/dev/null || die "curl is needed"
[[ -r $DEMO_IDENTITIES ]] || die "the demo identities $DEMO_IDENTITIES cannot be read"
# pick ROLE UNIT ID -> "id secret" of the first listed identity with that role, unit and id
# (an empty argument matches any)
if command -v jq >/dev/null; then
  json() { jq -r "$1 // empty"; }
  pick() {
    jq -r --arg role "$1" --arg unit "$2" --arg id "$3" \
      'first(.[] | select(($role == "" or (.roles | index($role)))
        and ($unit == "" or .unit == $unit) and ($id == "" or .id == $id)))
        | "\(.id) \(.secret)"' "$DEMO_IDENTITIES"
  }
elif command -v python3 >/dev/null; then
  json() { python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1].lstrip("."));print("" if v is None else v)' "$1"; }
  pick() {
    python3 -c 'import json,sys
role, unit, id = sys.argv[2:5]
for i in json.load(open(sys.argv[1], encoding="utf-8")):
    if role in ("", *i["roles"]) and unit in ("", i.get("unit")) and id in ("", i["id"]):
        print(i["id"], i["secret"]); break' "$DEMO_IDENTITIES" "$1" "$2" "$3"
  }
else
  die "jq or python3 is needed to read JSON answers"
fi

# who ROLE [UNIT] -> the id of the demo identity with that role (and unit)
who() {
  local found
  found=$(pick "$1" "${2:-}" "")
  [[ -n $found ]] || die "no demo identity with role $1 ${2:-} in $DEMO_IDENTITIES"
  echo "${found%% *}"
}

# secret_of ID -> the identity's secret (the local issuer's; docker-compose's realm has its own)
secret_of() {
  local found
  found=$(pick "" "" "$1")
  [[ -n $found ]] || die "no demo identity $1 in $DEMO_IDENTITIES"
  echo "${found#* }"
}

day() { date -u -d "$1 days" +%F; } # day +30 -> the date 30 days from today (UTC)

token() {
  local t
  t=$(curl -sf -u "$1:$(secret_of "$1")" -d grant_type=client_credentials "$TOKEN_URL" | json .access_token) ||
    die "no token for $1 from $TOKEN_URL (is the stack running?)"
  [[ -n $t ]] || die "no token for $1 from $TOKEN_URL"
  echo "$t"
}

BODY=$(mktemp)
trap 'rm -f "$BODY"' EXIT

# api TOKEN METHOD PATH [JSON] -> the HTTP status in $STATUS, the answer in the file $BODY
api() {
  local tok=$1 method=$2 path=$3 data=${4:-}
  local args=(-s -o "$BODY" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $tok"
    -H 'Accept: application/json')
  [[ -n $data ]] && args+=(-H 'Content-Type: application/json' --data-binary "$data")
  STATUS=$(curl "${args[@]}" "$GATEWAY_URL$path") || STATUS=000
}

# must TOKEN METHOD PATH [JSON]: like api, but a non-2xx answer stops the seed with the problem
must() {
  api "$@"
  [[ $STATUS == 2* ]] || die "$2 $3 answered $STATUS: $(head -c 600 "$BODY")"
}

curl -sf -o /dev/null "$GATEWAY_URL/actuator/health" || die "the gateway at $GATEWAY_URL is not up"

INSPECTOR=$(token "$(who INSPECTOR)")
EVALUATOR=$(token "$(who EVALUATOR)")
HR=$(token "$(who HR)")
LEAD_FGW=$(who UNIT_LEAD FGW) # the unit leads of the list: responsible persons of their units' items
LEAD_JW=$(who UNIT_LEAD JW)

# ---- cadres and their evaluation records (evaluation-service) -----------------------------
dims() { # six dimension scores
  printf '{"POLITICAL_JUDGMENT":%s,"POLITICAL_COMPREHENSION":%s,"POLITICAL_EXECUTION":%s,"POLITICAL_STANCE":%s,"POLITICAL_ATTITUDE":%s,"POLITICAL_RESPONSIBILITY":%s}' "$@"
}
evaluation() { # date source conclusion remarks scores...
  local date=$1 source=$2 conclusion=$3 remarks=$4; shift 4
  printf '{"date":"%s","source":"%s","dimensions":%s,"conclusion":"%s","remarks":"%s"}' \
    "$date" "$source" "$(dims "$@")" "$conclusion" "$remarks"
}
cadre() { # id name unit position, then evaluation bodies
  local id=$1 name=$2 unit=$3 position=$4; shift 4
  api "$EVALUATOR" POST /api/cadres \
    "$(printf '{"id":"%s","name":"%s","unit":"%s","position":"%s"}' "$id" "$name" "$unit" "$position")"
  case $STATUS in
    2*) ;;
    409) say "cadre $id exists already: left as it is"; return ;;
    *) die "POST /api/cadres ($id) answered $STATUS: $(head -c 600 "$BODY")" ;;
  esac
  local record
  for record in "$@"; do
    must "$EVALUATOR" POST "/api/cadres/$id/evaluations" "$record"
  done
  say "cadre $id ($name, $unit) with $# evaluation record(s)"
}

cadre c-fgw-001 "张明" FGW "副主任" \
  "$(evaluation "$(day -200)" ANNUAL_ASSESSMENT EXCELLENT "政治站位高，重大决策部署落实有力" 5 5 4 5 5 4)" \
  "$(evaluation "$(day -30)" DAILY_SUPERVISION GOOD "日常监督未发现问题" 4 4 4 5 4 4)"
cadre c-jw-001 "李华" JW "副书记" \
  "$(evaluation "$(day -120)" DEMOCRATIC_APPRAISAL GOOD "民主测评结果良好" 4 4 5 4 4 4)"
cadre c-czj-001 "王芳" CZJ "局长" \
  "$(evaluation "$(day -300)" ANNUAL_ASSESSMENT QUALIFIED "整体合格" 3 4 3 4 3 3)" \
  "$(evaluation "$(day -10)" INSPECTION_FINDING UNQUALIFIED "巡察发现落实过紧日子要求不力" 2 2 1 2 2 1)"
cadre c-wjw-001 "赵强" WJW "副主任" \
  "$(evaluation "$(day -60)" ANNUAL_ASSESSMENT EXCELLENT "医改任务推进扎实" 5 4 5 5 5 5)"

# ---- an open review case: one clean candidate, one vetoed (evaluation-service) ---------------
CASE_NO="2026-干部选拔-001"
api "$HR" POST /api/review-cases \
  "$(printf '{"caseNo":"%s","kind":"PROMOTION","title":"2026年度处级干部选拔任用（演示）","candidates":["c-fgw-001","c-czj-001"]}' "$CASE_NO")"
case $STATUS in
  2*) say "review case $CASE_NO ($(json .id <"$BODY")) open: c-fgw-001, c-czj-001 (vetoed)" ;;
  409) say "review case $CASE_NO exists already: left as it is" ;;
  *) die "POST /api/review-cases answered $STATUS: $(head -c 600 "$BODY")" ;;
esac

# ---- the 2026 checklist (checklist-service) ----------------------------------------------
api "$INSPECTOR" GET "/api/checklists?year=$YEAR&size=100"
if [[ $STATUS == 2* ]] && grep -qF "$TITLE" "$BODY"; then
  say "checklist \"$TITLE\" exists already: left as it is"
  say "done"
  exit 0
fi

must "$INSPECTOR" POST /api/checklists \
  "$(printf '{"year":%s,"scope":"CITY","title":"%s"}' "$YEAR" "$TITLE")"
CHECKLIST=$(json .id <"$BODY")
[[ -n $CHECKLIST ]] || die "POST /api/checklists gave no id: $(head -c 600 "$BODY")"
say "checklist $CHECKLIST created (DRAFT)"

ITEM_IDS=()
item() { # unit person focusArea method dueInDays reportEvery content requirements
  local report=""
  [[ -n $6 ]] && report=$(printf ',"reportEvery":"%s"' "$6")
  must "$INSPECTOR" POST "/api/checklists/$CHECKLIST/items" \
    "$(printf '{"focusArea":"%s","content":"%s","requirements":"%s","responsibleUnit":"%s","responsiblePerson":"%s","method":"%s","dueDate":"%s"%s}' \
      "$3" "$7" "$8" "$1" "$2" "$4" "$(day "$5")" "$report")"
  local id light
  id=$(json .id <"$BODY")
  light=$(json .light <"$BODY")
  [[ -n $id ]] || die "POST /api/checklists/$CHECKLIST/items gave no id: $(head -c 600 "$BODY")"
  ITEM_IDS+=("$id")
  say "item $id: $1, due $(day "$5") ${light:+($light)}"
}

#    unit person    focus area         method             due  report     content / requirements
item FGW  "$LEAD_FGW"  CENTRAL_DIRECTIVES SPECIAL_INSPECTION  45  QUARTERLY  "贯彻落实党中央关于推动高质量发展决策部署情况" "制定落实方案，按季度报送进展"
item FGW  "$LEAD_FGW"  MAJOR_STRATEGIES   ROUTINE_CHECK        3  ""         "区域协调发展重点项目推进情况" "逐项列明项目进度与存在问题"
item JW   "$LEAD_JW"   CONGRESS_SPIRIT    PATROL_INSPECTION   -5  ""         "学习贯彻党的二十大精神专题研讨落实情况" "提供研讨记录及整改台账"
item JW   "$LEAD_JW"   CENTRAL_DIRECTIVES ROUTINE_CHECK       60  MONTHLY    "落实中央八项规定精神情况" "每月报送执行情况"
item CZJ  czj-head  MAJOR_STRATEGIES   SPECIAL_INSPECTION   5  ""         "财政资金直达基层监管情况" "提供资金拨付与监管清单"
item CZJ  czj-head  CENTRAL_DIRECTIVES ROUTINE_CHECK       90  QUARTERLY  "党政机关过紧日子要求落实情况" "按季度报送压减开支情况"
item RSJ  rsj-head  CENTRAL_DIRECTIVES PATROL_INSPECTION  -12  ""         "稳就业保就业政策落实情况" "提供政策落实数据与典型案例"
item RSJ  rsj-head  OTHER              ROUTINE_CHECK       30  ""         "选人用人工作规范情况" "提供近一年干部任免材料"
item ZJJ  zjj-head  MAJOR_STRATEGIES   SPECIAL_INSPECTION   2  ""         "城市更新与保障性住房建设情况" "列明开工、竣工与分配情况"
item WJW  wjw-head  CENTRAL_DIRECTIVES PATROL_INSPECTION   40  QUARTERLY  "深化医药卫生体制改革部署落实情况" "按季度报送改革任务进展"
item WJW  wjw-head  CONGRESS_SPIRIT    ROUTINE_CHECK       -1  ""         "基层医疗卫生服务能力提升情况" "提供基层机构能力评估报告"
item JGDW jgdw-head OTHER              ROUTINE_CHECK       75  ""         "机关党建与业务深度融合情况" "提供党建工作记录与成效说明"

must "$INSPECTOR" POST "/api/checklists/$CHECKLIST/publish"
say "checklist published: every item LEDGER_REGISTERED"

must "$INSPECTOR" POST "/api/items/${ITEM_IDS[0]}/transitions" \
  "$(printf '{"to":"ASSIGNED","note":"交由发改委牵头落实","assignee":"%s"}' "$LEAD_FGW")"
say "item ${ITEM_IDS[0]} assigned to $LEAD_FGW"

must "$INSPECTOR" POST "/api/items/${ITEM_IDS[2]}/findings" \
  "$(printf '{"description":"专题研讨流于形式，整改台账不完整","severity":"MAJOR","cadreId":"c-jw-001","rectifyBy":"%s"}' "$(day 30)")"
say "finding raised on item ${ITEM_IDS[2]} (cadre c-jw-001)"

say "done: try  curl -s -H \"Authorization: Bearer \$(curl -s -u $LEAD_FGW:$(secret_of "$LEAD_FGW") -d grant_type=client_credentials $TOKEN_URL | jq -r .access_token)\" $GATEWAY_URL/api/notifications/inbox"
