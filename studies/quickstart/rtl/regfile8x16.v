// ---------------------------------------------------------------------------
// regfile8x16 -- Noodle quickstart study
//
// Eight 16-bit architectural registers built from plain flip-flops.
// Two asynchronous (combinational) read ports and one synchronous write
// port.  A write and a read of the same register in the same cycle returns
// the OLD value; the pipeline in mac_alu.v forwards the new value itself.
// Reset is synchronous and clears every register to zero.
//
// Register r0 is an ordinary register (not hard-wired to zero).
// ---------------------------------------------------------------------------
module regfile8x16 (
    input  wire        clk,
    input  wire        rst,
    // write port
    input  wire        we,
    input  wire [2:0]  waddr,
    input  wire [15:0] wdata,
    // read port A
    input  wire [2:0]  raddr_a,
    output reg  [15:0] rdata_a,
    // read port B
    input  wire [2:0]  raddr_b,
    output reg  [15:0] rdata_b
);

    reg [15:0] r0, r1, r2, r3, r4, r5, r6, r7;

    always @(posedge clk) begin
        if (rst) begin
            r0 <= 16'h0000; r1 <= 16'h0000; r2 <= 16'h0000; r3 <= 16'h0000;
            r4 <= 16'h0000; r5 <= 16'h0000; r6 <= 16'h0000; r7 <= 16'h0000;
        end else if (we) begin
            case (waddr)
                3'd0: r0 <= wdata;
                3'd1: r1 <= wdata;
                3'd2: r2 <= wdata;
                3'd3: r3 <= wdata;
                3'd4: r4 <= wdata;
                3'd5: r5 <= wdata;
                3'd6: r6 <= wdata;
                default: r7 <= wdata;
            endcase
        end
    end

    // Read port A: eight-way selection on the address bits.
    always @(*) begin
        case (raddr_a)
            3'd0: rdata_a = r0;
            3'd1: rdata_a = r1;
            3'd2: rdata_a = r2;
            3'd3: rdata_a = r3;
            3'd4: rdata_a = r4;
            3'd5: rdata_a = r5;
            3'd6: rdata_a = r6;
            default: rdata_a = r7;
        endcase
    end

    // Read port B: same structure, independent address.
    always @(*) begin
        case (raddr_b)
            3'd0: rdata_b = r0;
            3'd1: rdata_b = r1;
            3'd2: rdata_b = r2;
            3'd3: rdata_b = r3;
            3'd4: rdata_b = r4;
            3'd5: rdata_b = r5;
            3'd6: rdata_b = r6;
            default: rdata_b = r7;
        endcase
    end

endmodule
