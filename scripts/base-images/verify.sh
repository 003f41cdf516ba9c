#!/usr/bin/env bash
# Smoke-tests the local base images built by scripts/base-images.sh the way
# Ttalkak uses the official ones: builds FROM them, published ports on
# 127.0.0.1, database env vars, restarts that must keep data.
#
#   scripts/base-images/verify.sh [NAME...]   # default: all images
#
# Host clients psql / mariadb / redis-cli are used when installed; otherwise
# the client inside the image runs with --network host (forced by
# TTALKAK_VERIFY_IMAGE_CLIENTS=1). Exit status 1 if any
# check failed. Leaves no containers or images behind.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export DOCKER_BUILDKIT=0
RUN_ID="ttalkak-verify-$$"
declare -A TAG=()
while read -r name tag; do TAG[$name]=$tag; done < <("$HERE/../base-images.sh" --list)

FAILS=0
WORKDIR_TMP=$(mktemp -d)
# Everything this run creates is named "$RUN_ID-*" (helpers run in subshells,
# so the names, not shell arrays, are the record of what to remove).
cleanup() {
  local -a ids
  mapfile -t ids < <(docker ps -aq --filter "name=^/$RUN_ID-")
  ((${#ids[@]} == 0)) || docker rm -f -v "${ids[@]}" >/dev/null 2>&1 || true
  mapfile -t ids < <(docker image ls --format '{{.Repository}}:{{.Tag}}' --filter "reference=$RUN_ID-*")
  ((${#ids[@]} == 0)) || docker rmi -f "${ids[@]}" >/dev/null 2>&1 || true
  rm -rf "$WORKDIR_TMP"
}
trap cleanup EXIT

pass() { printf '  ok    %s\n' "$*"; }
fail() { printf '  FAIL  %s\n' "$*"; FAILS=$((FAILS + 1)); }
check() { # check "description" command...
  local d=$1; shift
  local out
  if out=$("$@" 2>&1); then pass "$d"; else fail "$d"; printf '%s\n' "$out" | tail -n 15 | sed 's/^/        /'; fi
}
need_image() {
  if ! docker image inspect "${TAG[$1]}" >/dev/null 2>&1; then fail "$1: image ${TAG[$1]} not built"; return 1; fi
}
tmpdir() { mktemp -d "$WORKDIR_TMP/XXXXXX"; }
run_bg() { # run_bg name docker-run-args... -> container id
  local cid
  docker run -d --name "$RUN_ID-$1" "${@:2}"
}
host_port() { docker port "$1" "$2" | head -n1 | sed 's/.*://'; }
build() { # build tag dir
  docker build -q --rm --force-rm -t "$1" "$2"
}
wait_for() { # wait_for seconds command...
  local deadline=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then "$@"; return 1; fi
    sleep 1
  done
}
client() { # client image binary args... (host binary if present)
  local img=$1 bin=$2; shift 2
  if [[ -z "${TTALKAK_VERIFY_IMAGE_CLIENTS:-}" ]] && command -v "$bin" >/dev/null 2>&1; then "$bin" "$@"
  else docker run --rm -i --network host -e PGPASSWORD -e REDISCLI_AUTH --entrypoint "$bin" "$img" "$@"
  fi
}

# ------------------------------------------------------------------ node -----
verify_node() {
  local img=${TAG[node]} d
  need_image node || return 0
  check "node: node -e" bash -c "[ \"\$(docker run --rm $img node -e 'console.log(6*7)')\" = 42 ]"
  check "node: entrypoint prepends node" bash -c "[ \"\$(docker run --rm $img -e 'console.log(1+1)')\" = 2 ]"
  check "node: user node 1000:1000, home /home/node" bash -c \
    "[ \"\$(docker run --rm $img getent passwd node | cut -d: -f3,4,6)\" = 1000:1000:/home/node ]"
  check "node: CMD [node], no WORKDIR" bash -c \
    "[ \"\$(docker inspect -f '{{json .Config.Cmd}}|{{.Config.WorkingDir}}' $img)\" = '[\"node\"]|' ]"
  d=$(tmpdir)
  cat >"$d/package.json" <<'EOF'
{ "name": "verify", "version": "1.0.0", "private": true, "dependencies": { "is-number": "7.0.0" } }
EOF
  cat >"$d/Dockerfile" <<EOF
FROM $img
WORKDIR /app
COPY package.json ./
RUN npm install && node -e 'console.log(require("is-number")(5))' | grep -qx true
RUN mkdir /y && cp package.json /y/ && cd /y && yarn install && test -d node_modules/is-number
RUN mkdir /p && cp package.json /p/ && cd /p && pnpm install && test -e node_modules/is-number
RUN corepack --version
RUN mkdir -p /home/node/app && chown node:node /home/node/app
USER node
WORKDIR /home/node/app
COPY --chown=node:node package.json ./
RUN npm ci 2>/dev/null || npm install && test -d node_modules/is-number
CMD ["node", "-e", "console.log(require('is-number')(1))"]
EOF
  check "node: docker build with npm/yarn/pnpm install (root and USER node)" build "$RUN_ID-node" "$d"
  check "node: corepack enable + packageManager pnpm@9.15.0" bash -c \
    "[ \"\$(docker run --rm $img sh -c 'corepack enable && mkdir /a && cd /a && echo {\\\"packageManager\\\":\\\"pnpm@9.15.0\\\"} >package.json && pnpm -v' </dev/null)\" = 9.15.0 ]"
  check "node: built app runs" bash -c "[ \"\$(docker run --rm $RUN_ID-node)\" = true ]"
}

# ------------------------------------------------------------------ nginx ----
verify_nginx() {
  local img=${TAG[nginx]} d cid port
  need_image nginx || return 0
  check "nginx: user nginx, mime.types, html dir" docker run --rm "$img" sh -c \
    'id nginx && test -f /etc/nginx/mime.types && test -f /usr/share/nginx/html/index.html'
  check "nginx: STOPSIGNAL SIGQUIT, EXPOSE 80, CMD" bash -c \
    "[ \"\$(docker inspect -f '{{.Config.StopSignal}}|{{json .Config.ExposedPorts}}|{{json .Config.Cmd}}' $img)\" = 'SIGQUIT|{\"80/tcp\":{}}|[\"nginx\",\"-g\",\"daemon off;\"]' ]"
  d=$(tmpdir)
  mkdir -p "$d/dist"
  echo "ttalkak-nginx-ok" >"$d/dist/hello.txt"
  echo "<h1>spa</h1>" >"$d/dist/index.html"
  cat >"$d/default.conf" <<'EOF'
server {
    listen 80;
    root /usr/share/nginx/html;
    location / { try_files $uri $uri/ /index.html; }
}
EOF
  cat >"$d/Dockerfile" <<EOF
FROM $img
COPY default.conf /etc/nginx/conf.d/default.conf
COPY dist/ /usr/share/nginx/html/
EOF
  if ! build "$RUN_ID-nginx" "$d" >/dev/null 2>&1; then fail "nginx: docker build"; return 0; fi
  cid=$(run_bg nginx -p 127.0.0.1::80 "$RUN_ID-nginx")
  port=$(host_port "$cid" 80)
  check "nginx: serves a file on 127.0.0.1:$port" wait_for 20 bash -c \
    "curl -fsS http://127.0.0.1:$port/hello.txt | grep -qx ttalkak-nginx-ok"
  check "nginx: SPA fallback via custom conf" bash -c "curl -fsS http://127.0.0.1:$port/some/route | grep -q spa"
  check "nginx: stops quickly on SIGQUIT" bash -c "timeout 15 docker stop -t 10 $cid"
  mkdir -p "$d/templates"
  cat >"$d/templates/default.conf.template" <<'EOF'
server {
    listen ${NGINX_PORT};
    location / { return 200 "backend=${BACKEND_URL} keep=$uri\n"; }
}
EOF
  chmod -R a+rX "$d"
  cid=$(run_bg nginx-tpl -e NGINX_PORT=8080 -e BACKEND_URL=http://api:3000 \
    -v "$d/templates:/etc/nginx/templates:ro" -p 127.0.0.1::8080 "$img")
  port=$(host_port "$cid" 8080)
  check "nginx: /etc/nginx/templates envsubst (only set variables)" wait_for 20 bash -c \
    "curl -fsS http://127.0.0.1:$port/x | grep -qx 'backend=http://api:3000 keep=/x'"
}

# ------------------------------------------------------------------ postgresql
verify_postgresql() {
  local img=${TAG[postgresql]} cid port d
  need_image postgresql || return 0
  check "postgresql: refuses to init without POSTGRES_PASSWORD" bash -c \
    "out=\$(docker run --rm $img 2>&1); echo \"\$out\" | grep -q 'POSTGRES_PASSWORD'"
  cid=$(run_bg postgresql -e POSTGRES_PASSWORD='s3cr et' -e POSTGRES_USER=app -e POSTGRES_DB=appdb \
    -p 127.0.0.1::5432 "$img")
  port=$(host_port "$cid" 5432)
  export PGPASSWORD='s3cr et'
  local -a psql=(psql -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U app -d appdb -At)
  check "postgresql: accepts connections on 127.0.0.1:$port" wait_for 60 client "$img" "${psql[@]}" -c 'select 1'
  check "postgresql: pg_isready in the image" docker exec "$cid" pg_isready -h 127.0.0.1 -U app -d appdb
  check "postgresql: server runs as postgres" bash -c "docker top $cid -o pid,user,args | grep -E ' (postgres|999) +.*postgres'"
  check "postgresql: create table + insert" client "$img" "${psql[@]}" -c \
    "create table t(v text); insert into t values ('kept-after-restart')"
  check "postgresql: scram-sha-256 (wrong password rejected)" bash -c \
    "! PGPASSWORD=wrong client $img psql -h 127.0.0.1 -p $port -U app -d appdb -c 'select 1' 2>/dev/null"
  docker restart -t 20 "$cid" >/dev/null
  port=$(host_port "$cid" 5432)
  psql=(psql -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U app -d appdb -At)
  check "postgresql: up again after restart" wait_for 60 client "$img" "${psql[@]}" -c 'select 1'
  check "postgresql: data kept across restart" bash -c \
    "[ \"\$(PGPASSWORD='s3cr et' client $img psql -h 127.0.0.1 -p $port -U app -d appdb -At -c 'select v from t')\" = kept-after-restart ]"
  d=$(tmpdir)
  printf 'create table seeded(v text);\ninsert into seeded values (current_user);\n' >"$d/01-seed.sql"
  chmod -R a+rX "$d"
  cid=$(run_bg postgresql-initdb -e POSTGRES_PASSWORD='s3cr et' -v "$d:/docker-entrypoint-initdb.d:ro" \
    -p 127.0.0.1::5432 "$img")
  port=$(host_port "$cid" 5432)
  check "postgresql: /docker-entrypoint-initdb.d/*.sql run in POSTGRES_DB as POSTGRES_USER" wait_for 60 bash -c \
    "[ \"\$(PGPASSWORD='s3cr et' client $img psql -h 127.0.0.1 -p $port -U postgres -At -c 'select v from seeded')\" = postgres ]"
  unset PGPASSWORD
}

# ------------------------------------------------------------------ mariadb --
verify_mariadb() {
  local img=${TAG[mariadb]} cid port flavour d
  need_image mariadb || return 0
  check "mariadb: refuses to init without a root password option" bash -c \
    "out=\$(docker run --rm $img 2>&1); echo \"\$out\" | grep -q 'password option is not specified'"
  for flavour in mariadb mysql; do
    local -a env cmd=() cli
    if [[ $flavour == mariadb ]]; then
      env=(-e MARIADB_ROOT_PASSWORD=rootpw -e MARIADB_DATABASE=appdb -e MARIADB_USER=app -e "MARIADB_PASSWORD=app'pw")
      cli=mariadb
    else
      env=(-e MYSQL_ROOT_PASSWORD=rootpw -e MYSQL_DATABASE=appdb -e MYSQL_USER=app -e "MYSQL_PASSWORD=app'pw")
      cmd=(mysqld --character-set-server=utf8mb4 --default-authentication-plugin=mysql_native_password)
      cli=mysql
      command -v mysql >/dev/null || cli=mariadb
    fi
    cid=$(run_bg "$flavour" "${env[@]}" -p 127.0.0.1::3306 "$img" "${cmd[@]}")
    port=$(host_port "$cid" 3306)
    local -a q=("$cli" --protocol=tcp -h 127.0.0.1 -P "$port" -uapp "-papp'pw" appdb -N -e)
    check "$flavour: healthcheck.sh --connect --innodb_initialized" \
      wait_for 180 docker exec "$cid" healthcheck.sh --connect --innodb_initialized
    check "$flavour: app user connects on 127.0.0.1:$port" wait_for 30 client "$img" "${q[@]}" 'select 1'
    check "$flavour: root@% with password" client "$img" "$cli" --protocol=tcp -h 127.0.0.1 -P "$port" -uroot -prootpw -N -e 'select 1'
    check "$flavour: mariadb-admin ping in the image" docker exec "$cid" mariadb-admin -uroot -prootpw ping
    check "$flavour: server runs as mysql" bash -c "docker top $cid -o pid,user,args | grep -E ' (mysql|999) +.*(mariadbd|mysqld)'"
    check "$flavour: create table + insert" client "$img" "${q[@]}" \
      "create table t(v varchar(40)); insert into t values ('kept-after-restart')"
    docker restart -t 20 "$cid" >/dev/null
    port=$(host_port "$cid" 3306)
    q=("$cli" --protocol=tcp -h 127.0.0.1 -P "$port" -uapp "-papp'pw" appdb -N -e)
    check "$flavour: up again after restart" wait_for 60 client "$img" "${q[@]}" 'select 1'
    check "$flavour: data kept across restart" bash -c \
      "[ \"\$(client $img $cli --protocol=tcp -h 127.0.0.1 -P $port -uapp \"-papp'pw\" appdb -N -e 'select v from t')\" = kept-after-restart ]"
  done
  d=$(tmpdir)
  printf 'create table seeded(v varchar(20));\ninsert into seeded values (database());\n' >"$d/01-seed.sql"
  chmod -R a+rX "$d"
  cid=$(run_bg mariadb-initdb -e MARIADB_RANDOM_ROOT_PASSWORD=1 -e MARIADB_DATABASE=seeddb -e MARIADB_USER=u \
    -e MARIADB_PASSWORD=p -v "$d:/docker-entrypoint-initdb.d:ro" -p 127.0.0.1::3306 "$img")
  port=$(host_port "$cid" 3306)
  check "mariadb: /docker-entrypoint-initdb.d/*.sql run in MARIADB_DATABASE" wait_for 90 bash -c \
    "[ \"\$(client $img mariadb --protocol=tcp -h 127.0.0.1 -P $port -uu -pp seeddb -N -e 'select v from seeded' 2>/dev/null)\" = seeddb ]"
  check "mariadb: MARIADB_RANDOM_ROOT_PASSWORD logged" bash -c "docker logs $cid 2>&1 | grep -q 'GENERATED ROOT PASSWORD'"
}

# ------------------------------------------------------------------ redis ----
verify_redis() {
  local img=${TAG[redis]} cid port
  need_image redis || return 0
  check "redis: WORKDIR /data, CMD redis-server" bash -c \
    "[ \"\$(docker inspect -f '{{.Config.WorkingDir}}|{{json .Config.Cmd}}' $img)\" = '/data|[\"redis-server\"]' ]"
  cid=$(run_bg redis-auth -p 127.0.0.1::6379 "$img" redis-server --requirepass 'pa ss' --appendonly yes)
  port=$(host_port "$cid" 6379)
  check "redis: AUTH required (NOAUTH without password)" wait_for 20 bash -c \
    "client $img redis-cli -h 127.0.0.1 -p $port ping 2>&1 | grep -q NOAUTH"
  check "redis: set/get with password on 127.0.0.1:$port" bash -c \
    "REDISCLI_AUTH='pa ss' client $img redis-cli -h 127.0.0.1 -p $port set k kept >/dev/null &&
     [ \"\$(REDISCLI_AUTH='pa ss' client $img redis-cli -h 127.0.0.1 -p $port get k)\" = kept ]"
  check "redis: server runs as redis, data in /data" bash -c \
    "docker top $cid -o pid,user,args | grep -E ' (redis|999) +.*redis-server' && docker exec $cid test -d /data/appendonlydir"
  docker restart -t 10 "$cid" >/dev/null
  port=$(host_port "$cid" 6379)
  check "redis: data kept across restart (appendonly)" wait_for 20 bash -c \
    "[ \"\$(REDISCLI_AUTH='pa ss' client $img redis-cli -h 127.0.0.1 -p $port get k)\" = kept ]"
  cid=$(run_bg redis-open -p 127.0.0.1::6379 "$img")
  port=$(host_port "$cid" 6379)
  check "redis: protected mode off by default (external PING without password)" wait_for 20 bash -c \
    "[ \"\$(client $img redis-cli -h 127.0.0.1 -p $port ping)\" = PONG ]"
}

# ------------------------------------------------------------------ java -----
verify_java() {
  local d
  # shellcheck disable=SC2016
  need_image jre && check "jre: java -version, JAVA_HOME" docker run --rm "${TAG[jre]}" sh -c \
    'java -version && test -x "$JAVA_HOME/bin/java"'
  need_image jdk && check "jdk: javac -version" docker run --rm "${TAG[jdk]}" javac -version
  need_image maven && check "maven: mvn -v" docker run --rm "${TAG[maven]}" mvn -v
  if need_image gradle; then
    check "gradle: no wrapper -> clear error" bash -c \
      "out=\$(docker run --rm ${TAG[gradle]} gradle build 2>&1); [ \$? -ne 0 ] || exit 1; echo \"\$out\" | grep -q 'Gradle wrapper'"
    check "gradle: runs ./gradlew" bash -c \
      "docker run --rm ${TAG[gradle]} sh -c 'mkdir -p /w/sub && printf \"#!/bin/sh\necho wrapper \\\$*\n\" > /w/gradlew && cd /w/sub && gradle build -x test' | grep -qx 'wrapper build -x test'"
  fi
  if docker image inspect "${TAG[jdk]}" >/dev/null 2>&1 && docker image inspect "${TAG[jre]}" >/dev/null 2>&1; then
    d=$(tmpdir)
    cat >"$d/Hello.java" <<'EOF'
public class Hello { public static void main(String[] a) { System.out.println("hello-java"); } }
EOF
    cat >"$d/Dockerfile" <<EOF
FROM ${TAG[jdk]} AS build
WORKDIR /src
COPY Hello.java .
RUN javac Hello.java && jar cfe app.jar Hello Hello.class
FROM ${TAG[jre]}
WORKDIR /app
COPY --from=build /src/app.jar app.jar
ENTRYPOINT ["java", "-jar", "app.jar"]
EOF
    # Tag the build stage too, so that no dangling image is left behind.
    check "jdk->jre: multi-stage build" bash -c \
      "docker build -q --target build -t $RUN_ID-java-build $d && docker build -q -t $RUN_ID-java $d"
    check "jdk->jre: app runs" bash -c "[ \"\$(docker run --rm $RUN_ID-java)\" = hello-java ]"
  fi
}

export -f client
export TTALKAK_VERIFY_IMAGE_CLIENTS="${TTALKAK_VERIFY_IMAGE_CLIENTS:-}"
names=("$@")
((${#names[@]})) || names=(node nginx postgresql mariadb redis java)
for n in "${names[@]}"; do
  case "$n" in
    jre|jdk|maven|gradle|java) n=java ;;
    mysql) n=mariadb ;;
  esac
  echo "== $n"
  "verify_$n"
done
echo
if ((FAILS)); then echo "verify: $FAILS check(s) failed"; exit 1; fi
echo "verify: all checks passed"
