# ---------------------------------------------------------------------------
# Noodle building block: load.tcl
#
# First block of every trial script.  The caller sets, before this block:
#   noodle_liberty   path of ONE liberty file (.lib or .lib.gz)
#   noodle_netlist   path of the gate-level Verilog netlist
#   noodle_top       name of the top module
#   noodle_sdc       path of the SDC constraints file
# and optionally (OpenROAD only, whose link_design needs LEF masters):
#   noodle_lef       Tcl list of LEF files (technology LEF first)
#
# Only commands shared by OpenSTA and OpenROAD are used.
#
# Failure handling: OpenSTA (2.0.17, Debian build) runs a script command by
# command and by default keeps going after an error, and its exit status is
# 0 even after errors (its 'exit N' does not set the status either).  We
# therefore (1) ask it to stop at the first error, and (2) print
# 'noodle_stage <name> ok' markers; the last block prints 'noodle_done'.  A
# run without 'noodle_done' on stdout is a failed run.
# ---------------------------------------------------------------------------

# Stop the script at the first Tcl error instead of continuing.
set sta_continue_on_error 0

foreach noodle_v {noodle_liberty noodle_netlist noodle_top noodle_sdc} {
    if {![info exists $noodle_v]} {
        error "noodle_error load: variable $noodle_v is not set"
    }
}
unset noodle_v

foreach noodle_f [list $noodle_liberty $noodle_netlist $noodle_sdc] {
    if {![file readable $noodle_f]} {
        error "noodle_error load: cannot read file $noodle_f"
    }
}
unset noodle_f

if {[info exists noodle_lef]} {
    foreach noodle_f $noodle_lef {
        read_lef $noodle_f
    }
    unset noodle_f
}
read_liberty $noodle_liberty
read_verilog $noodle_netlist
# link_design reports a failed link by returning 0 (no Tcl error in 2.0.17).
if {[link_design $noodle_top] eq "0"} {
    error "noodle_error load: link_design $noodle_top failed"
}
# OpenSTA 2.0.17 stops reading the SDC at its first bad command but
# read_sdc itself only returns 1 (no Tcl error); treat that as fatal.
# A cell missing from the library becomes a black box with only a warning, and the paths
# through it vanish from timing: the slack would look better than it is.
set noodle_blackboxes {}
foreach noodle_inst [get_cells -hierarchical *] {
    if {[$noodle_inst is_leaf] && [$noodle_inst liberty_cell] eq "NULL"} {
        lappend noodle_blackboxes \
            "[get_full_name $noodle_inst] ([get_name [$noodle_inst cell]])"
    }
}
if {[llength $noodle_blackboxes] > 0} {
    error "noodle_error load: [llength $noodle_blackboxes] instances have no library\
        cell: [lrange $noodle_blackboxes 0 4]"
}
unset noodle_blackboxes
catch {unset noodle_inst}

if {[read_sdc $noodle_sdc] eq "1"} {
    error "noodle_error load: errors while reading $noodle_sdc"
}
if {[llength [all_clocks]] == 0} {
    error "noodle_error load: no clock defined after reading $noodle_sdc"
}

puts "noodle_stage load ok"
