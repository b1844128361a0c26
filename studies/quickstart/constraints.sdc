# Noodle quickstart study: timing constraints for mac_alu (OSU018, 1 ns units)
#
# 11 ns clock (about 91 MHz).  The plain yosys/abc netlist misses it by
# about 4.3 ns, mostly because abc leaves high-fanout nets (opcode decode,
# forwarding bus, register-file read selects) unbuffered.  Fanout
# buffering, upsizing and delay-driven re-synthesis all move WNS, and no
# single one of them closes timing on its own.

create_clock -name clk -period 11.0 [get_ports clk]

# Everything except the clock arrives 2 ns after the edge and is driven by
# a weak inverter, so input-port fanout counts as well.
# (explicit list: OpenSTA 2.0.17 has no remove_from_collection and its
# all_inputs has no -no_clocks)
set noodle_inputs [get_ports {rst in_valid op[*] rs1[*] rs2[*] rd[*] use_imm imm[*]}]
set_input_delay 2.0 -clock clk $noodle_inputs
set_driving_cell -lib_cell INVX1 -pin Y $noodle_inputs

# Outputs must be valid 2 ns before the next edge and drive 50 fF each.
set_output_delay 2.0 -clock clk [all_outputs]
set_load 0.05 [all_outputs]
