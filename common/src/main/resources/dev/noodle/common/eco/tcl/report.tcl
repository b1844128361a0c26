# ---------------------------------------------------------------------------
# Noodle building block: report.tcl
#
# Last block of every trial script.  The caller sets:
#   noodle_liberty      (already used by load.tcl; parsed here for areas)
#   noodle_out_netlist  path where the resulting netlist is written
#
# Prints, in this order (all times in the unit given by noodle_units):
#   noodle_units time=<n><prefix>s capacitance=<n><prefix>F
#   (report_units output, only in tools that have report_units)
#   report_checks -path_delay max -digits 3        worst setup path
#   wns <v>                                        report_wns  (<= 0)
#   tns <v>                                        report_tns  (<= 0)
#   worst slack <v>                                report_worst_slack
#   report_checks ... -slack_max 0 -format end     violating endpoints table
#                                                  ("No paths found." if none)
#   noodle_violating_endpoints <n>                 count of endpoints with
#                                                  slack < 0
#   Design area ... (OpenROAD report_design_area)  or
#   noodle_area <sum of liberty cell areas>        (OpenSTA: no such command)
#   noodle_cells <leaf instance count>
#   write_verilog $noodle_out_netlist
#   noodle_done                                    success sentinel
#
# Newer OpenSTA/OpenROAD print 'wns max', 'tns max', 'worst slack max'
# (with the min/max label); parsers should accept both forms.
# ---------------------------------------------------------------------------

if {![info exists noodle_out_netlist]} {
    error "noodle_error report: variable noodle_out_netlist is not set"
}

proc noodle_path_count_flags {} {
    # OpenSTA renamed -group_count/-endpoint_count to
    # -group_path_count/-endpoint_path_count (late 2024).
    set body ""
    catch {set body [info body ::sta::find_timing_paths_cmd]}
    if {[string first "-group_path_count" $body] >= 0} {
        return [list -group_path_count -endpoint_path_count]
    }
    return [list -group_count -endpoint_count]
}

# "1ns", "10ps", "1pF" from a scale in SI base units (1e-9 -> 1n).
proc noodle_unit_text {scale suffix} {
    if {$scale <= 0} {
        return "unknown"
    }
    set exp3 [expr {int(floor(log10($scale) / 3.0 + 1e-6)) * 3}]
    set mult [expr {round($scale / pow(10, $exp3))}]
    set prefixes {-18 a -15 f -12 p -9 n -6 u -3 m 0 {}}
    if {[dict exists $prefixes $exp3]} {
        return "$mult[dict get $prefixes $exp3]$suffix"
    }
    return "${scale}$suffix"
}

proc noodle_report_units {} {
    set time "unknown"
    set cap "unknown"
    catch {set time [noodle_unit_text [sta::unit_scale time] s]}
    catch {set cap [noodle_unit_text [sta::unit_scale capacitance] F]}
    puts "noodle_units time=$time capacitance=$cap"
}

# cell name -> area, read from the liberty file (first 'area' attribute
# after each 'cell (NAME)' group header).  Handles .gz via Tcl's zlib.
proc noodle_liberty_areas {path} {
    if {[string match *.gz $path]} {
        set f [open $path rb]
        set text [zlib gunzip [read $f]]
        close $f
    } else {
        set f [open $path r]
        set text [read $f]
        close $f
    }
    set areas [dict create]
    set cell ""
    foreach line [split $text "\n"] {
        if {[regexp {^\s*cell\s*\(\s*"?([^")\s]+)"?\s*\)} $line -> name]} {
            set cell $name
        } elseif {$cell ne ""
                  && [regexp {^\s*area\s*:\s*([-+0-9.eE]+)} $line -> a]} {
            dict set areas $cell $a
            set cell ""
        }
    }
    return $areas
}

proc noodle_report_area {liberty} {
    set areas [noodle_liberty_areas $liberty]
    set total 0.0
    set count 0
    set missing 0
    foreach inst [get_cells *] {
        set cell [$inst liberty_cell]
        if {$cell eq "NULL" || $cell eq ""} {
            continue
        }
        incr count
        set name [get_name $cell]
        if {[dict exists $areas $name]} {
            set total [expr {$total + [dict get $areas $name]}]
        } else {
            incr missing
        }
    }
    puts [format "noodle_area %.3f" $total]
    puts "noodle_cells $count"
    if {$missing > 0} {
        puts "noodle_area_missing_cells $missing"
    }
}

noodle_report_units
if {[info commands report_units] ne ""} {
    report_units
}

report_checks -path_delay max -digits 3
report_wns -digits 3
report_tns -digits 3
report_worst_slack -digits 3

lassign [noodle_path_count_flags] noodle_gflag noodle_eflag
report_checks -path_delay max $noodle_gflag 100000 $noodle_eflag 1 \
    -slack_max 0 -format end -digits 3
set noodle_violators 0
foreach noodle_pe [find_timing_paths -path_delay max $noodle_gflag 100000 \
                       $noodle_eflag 1 -slack_max 0] {
    if {[get_property $noodle_pe slack] < 0} {
        incr noodle_violators
    }
}
puts "noodle_violating_endpoints $noodle_violators"
unset noodle_violators noodle_gflag noodle_eflag
catch {unset noodle_pe}

if {[info commands report_design_area] ne ""} {
    report_design_area
    puts "noodle_cells [llength [get_cells *]]"
} else {
    noodle_report_area $noodle_liberty
}

write_verilog $noodle_out_netlist
puts "noodle_done"
