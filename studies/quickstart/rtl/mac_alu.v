// ---------------------------------------------------------------------------
// mac_alu -- top level of the Noodle quickstart study design
//
// A small two-stage integer/DSP datapath written for Noodle's timing-ECO
// trials.  Each cycle it accepts one instruction from its ports:
//
//   op[3:0]    opcode (see below)
//   rs1, rs2   source registers in the 8 x 16-bit register file
//   rd         destination register
//   use_imm    1: operand B is the 16-bit immediate 'imm' instead of rs2
//   in_valid   instruction present this cycle
//
// Stage 1 (issue/execute): reads both operands (with forwarding from the
// instruction currently in stage 2), runs the 16-bit ALU (alu16.v) and the
// signed 16x16 multiplier, and captures results in pipeline registers.
//
// Stage 2 (accumulate/writeback): updates the 40-bit accumulator for the
// MAC opcodes, produces a Q15 saturated 16-bit view of the accumulator,
// selects the write-back value, writes the register file and registers the
// result, flags and accumulator onto the output ports.
//
//   0x0..0xA  ALU opcodes (ADD SUB AND OR XOR SLL SRL SRA SLT SLTU LDI)
//   0xB  MUL    rd = low 16 bits of a*b (signed)
//   0xC  MULH   rd = high 16 bits of a*b (signed)
//   0xD  MAC    acc = acc + a*b ; rd = sat16(acc_new >>> 15)
//   0xE  MACZ   acc = a*b       ; rd = sat16(acc_new >>> 15)
//   0xF  ACCRD  acc unchanged   ; rd = sat16(acc >>> 15)
//
// Flags: zero/neg of the write-back value, 'sat' when the Q15 view of the
// accumulator was clipped, 'carry'/'ovf' from ALU add/sub.
//
// Single clock 'clk', synchronous active-high reset 'rst'.  Every
// critical path of interest is register-to-register inside this module:
// forwarding mux -> multiplier -> product register, and product register
// -> 40-bit accumulate -> saturation -> write-back / forwarding.
// ---------------------------------------------------------------------------
module mac_alu (
    input  wire        clk,
    input  wire        rst,
    // instruction interface
    input  wire        in_valid,
    input  wire [3:0]  op,
    input  wire [2:0]  rs1,
    input  wire [2:0]  rs2,
    input  wire [2:0]  rd,
    input  wire        use_imm,
    input  wire [15:0] imm,
    // results
    output reg         out_valid,
    output reg  [15:0] result,
    output reg  [39:0] acc_out,
    output reg         flag_zero,
    output reg         flag_neg,
    output reg         flag_carry,
    output reg         flag_ovf,
    output reg         flag_sat
);

    localparam OP_MUL   = 4'hB;
    localparam OP_MULH  = 4'hC;
    localparam OP_MAC   = 4'hD;
    localparam OP_MACZ  = 4'hE;
    localparam OP_ACCRD = 4'hF;

    // ------------------------------------------------------------------
    // Stage 1 pipeline registers (written at the end of the issue cycle)
    // ------------------------------------------------------------------
    reg        s1_valid;
    reg [3:0]  s1_op;
    reg [2:0]  s1_rd;
    reg [15:0] s1_alu;
    reg        s1_carry;
    reg        s1_ovf;
    reg [31:0] s1_prod;

    // 40-bit accumulator (stage 2 state)
    reg [39:0] acc;

    // ------------------------------------------------------------------
    // Stage 2 combinational logic: accumulate, saturate, select write-back
    // ------------------------------------------------------------------
    wire        s1_is_mac   = (s1_op == OP_MAC);
    wire        s1_is_macz  = (s1_op == OP_MACZ);
    wire        s1_is_accrd = (s1_op == OP_ACCRD);
    wire        s1_uses_acc = s1_is_mac | s1_is_macz | s1_is_accrd;

    wire [39:0] prod_ext    = {{8{s1_prod[31]}}, s1_prod};
    wire [39:0] acc_base    = s1_is_mac ? acc : 40'd0;
    wire [39:0] acc_sum     = acc_base + prod_ext;
    wire [39:0] acc_next    = s1_is_accrd ? acc : acc_sum;

    // Q15 view: bits [39:15] of the accumulator.  It fits in 16 signed
    // bits when bits [39:30] are all copies of bit 30.
    wire [24:0] q_full      = acc_next[39:15];
    wire        q_fits      = (q_full[24:15] == {10{q_full[15]}});
    wire [15:0] q_sat       = q_fits      ? q_full[15:0] :
                              q_full[24]  ? 16'h8000     : 16'h7FFF;

    reg  [15:0] wb_data;
    always @(*) begin
        case (s1_op)
            OP_MUL:   wb_data = s1_prod[15:0];
            OP_MULH:  wb_data = s1_prod[31:16];
            OP_MAC,
            OP_MACZ,
            OP_ACCRD: wb_data = q_sat;
            default:  wb_data = s1_alu;
        endcase
    end

    wire        wb_en       = s1_valid;

    // ------------------------------------------------------------------
    // Register file
    // ------------------------------------------------------------------
    wire [15:0] rf_a;
    wire [15:0] rf_b;

    regfile8x16 u_rf (
        .clk     (clk),
        .rst     (rst),
        .we      (wb_en),
        .waddr   (s1_rd),
        .wdata   (wb_data),
        .raddr_a (rs1),
        .rdata_a (rf_a),
        .raddr_b (rs2),
        .rdata_b (rf_b)
    );

    // ------------------------------------------------------------------
    // Stage 1 combinational logic: operand forwarding, ALU, multiplier
    // ------------------------------------------------------------------
    // The instruction in stage 2 writes the register file at the end of
    // this cycle, so a dependent instruction in issue takes its value from
    // the write-back bus instead of the (stale) register file.
    wire        fwd_a   = wb_en && (s1_rd == rs1);
    wire        fwd_b   = wb_en && (s1_rd == rs2);

    wire [15:0] opnd_a  = fwd_a ? wb_data : rf_a;
    wire [15:0] reg_b   = fwd_b ? wb_data : rf_b;
    wire [15:0] opnd_b  = use_imm ? imm : reg_b;

    wire [15:0] alu_y;
    wire        alu_c;
    wire        alu_v;

    alu16 u_alu (
        .op    (op),
        .a     (opnd_a),
        .b     (opnd_b),
        .y     (alu_y),
        .carry (alu_c),
        .ovf   (alu_v)
    );

    wire signed [15:0] mul_a = opnd_a;
    wire signed [15:0] mul_b = opnd_b;
    wire signed [31:0] mul_p = mul_a * mul_b;

    // Only multiply-class opcodes need the product; gating the operands
    // is left to synthesis (the register simply captures it every cycle).
    always @(posedge clk) begin
        if (rst) begin
            s1_valid <= 1'b0;
            s1_op    <= 4'h0;
            s1_rd    <= 3'd0;
            s1_alu   <= 16'h0000;
            s1_carry <= 1'b0;
            s1_ovf   <= 1'b0;
            s1_prod  <= 32'h0000_0000;
        end else begin
            s1_valid <= in_valid;
            s1_op    <= op;
            s1_rd    <= rd;
            s1_alu   <= alu_y;
            s1_carry <= alu_c;
            s1_ovf   <= alu_v;
            s1_prod  <= mul_p;
        end
    end

    // ------------------------------------------------------------------
    // Stage 2 registers: accumulator and registered outputs
    // ------------------------------------------------------------------
    always @(posedge clk) begin
        if (rst) begin
            acc        <= 40'd0;
            out_valid  <= 1'b0;
            result     <= 16'h0000;
            acc_out    <= 40'd0;
            flag_zero  <= 1'b0;
            flag_neg   <= 1'b0;
            flag_carry <= 1'b0;
            flag_ovf   <= 1'b0;
            flag_sat   <= 1'b0;
        end else begin
            if (s1_valid && (s1_is_mac || s1_is_macz))
                acc <= acc_next;
            out_valid <= s1_valid;
            if (s1_valid) begin
                result     <= wb_data;
                acc_out    <= acc_next;
                flag_zero  <= (wb_data == 16'h0000);
                flag_neg   <= wb_data[15];
                flag_carry <= s1_uses_acc ? 1'b0 : s1_carry;
                flag_ovf   <= s1_uses_acc ? 1'b0 : s1_ovf;
                flag_sat   <= s1_uses_acc ? ~q_fits : 1'b0;
            end
        end
    end

endmodule
