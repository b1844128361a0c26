# ---------------------------------------------------------------------------
# Noodle building block: eco_buffer_fanout.tcl
#
# Fanout buffering of high-fanout nets.
#
# Parameters (validated by Noodle, set before this block as numbers):
#   noodle_param(max_fanout)    integer >= 2 : loads allowed per driver
#   noodle_param(buffer_drive)  2 or 4       : buffer cell BUFX2 / BUFX4
#
# Which nets:
#   * every net with exactly one driver (an instance output pin or a top
#     level input port) and more than max_fanout loads;
#   * nets driven by top-level input ports ARE buffered: the SDC gives
#     those ports a driving cell (set_driving_cell), so their load matters
#     exactly like an internal driver's;
#   * skipped: nets touching a register clock pin (clock nets are ideal
#     here and belong to CTS), undriven nets and multiply-driven nets.
#
# Loads: instance input pins are movable.  Top-level output ports are
# loads too but stay on the original net (moving a port would rename the
# port net), so they count against the original driver's budget.
#
# How: the movable loads, sorted by pin name, are split into
# ceil(n / max_fanout) groups of nearly equal size (contiguous in sorted
# order).  Each group moves to a new net noodle_net_<k> driven by a new
# buffer noodle_buf_<k> whose input sits on the original net.  If the
# original net still has more than max_fanout loads (new buffer inputs
# plus fixed port loads), the buffer inputs are grouped again the same
# way, building a tree, until the driver is within budget (or only one
# movable load remains, when port loads alone exceed the budget).
# Nets are processed in sorted-name order; <k> continues from the first
# number not already used, so names are deterministic and unique even if
# this block runs twice in one script.
#
# Output: one line   noodle_eco buffer_fanout nets=<n> buffers=<m>
# ---------------------------------------------------------------------------

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

# Next free index k such that neither noodle_buf_<k> nor noodle_net_<k>
# exists.
proc noodle_next_buffer_index {k} {
    while {[llength [get_cells -quiet "noodle_buf_$k"]] > 0
           || [llength [get_nets -quiet "noodle_net_$k"]] > 0} {
        incr k
    }
    return $k
}

# Split list into ngroups contiguous groups whose sizes differ by <= 1.
proc noodle_split_balanced {items ngroups} {
    set n [llength $items]
    set groups {}
    set start 0
    for {set g 0} {$g < $ngroups} {incr g} {
        set size [expr {$n / $ngroups + ($g < $n % $ngroups ? 1 : 0)}]
        lappend groups [lrange $items $start [expr {$start + $size - 1}]]
        incr start $size
    }
    return $groups
}

proc noodle_buffer_fanout {max_fanout buffer_drive} {
    if {$buffer_drive != 2 && $buffer_drive != 4} {
        error "noodle_error eco: noodle_param(buffer_drive)=$buffer_drive must be 2 or 4"
    }
    set buf_cell [lindex [get_lib_cells -quiet "*/BUFX$buffer_drive"] 0]
    if {$buf_cell eq ""} {
        error "noodle_error eco: library has no BUFX$buffer_drive"
    }
    set buf_in ""
    set buf_out ""
    foreach lib_pin [get_lib_pins "[get_full_name $buf_cell]/*"] {
        switch -- [get_property $lib_pin direction] {
            input  { set buf_in  [get_name $lib_pin] }
            output { set buf_out [get_name $lib_pin] }
        }
    }
    if {$buf_in eq "" || $buf_out eq ""} {
        error "noodle_error eco: cannot find input/output pins of BUFX$buffer_drive"
    }

    # Nets that reach a register clock pin are never buffered.
    array set is_clock_net {}
    foreach clk_pin [all_registers -clock_pins] {
        foreach net [get_nets -quiet -of_objects $clk_pin] {
            set is_clock_net([get_full_name $net]) 1
        }
    }

    # Snapshot of the nets before editing, by name.
    array set net_by_name {}
    foreach net [get_nets *] {
        set net_by_name([get_full_name $net]) $net
    }

    set nets_buffered 0
    set buffers_added 0
    set k [noodle_next_buffer_index 0]

    foreach net_name [lsort [array names net_by_name]] {
        if {[info exists is_clock_net($net_name)]} {
            continue
        }
        set net $net_by_name($net_name)
        set drivers 0
        set fixed_loads 0
        set loads {}
        foreach pin [get_pins -quiet -of_objects $net] {
            if {[$pin is_driver]} {
                incr drivers
            } elseif {[$pin is_load]} {
                lappend loads [list [get_full_name $pin] $pin]
            }
        }
        foreach port [get_ports -quiet -of_objects $net] {
            switch -- [get_property $port direction] {
                input   { incr drivers }
                output  { incr fixed_loads }
                default { incr drivers; incr fixed_loads }
            }
        }
        if {$drivers != 1} {
            continue
        }
        if {[llength $loads] + $fixed_loads <= $max_fanout} {
            continue
        }

        # Movable loads in sorted-name order.
        set movable {}
        foreach entry [lsort -dictionary -index 0 $loads] {
            lappend movable [lindex $entry 1]
        }

        while {[llength $movable] + $fixed_loads > $max_fanout
               && [llength $movable] > 1} {
            set ngroups [expr {([llength $movable] + $max_fanout - 1) / $max_fanout}]
            set next_level {}
            foreach group [noodle_split_balanced $movable $ngroups] {
                set k [noodle_next_buffer_index $k]
                set buf_name "noodle_buf_$k"
                set new_net_name "noodle_net_$k"
                incr k
                make_instance $buf_name $buf_cell
                make_net $new_net_name
                set new_net [get_nets $new_net_name]
                connect_pin $net "$buf_name/$buf_in"
                connect_pin $new_net "$buf_name/$buf_out"
                foreach pin $group {
                    disconnect_pin $net $pin
                    connect_pin $new_net $pin
                }
                lappend next_level [get_pins "$buf_name/$buf_in"]
                incr buffers_added
            }
            set movable $next_level
        }
        incr nets_buffered
    }
    return [list $nets_buffered $buffers_added]
}

lassign [noodle_buffer_fanout \
             [noodle_require_int_param max_fanout 2 1000000] \
             [noodle_require_int_param buffer_drive 2 4]] \
    noodle_nets noodle_buffers
puts "noodle_eco buffer_fanout nets=$noodle_nets buffers=$noodle_buffers"
unset noodle_nets noodle_buffers
