#!/usr/bin/env bash
# Writes the bash completion of uegr from the program's own help (CLI11's SUBCOMMANDS and OPTIONS
# sections), so it always matches the binary: sub-commands, their options, and the choices of
# options that take one of a fixed set ({a,b,c} in the help); file names after other options. Usage: make_bash_completion.sh UEGR OUT
set -euo pipefail
uegr="$1"
out="$2"

subcommands() { awk '/^(SUBCOMMANDS|Subcommands):/ {inside = 1; next} inside && /^  [a-z]/ {print $1; next} !/^ / {inside = 0}'; }
options() { { grep -oE '^ +(-[a-zA-Z], ?)?--[a-z][a-z0-9-]*' || true; } | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u | tr '\n' ' '; }
# "--attack TEXT:{charswap,pgd,wordnet}" -> "--attack) words="charswap pgd wordnet" ;;"
choices() {
    { grep -oE -- '--[a-z][a-z0-9-]* [A-Z]+:\{[^}]*\}' || true; } | sed -E 's/^(--[a-z0-9-]+) [A-Z]+:\{([^}]*)\}/\1) words="\2" ;;/; s/,/ /g'
}

# Options that take a value without fixed choices: complete file names after them.
valued() { { grep -oE -- '--[a-z][a-z0-9-]* [A-Z]+' || true; } | awk '{printf "%s) words=\"\" ;;\n", $1}' | sort -u; }

paths=("")
top="$("$uegr" --help)"
while read -r command; do
    paths+=("$command")
    while read -r child; do paths+=("$command $child"); done < <("$uegr" $command --help | subcommands)
done < <(subcommands <<< "$top")

{
    echo "# bash completion for uegr, generated from its --help by packaging/completion/make_bash_completion.sh"
    echo "_uegr() {"
    echo '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" path="" word words=""'
    echo '    for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do'
    echo '        case "${path:+$path }$word" in'
    for path in "${paths[@]:1}"; do echo "            \"$path\") path=\"$path\" ;;"; done
    echo '        esac'
    echo '    done'
    echo '    case "$path" in'
    for path in "${paths[@]}"; do
        help="$("$uegr" $path --help)"
        echo "        \"$path\")"
        echo '            case "$prev" in'
        choices <<< "$help" | sed 's/^/                /'
        chosen="$(choices <<< "$help" | cut -d')' -f1)"
        valued <<< "$help" | { grep -vxF -f <(sed 's/$/) words="" ;;/' <<< "$chosen") || true; } | sed 's/^/                /'
        echo "                *) words=\"$(subcommands <<< "$help" | tr '\n' ' ')$(options <<< "$help")\" ;;"
        echo '            esac ;;'
    done
    echo '    esac'
    echo '    COMPREPLY=($(compgen -W "$words" -- "$cur"))'
    echo '}'
    echo 'complete -o default -F _uegr uegr'
} > "$out"
