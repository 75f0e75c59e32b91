# Tab completion of the layernas command in bash, and in zsh through bashcompinit: source this file from ~/.bashrc
# (or ~/.zshrc). layernas answers System.CommandLine's [suggest:POSITION] directive with the commands, options and
# values that fit the command line up to the cursor; this function hands it that line, less the command's own name.
# It reads only COMP_LINE and COMP_POINT, which bash and zsh's emulation set alike.
_layernas() {
    local before="${COMP_LINE:0:$COMP_POINT}"
    local command="${before%%[[:space:]]*}"
    local line="${before#"$command"}"
    line="${line#"${line%%[![:space:]]*}"}"
    local IFS=$'\n'
    # shellcheck disable=SC2207 # one completion per line
    COMPREPLY=($(compgen -W "$("$command" "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${before##*[[:space:]]}"))
}
complete -o default -F _layernas layernas
