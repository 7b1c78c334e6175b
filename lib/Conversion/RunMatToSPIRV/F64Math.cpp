//===- F64Math.cpp - f64 exp, sin, cos, tanh as SPIR-V --------------------===//
//
// GLSL.std.450's Exp, Sin, Cos and Tanh take 16- and 32-bit floats only, so
// a kernel computing them in f64 gets its own implementations, made of
// operations SPIR-V rounds exactly (+ - * /, RoundEven, Ldexp of 1.0 by a
// normal exponent) and selects:
//
//  * exp: FreeBSD msun's e_exp.c (k = nearest integer to x/ln2, r = x -
//    k*ln2 in two parts, a degree-5 Remez polynomial in r*r, 2^k applied in
//    two normal factors so that subnormal results are rounded once);
//  * sin, cos: msun's __rem_pio2 medium case, always in its three
//    Cody-Waite rounds (pi/2 in 33-bit parts, so n*part is exact for
//    n < 2^20), then msun's __kernel_sin / __kernel_cos on the
//    double-double remainder, chosen by n mod 4. Arguments beyond
//    2^20 * pi/2 need Payne-Hanek reduction: the element sets the kernel's
//    needs-CPU flag instead, and the runtime computes the region on the CPU;
//  * tanh: Cephes' tanh.c (x + x^3 P(x^2)/Q(x^2) below 0.625, else
//    1 - 2/(exp(2|x|) + 1) with the exp above).
//
// Each is within 1 ulp of the exact value over its domain in its source's
// analysis, so within 2 ulp of glibc's libm (test/GPU/f64-math-parity.m
// checks that over wide ranges, with NaN, Inf, -0 and subnormals).
//
//===----------------------------------------------------------------------===//
#include "BodyWriter.h"

namespace runmat::spirvgen {

std::string BodyWriter::mathCall(StringRef callee, const std::string &x) {
  if (callee == "exp")
    return expF64(x);
  if (callee == "sin")
    return sinF64(x);
  if (callee == "cos")
    return cosF64(x);
  if (callee == "tanh")
    return tanhF64(x);
  return "";
}

std::string BodyWriter::i32(int v) {
  std::string n = fresh();
  os << "      " << n << " = spirv.Constant " << v << " : i32\n";
  return n;
}

std::string BodyWriter::i32op(StringRef spv, ArrayRef<std::string> args) {
  return op(spv, args, "i32");
}

/// y * 2^k for an i32 k in [-1100, 1100]: two factors 2^(k>>1) and
/// 2^(k - (k>>1)), each a normal double made exactly by Ldexp, so that the
/// only rounding is the last product's (a subnormal result, as msun's
/// scaling by 2^-1000 in two steps gets).
std::string BodyWriter::scale2(const std::string &y, const std::string &k) {
  std::string one = constant(1.0), c1 = i32(1);
  std::string k1 = fresh();
  os << "      " << k1 << " = spirv.ShiftRightArithmetic " << k << ", " << c1
     << " : i32, i32\n";
  std::string k2 = i32op("spirv.ISub", {k, k1});
  auto pow2 = [&](const std::string &e) {
    std::string n = fresh();
    os << "      " << n << " = spirv.GL.Ldexp " << one << " : f64, " << e
       << " : i32 -> f64\n";
    return n;
  };
  return op("spirv.FMul", {op("spirv.FMul", {y, pow2(k1)}), pow2(k2)});
}

std::string BodyWriter::expF64(const std::string &x) {
  // k, clamped so that its conversion is defined (larger |x| is Inf or 0
  // below; NaN stays NaN and is replaced below).
  std::string fn = op("spirv.GL.RoundEven", {fmul(x, constant(1.44269504088896338700e+00))});
  fn = select(cmp("spirv.FOrdGreaterThan", fn, constant(1100)), constant(1100), fn);
  fn = select(cmp("spirv.FOrdLessThan", fn, constant(-1100)), constant(-1100), fn);
  fn = select(isNan(fn), constant(0), fn);
  std::string hi = fsub(x, fmul(fn, constant(6.93147180369123816490e-01)));
  std::string lo = fmul(fn, constant(1.90821492927058770002e-10));
  std::string r = fsub(hi, lo);
  std::string t = fmul(r, r);
  // c = r - t*(P1 + t*(P2 + t*(P3 + t*(P4 + t*P5))))
  std::string q = fadd(constant(-1.65339022054652515390e-06), fmul(t, constant(4.13813679705723846039e-08)));
  q = fadd(constant(6.61375632143793436117e-05), fmul(t, q));
  q = fadd(constant(-2.77777777770155933842e-03), fmul(t, q));
  q = fadd(constant(1.66666666666666019037e-01), fmul(t, q));
  std::string c = fsub(r, fmul(t, q));
  // y = 1 - ((lo - (r*c)/(2 - c)) - hi)
  std::string y = fsub(constant(1.0), fsub(fsub(lo, op("spirv.FDiv", {fmul(r, c), fsub(constant(2.0), c)})), hi));
  std::string k = fresh();
  os << "      " << k << " = spirv.ConvertFToS " << fn << " : f64 to i32\n";
  std::string res = scale2(y, k);
  res = select(cmp("spirv.FOrdGreaterThan", x, constant(7.09782712893383973096e+02)),
               constant(INFINITY), res);
  res = select(cmp("spirv.FOrdLessThan", x, constant(-7.45133219101941108420e+02)), constant(0.0), res);
  return select(isNan(x), x, res);
}

void BodyWriter::reducePiOver2(const std::string &x, std::string &y0,
                               std::string &y1, std::string &n) {
  std::string fn = op("spirv.GL.RoundEven", {fmul(x, constant(6.36619772367581382433e-01))});
  // |x| >= 2^20 * pi/2 (and Inf, NaN): fn is kept small enough for the
  // conversion; such elements go to the CPU (Inf and NaN give NaN there).
  std::string big = cmp("spirv.FOrdGreaterThanEqual", op("spirv.GL.FAbs", {x}),
                        constant(1647099.3291652855));
  std::string bad = op("spirv.LogicalOr", {big, isNan(x)}, "i1");
  fn = select(bad, constant(0), fn);
  // Round 1: r = x - n*pio2_1 (msun's w = n*pio2_1t is not needed: rounds
  // 2 and 3 always run, each taking the next part of pi/2 with the error
  // of its subtraction carried along).
  std::string r = fsub(x, fmul(fn, constant(1.57079632673412561417e+00)));
  std::string t = r;
  std::string w = fmul(fn, constant(6.07710050630396597660e-11));
  r = fsub(t, w);
  w = fsub(fmul(fn, constant(2.02226624879595063154e-21)), fsub(fsub(t, r), w));
  t = r;
  w = fmul(fn, constant(2.02226624871116645580e-21));
  r = fsub(t, w);
  w = fsub(fmul(fn, constant(8.47842766036889956997e-32)), fsub(fsub(t, r), w));
  y0 = fsub(r, w);
  y1 = fsub(fsub(r, y0), w);
  n = fresh();
  os << "      " << n << " = spirv.ConvertFToS " << fn << " : f64 to i32\n";
  std::string inf = cmp("spirv.FOrdEqual", op("spirv.GL.FAbs", {x}), constant(INFINITY));
  std::string cpu = op("spirv.LogicalAnd", {big, op("spirv.LogicalNot", {inf}, "i1")}, "i1");
  cpuFlag = cpuFlag.empty() ? cpu : op("spirv.LogicalOr", {cpuFlag, cpu}, "i1");
}

// msun __kernel_sin(x, y, 1): sin(x + y) for |x + y| <= pi/4.
std::string BodyWriter::kernelSin(const std::string &x, const std::string &y) {
  std::string z = fmul(x, x), w = fmul(z, z);
  // r = S2 + z*(S3 + z*S4) + z*w*(S5 + z*S6)
  std::string r = fadd(fadd(constant(8.33333333332248946124e-03),
                          fmul(z, fadd(constant(-1.98412698298579493134e-04),
                                     fmul(z, constant(2.75573137070700676789e-06))))),
                      fmul(fmul(z, w), fadd(constant(-2.50507602534068634195e-08),
                                         fmul(z, constant(1.58969099521155010221e-10)))));
  std::string v = fmul(z, x);
  // x - ((z*(0.5*y - v*r) - y) - v*S1)
  return fsub(x, fsub(fsub(fmul(z, fsub(fmul(constant(0.5), y), fmul(v, r))), y),
                    fmul(v, constant(-1.66666666666666324348e-01))));
}

// msun __kernel_cos(x, y): cos(x + y) for |x + y| <= pi/4.
std::string BodyWriter::kernelCos(const std::string &x, const std::string &y) {
  std::string z = fmul(x, x), w = fmul(z, z);
  // r = z*(C1 + z*(C2 + z*C3)) + w*w*(C4 + z*(C5 + z*C6))
  std::string r = fadd(
      fmul(z, fadd(constant(4.16666666666666019037e-02),
                 fmul(z, fadd(constant(-1.38888888888741095749e-03),
                            fmul(z, constant(2.48015872894767294178e-05)))))),
      fmul(fmul(w, w), fadd(constant(-2.75573143513906633035e-07),
                         fmul(z, fadd(constant(2.08757232129817482790e-09),
                                    fmul(z, constant(-1.13596475577881948265e-11)))))));
  std::string hz = fmul(constant(0.5), z);
  std::string ww = fsub(constant(1.0), hz);
  // w + (((1 - w) - hz) + (z*r - x*y))
  return fadd(ww, fadd(fsub(fsub(constant(1.0), ww), hz), fsub(fmul(z, r), fmul(x, y))));
}

std::string BodyWriter::sinCos(const std::string &x, bool cosine) {
  // sin(x) and cos(x) of one x (the benchmark's chain) share the reduction
  // and both kernels.
  auto it = sinCosOf.find(x);
  if (it == sinCosOf.end()) {
    std::string y0, y1, n;
    reducePiOver2(x, y0, y1, n);
    std::string s = kernelSin(y0, y1), c = kernelCos(y0, y1);
    it = sinCosOf.try_emplace(x, std::array<std::string, 3>{s, c, n}).first;
  }
  const std::string &s = it->second[0], &c = it->second[1], &n = it->second[2];
  std::string q = i32op("spirv.BitwiseAnd", {n, i32(3)});
  if (cosine)
    q = i32op("spirv.BitwiseAnd", {i32op("spirv.IAdd", {q, i32(1)}), i32(3)});
  auto is = [&](int v) { return op("spirv.IEqual", {q, i32(v)}, "i32"); };
  // sin by n mod 4: s, c, -s, -c (cos is sin shifted by one quarter).
  std::string neg = op("spirv.LogicalOr", {is(2), is(3)}, "i1");
  std::string odd = op("spirv.LogicalOr", {is(1), is(3)}, "i1");
  std::string v = select(odd, c, s);
  v = select(neg, op("spirv.FNegate", {v}), v);
  // sin(+-0) = +-0 (the reduction's x - 0*p would make -0 +0).
  if (!cosine)
    v = select(cmp("spirv.FOrdEqual", x, constant(0.0)), x, v);
  // Inf and NaN give NaN, as libm's.
  std::string nan = constant(NAN);
  std::string fin = cmp("spirv.FOrdLessThan", op("spirv.GL.FAbs", {x}), constant(INFINITY));
  return select(fin, v, nan);
}

std::string BodyWriter::sinF64(const std::string &x) { return sinCos(x, false); }
std::string BodyWriter::cosF64(const std::string &x) { return sinCos(x, true); }

std::string BodyWriter::tanhF64(const std::string &x) {
  std::string ax = op("spirv.GL.FAbs", {x});
  // |x| >= 0.625: 1 - 2/(exp(2|x|) + 1), the sign of x.
  std::string e = expF64(fmul(constant(2.0), ax));
  std::string big = fsub(constant(1.0), fdiv(constant(2.0), fadd(e, constant(1.0))));
  big = select(cmp("spirv.FOrdLessThan", x, constant(0.0)), op("spirv.FNegate", {big}), big);
  // |x| < 0.625: x + x*z*P(z)/Q(z), z = x*x (Q monic).
  std::string z = fmul(x, x);
  std::string p = fadd(fmul(fadd(fmul(constant(-9.64399179425052238628E-1), z),
                              constant(-9.92877231001918586564E1)),
                          z),
                      constant(-1.61468768441708447952E3));
  std::string q = fadd(fmul(fadd(fmul(fadd(z, constant(1.12811678491632931402E2)), z),
                              constant(2.23548839060100448583E3)),
                          z),
                      constant(4.84406305325125486048E3));
  std::string small = fadd(x, fdiv(fmul(fmul(x, z), p), q));
  std::string v = select(cmp("spirv.FOrdGreaterThanEqual", ax, constant(0.625)), big, small);
  // tanh(+-0) = +-0; NaN stays NaN (the small branch gives it).
  return select(cmp("spirv.FOrdEqual", x, constant(0.0)), x, v);
}

} // namespace runmat::spirvgen
