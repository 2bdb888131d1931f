# Writes the pacd-cli(1) man page from the binary's own help, so that it can never drift from the options:
# cmake -DCLI=path/to/pacd-cli -DOUT=pacd-cli.1 -DVERSION=x.y.z -P make-manpage.cmake
foreach(var CLI OUT VERSION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "make-manpage.cmake: -D${var}=... is required")
  endif()
endforeach()

function(run_help out_var)
  execute_process(COMMAND ${CLI} ${ARGN} --help OUTPUT_VARIABLE text ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${CLI} ${ARGN} --help failed (${rc}): ${err}")
  endif()
  # CLI11 prints the path it was started as; the page shows the installed name
  string(REPLACE "${CLI}" "pacd-cli" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# troff treats a leading '.' or "'" as a request and '\' as an escape; help text is shown verbatim.
function(troff_escape out_var text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

run_help(main)
# CLI11 lists the subcommands after a "SUBCOMMANDS:" (or "Subcommands:") heading, one per line, name first.
string(REGEX REPLACE ".*\n[Ss][Uu][Bb][Cc][Oo][Mm][Mm][Aa][Nn][Dd][Ss]:\n" "" listing "${main}")
# (help text may hold ';', so no CMake list of lines: entries are the lines indented by exactly two spaces)
string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*" entries "\n${listing}")
set(subcommands "")
foreach(entry IN LISTS entries)
  string(STRIP "${entry}" entry)
  list(APPEND subcommands ${entry})
endforeach()
if(NOT subcommands)
  message(FATAL_ERROR "make-manpage.cmake: no subcommands found in:\n${main}")
endif()

troff_escape(main_text "${main}")
set(page ".TH PACD-CLI 1 \"\" \"pacd-studio ${VERSION}\" \"User Commands\"
.SH NAME
pacd-cli \\- poisoning against certified defenses (PACD), headless
.SH SYNOPSIS
.B pacd-cli
[\\fIGLOBAL OPTIONS\\fR] \\fISUBCOMMAND\\fR [\\fIOPTIONS\\fR]
.SH DESCRIPTION
pacd-cli trains victims (standard, Gaussian augmentation, MACER, SmoothAdv), certifies them with Cohen et al.'s
CERTIFY, and runs the PACD poisoning attack. It prints one JSON document on standard output, progress and logs
on standard error, and exits non-zero with a one-line reason on error.
.PP
.nf
${main_text}
.fi
.SH SUBCOMMANDS
")
foreach(sub IN LISTS subcommands)
  run_help(help ${sub})
  troff_escape(help "${help}")
  string(APPEND page ".SS ${sub}\n.nf\n${help}\n.fi\n")
endforeach()
string(APPEND page ".SH ENVIRONMENT
.TP
.B PACD_DATA_DIR
data directory when --data-dir is not given (else $XDG_DATA_HOME/pacd-studio/datasets, else
~/.local/share/pacd-studio/datasets)
.TP
.B PACD_MEMORY_LIMIT_MB
caps the memory a run may plan to use; runs whose estimate exceeds it are refused up front
.SH SEE ALSO
.BR pacd-studio (1)
")
file(WRITE ${OUT} "${page}")
