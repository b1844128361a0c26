# ---------------------------------------------------------------------------
# Noodle building block: eco_upsize_critical.tcl
#
# Gate upsizing on the most critical setup paths.
#
# Parameters (validated by Noodle, set before this block as numbers):
#   noodle_param(paths)  integer >= 1 : number of worst max-delay path ends
#                        (one path per endpoint, worst first, per path group)
#   noodle_param(steps)  integer 1..3 : drive-strength steps to move up
#
# Method:
#   1. Collect every cell instance that has a pin on one of the selected
#      paths (timing is taken once, before any change).
#   2. Visit the instances sorted by name.  The family of a cell is its
#      name without the trailing "X<n>" (INVX1 -> family INVX, strength 1;
#      NAND2X1 -> NAND2X, 1; AND2X2 -> AND2X, 2).  The library's members of
#      the family are ordered by <n>; the instance moves 'steps' members up,
#      clamped to the largest member (INVX1 +2 -> INVX4, AND2X1 +2 ->
#      AND2X2).  Cells without an X<n> suffix (DFFSR, LATCH, CLKBUF1..3)
#      and cells already at the top of their family are left alone.
#   3. replace_cell refuses cells whose ports differ; only instances whose
#      cell actually changed are counted.  Each instance is visited once.
#
# Output: one line   noodle_eco upsize_critical swapped=<n>
# ---------------------------------------------------------------------------

proc noodle_path_count_flags {} {
    # OpenSTA renamed -group_count/-endpoint_count to
    # -group_path_count/-endpoint_path_count (late 2024); pick the names the
    # running tool understands so no deprecation warning is printed.
    set body ""
    catch {set body [info body ::sta::find_timing_paths_cmd]}
    if {[string first "-group_path_count" $body] >= 0} {
        return [list -group_path_count -endpoint_path_count]
    }
    return [list -group_count -endpoint_count]
}

proc noodle_require_int_param {name lo hi} {
    global noodle_param
    if {![info exists noodle_param($name)]} {
        error "noodle_error eco: noodle_param($name) is not set"
    }
    set v $noodle_param($name)
    if {![string is integer -strict $v] || $v < $lo || $v > $hi} {
        error "noodle_error eco: noodle_param($name)=$v outside $lo..$hi"
    }
    return [expr {int($v)}]
}

proc noodle_upsize_critical {paths steps} {
    lassign [noodle_path_count_flags] group_flag endpoint_flag
    set path_ends [find_timing_paths -path_delay max -sort_by_slack \
                       $group_flag $paths $endpoint_flag 1]

    # name -> instance object, for every leaf instance on the paths
    array set on_path {}
    foreach path_end $path_ends {
        set path [$path_end path]
        foreach pin [$path pins] {
            if {[$pin is_top_level_port]} {
                continue
            }
            set inst [$pin instance]
            set on_path([get_full_name $inst]) $inst
        }
    }

    set swapped 0
    foreach inst_name [lsort -dictionary [array names on_path]] {
        set inst $on_path($inst_name)
        set cell [$inst liberty_cell]
        if {$cell eq "NULL" || $cell eq ""} {
            continue
        }
        set cell_name [get_name $cell]
        if {![regexp {^(.*X)([0-9]+)$} $cell_name -> family strength]} {
            continue
        }
        # Library members of the family, keyed by strength (deduplicated
        # across libraries; the first match wins).
        array unset member
        set family_re {^}
        append family_re [regsub -all {[][{}()*+?.\\^$|]} $family {\\&}]
        append family_re {([0-9]+)$}
        foreach lib_cell [get_lib_cells -quiet "*/${family}*"] {
            set n [get_name $lib_cell]
            if {[regexp $family_re $n -> s] && ![info exists member($s)]} {
                set member($s) $n
            }
        }
        set strengths [lsort -integer [array names member]]
        set idx [lsearch -exact $strengths $strength]
        if {$idx < 0} {
            continue
        }
        set target [expr {min($idx + $steps, [llength $strengths] - 1)}]
        if {$target == $idx} {
            continue
        }
        set new_name $member([lindex $strengths $target])
        set new_cell [lindex [get_lib_cells -quiet "*/$new_name"] 0]
        if {$new_cell eq ""} {
            continue
        }
        replace_cell $inst $new_cell
        if {[get_name [$inst liberty_cell]] eq $new_name} {
            incr swapped
        }
    }
    return $swapped
}

set noodle_swapped [noodle_upsize_critical \
                        [noodle_require_int_param paths 1 100000] \
                        [noodle_require_int_param steps 1 3]]
puts "noodle_eco upsize_critical swapped=$noodle_swapped"
unset noodle_swapped
