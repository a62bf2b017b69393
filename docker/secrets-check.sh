#!/bin/sh
# Refuses to let the suite start with a missing, weak, default or demo secret: docker-compose.yml
# runs it as the one-shot service `secrets-check`, and every other service waits for it to succeed.
#
#   sh docker/secrets-check.sh login:KEYCLOAK_ADMIN KEYCLOAK_ADMIN_PASSWORD CONSOLE_CLIENT_SECRET ...
#
# Each argument names an environment variable holding a secret: it must be set, at least 32
# characters, not a default or demo value (admin, change-me, password, secret, anything ending in
# -secret, ...) and not the same value as another one checked. `login:NAME` names a user name
# instead: set and not a default or demo value (so not admin), of any length. Every refusal names
# the variable and the rule, never the value. Exit 0 when all pass, 1 when one is refused, 2 when
# called wrongly. POSIX sh only (the images' sh, no bash).
set -u

MIN_LENGTH=32
refused=0
checked=""

refuse() {
  echo "secrets-check: $1 $2" >&2
  refused=$((refused + 1))
}

# A default or demo value, compared in lower case.
is_demo() {
  case "$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')" in
    admin | administrator | root | change-me | changeme | change_me | changeit | password | \
      secret | test | demo | *-secret) return 0 ;;
  esac
  return 1
}

if [ $# -eq 0 ]; then
  echo "secrets-check: name the variables to check" >&2
  exit 2
fi

for arg in "$@"; do
  login=false
  name=$arg
  case "$arg" in
    login:*)
      login=true
      name=${arg#login:}
      ;;
  esac
  case "$name" in
    "" | [0-9]* | *[!A-Za-z0-9_]*)
      echo "secrets-check: '$name' is not a variable name" >&2
      exit 2
      ;;
  esac
  eval "value=\${$name-}"
  if [ -z "$value" ]; then
    refuse "$name" "is empty or unset"
  elif is_demo "$value"; then
    refuse "$name" "is a default or demo value"
  elif [ "$login" = false ] && [ "${#value}" -lt "$MIN_LENGTH" ]; then
    refuse "$name" "is shorter than $MIN_LENGTH characters"
  elif [ "$login" = false ]; then
    for other in $checked; do
      eval "other_value=\${$other-}"
      if [ "$value" = "$other_value" ]; then
        refuse "$name" "has the same value as $other: give each its own"
      fi
    done
  fi
  if [ "$login" = false ]; then
    checked="$checked $name"
  fi
done

if [ "$refused" -gt 0 ]; then
  echo "secrets-check: $refused refused; set each in .env (openssl rand -hex 32), see .env.example" >&2
  exit 1
fi
echo "secrets-check: $# settings checked"
