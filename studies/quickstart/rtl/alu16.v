// ---------------------------------------------------------------------------
// alu16 -- Noodle quickstart study
//
// Purely combinational 16-bit integer unit used in the first pipeline stage
// of mac_alu.  It covers the "simple" opcodes; multiply and accumulate
// opcodes are handled by the multiplier/accumulator in mac_alu.v and the
// ALU output is ignored for them.
//
//   op   mnemonic  result
//   0x0  ADD       a + b
//   0x1  SUB       a - b
//   0x2  AND       a & b
//   0x3  OR        a | b
//   0x4  XOR       a ^ b
//   0x5  SLL       a << b[3:0]
//   0x6  SRL       a >> b[3:0]          (logical)
//   0x7  SRA       a >>> b[3:0]         (arithmetic)
//   0x8  SLT       signed   a < b  ? 1 : 0
//   0x9  SLTU      unsigned a < b  ? 1 : 0
//   0xA  LDI       b  (b is the immediate when the instruction uses one)
//   other          0
//
// 'carry' is the carry/borrow out of ADD/SUB, 'ovf' the signed overflow of
// ADD/SUB; both are zero for every other opcode.
// ---------------------------------------------------------------------------
module alu16 (
    input  wire [3:0]  op,
    input  wire [15:0] a,
    input  wire [15:0] b,
    output reg  [15:0] y,
    output reg         carry,
    output reg         ovf
);

    // One shared adder serves ADD, SUB and the two compares.
    wire        do_sub  = (op == 4'h1) || (op == 4'h8) || (op == 4'h9);
    wire [15:0] b_eff   = do_sub ? ~b : b;
    wire [16:0] sum     = {1'b0, a} + {1'b0, b_eff} + {16'd0, do_sub};

    // Signed overflow: operands of equal sign (after inversion for SUB)
    // producing a result of the other sign.
    wire        add_ovf = (a[15] == b_eff[15]) && (sum[15] != a[15]);

    // a < b (signed) is the sign of a-b corrected by overflow.
    wire        lt_s    = sum[15] ^ add_ovf;
    // a < b (unsigned) is the absence of carry out of a + ~b + 1.
    wire        lt_u    = ~sum[16];

    wire [3:0]  shamt   = b[3:0];
    wire signed [15:0] a_s = a;

    always @(*) begin
        y     = 16'h0000;
        carry = 1'b0;
        ovf   = 1'b0;
        case (op)
            4'h0: begin y = sum[15:0]; carry = sum[16]; ovf = add_ovf; end
            4'h1: begin y = sum[15:0]; carry = sum[16]; ovf = add_ovf; end
            4'h2: y = a & b;
            4'h3: y = a | b;
            4'h4: y = a ^ b;
            4'h5: y = a << shamt;
            4'h6: y = a >> shamt;
            4'h7: y = a_s >>> shamt;
            4'h8: y = {15'd0, lt_s};
            4'h9: y = {15'd0, lt_u};
            4'hA: y = b;
            default: y = 16'h0000;
        endcase
    end

endmodule
