// A small gate-level design for Noodle's tests: two registers feed a chain of
// gates with one high-fanout net into a third register. Cells are from OSU018.
module chain (clk, a, b, y, z);
  input clk, a, b;
  output y, z;
  wire q0, q1, n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11, n12, f0, f1, f2, f3, f4, f5, f6, f7, x0, x1, x2, x3, x4, x5, x6;
  DFFPOSX1 r0 (.CLK(clk), .D(a), .Q(q0));
  DFFPOSX1 r1 (.CLK(clk), .D(b), .Q(q1));
  NAND2X1 g1 (.A(q0), .B(q1), .Y(n1));
  INVX1 g2 (.A(n1), .Y(n2));
  NOR2X1 g3 (.A(n2), .B(q0), .Y(n3));
  INVX1 g4 (.A(n3), .Y(n4));
  NOR2X1 g5 (.A(n4), .B(q0), .Y(n5));
  INVX1 g6 (.A(n5), .Y(n6));
  NOR2X1 g7 (.A(n6), .B(q0), .Y(n7));
  INVX1 g8 (.A(n7), .Y(n8));
  NOR2X1 g9 (.A(n8), .B(q0), .Y(n9));
  INVX1 g10 (.A(n9), .Y(n10));
  NOR2X1 g11 (.A(n10), .B(q0), .Y(n11));
  INVX1 g12 (.A(n11), .Y(n12));
  INVX1 h0 (.A(n12), .Y(f0));
  INVX1 h1 (.A(n12), .Y(f1));
  INVX1 h2 (.A(n12), .Y(f2));
  INVX1 h3 (.A(n12), .Y(f3));
  INVX1 h4 (.A(n12), .Y(f4));
  INVX1 h5 (.A(n12), .Y(f5));
  INVX1 h6 (.A(n12), .Y(f6));
  INVX1 h7 (.A(n12), .Y(f7));
  XOR2X1 x0g (.A(f0), .B(f1), .Y(x0));
  XOR2X1 x1g (.A(f2), .B(f3), .Y(x1));
  XOR2X1 x2g (.A(f4), .B(f5), .Y(x2));
  XOR2X1 x3g (.A(f6), .B(f7), .Y(x3));
  XOR2X1 x4g (.A(x0), .B(x1), .Y(x4));
  XOR2X1 x5g (.A(x2), .B(x3), .Y(x5));
  XOR2X1 x6g (.A(x4), .B(x5), .Y(x6));
  DFFPOSX1 r2 (.CLK(clk), .D(x6), .Q(y));
  DFFPOSX1 r3 (.CLK(clk), .D(n6), .Q(z));
endmodule
