//===- Display.cpp - MATLAB value display
//----------------------------------===//
//
// Auto-display and disp() text for every value class, following
// shared/DISPLAY.md: the loose/compact envelope, numeric layouts (integer,
// fixed with optional common scale factor, exponent, %g), class headers,
// `Columns ... through ...` chunks, N-D pages, cells, structs and function
// handles.
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Display.h"
#include "runmat/rt/Int64.h"
#include "runmat/rt/Format.h"
#include "runmat/rt/Io.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <memory>

namespace runmat::rt {

// ---- format state -----------------------------------------------------------

namespace {

struct FormatState {
  NumericFormat style = NumericFormat::Short;
  bool compact = false;
};

FormatState &state() {
  static FormatState s;
  return s;
}

} // namespace

void setFormat(NumericFormat f) { state().style = f; }
NumericFormat currentFormat() { return state().style; }
void setCompact(bool compact) { state().compact = compact; }
bool isCompact() { return state().compact; }
void resetFormat() {
  state().style = NumericFormat::Short;
  state().compact = false;
}

bool setFormatByName(const std::string &name) {
  std::string s;
  for (char c : name)
    s += (char)std::tolower((unsigned char)c);
  if (s == "short")
    setFormat(NumericFormat::Short);
  else if (s == "long")
    setFormat(NumericFormat::Long);
  else if (s == "shorte")
    setFormat(NumericFormat::ShortE);
  else if (s == "longe")
    setFormat(NumericFormat::LongE);
  else if (s == "shortg")
    setFormat(NumericFormat::ShortG);
  else if (s == "longg")
    setFormat(NumericFormat::LongG);
  else if (s == "compact")
    setCompact(true);
  else if (s == "loose")
    setCompact(false);
  else if (s == "default")
    resetFormat();
  else
    return false;
  return true;
}

namespace {

// ---- small helpers ----------------------------------------------------------

/// Collects output lines; blank() only emits in `format loose`.
struct Printer {
  explicit Printer(bool compact) : compact(compact) {}
  void line(const std::string &s) {
    out += s;
    out += '\n';
  }
  void blank() {
    if (!compact)
      out += '\n';
  }
  bool compact;
  std::string out;
};

std::string strf(const char *fmt, int prec, double x) {
  char buf[512];
  int n = std::snprintf(buf, sizeof buf, fmt, prec, x);
  if (n < 0)
    return std::string();
  if ((size_t)n < sizeof buf)
    return std::string(buf, (size_t)n);
  std::string big((size_t)n + 1, '\0');
  std::snprintf(&big[0], big.size(), fmt, prec, x);
  big.resize((size_t)n);
  return big;
}

std::string lpad(const std::string &s, size_t w) {
  size_t n = textLength(s);
  return n >= w ? s : std::string(w - n, ' ') + s;
}

std::string rpad(const std::string &s, size_t w) {
  size_t n = textLength(s);
  return n >= w ? s : s + std::string(w - n, ' ');
}

int64_t elemCount(const Value &v) {
  int64_t n = 1;
  for (int64_t d : v.dims)
    n *= d < 0 ? 0 : d;
  return v.dims.empty() ? 0 : n;
}

bool hasImag(const Value &v) { return v.complex && !v.im.empty(); }

double reAt(const Value &v, int64_t k) {
  return (size_t)k < v.re.size() ? v.re[(size_t)k] : 0.0;
}
double imAt(const Value &v, int64_t k) {
  return hasImag(v) && (size_t)k < v.im.size() ? v.im[(size_t)k] : 0.0;
}

std::string sizeText(const Value &v) { return dimsString(v.dims); }

/// "row vector" / "column vector" / "matrix" / "array" for numeric classes.
std::string numericKind(const Value &v) {
  if (v.dims.size() > 2)
    return "array";
  if (v.dims[0] == 1 && v.dims[1] != 1)
    return "row vector";
  if (v.dims[1] == 1 && v.dims[0] != 1)
    return "column vector";
  return "matrix";
}

/// The class/size header line of a non-empty value ("" when it has none).
std::string headerLine(const Value &v) {
  bool scalar = elemCount(v) == 1;
  switch (v.cls) {
  case ClassId::Double:
  case ClassId::Struct:
  case ClassId::FunctionHandle:
    return "";
  case ClassId::Logical:
    return scalar ? "  logical" : "  " + sizeText(v) + " logical array";
  case ClassId::Char:
    if (v.dims.size() == 2 && v.dims[0] == 1)
      return "";
    return "  " + sizeText(v) + " char array";
  case ClassId::Cell:
    return "  " + sizeText(v) + " cell array";
  default:
    break;
  }
  std::string cls = className(v.cls);
  if (scalar)
    return "  " + cls;
  return "  " + sizeText(v) + " " + cls + " " + numericKind(v);
}

/// The one line that stands for an empty array.
std::string emptyLine(const Value &v) {
  if (v.cls == ClassId::Double && v.dims.size() == 2 && v.dims[0] == 0 &&
      v.dims[1] == 0)
    return "     []";
  std::string cls = className(v.cls);
  if (isNumericClass(v.cls))
    return "  " + sizeText(v) + " empty " + cls + " " + numericKind(v);
  return "  " + sizeText(v) + " empty " + cls + " array";
}

std::string handleText(const Value &v) {
  if (!v.fh)
    return "@";
  const std::string &t = v.fh->text.empty() ? v.fh->name : v.fh->text;
  if (!t.empty() && t[0] == '@')
    return t;
  return "@" + t;
}

// ---- numeric layouts --------------------------------------------------------

enum class Kind { Int, Fixed, Exp, G };

struct Layout {
  Kind kind = Kind::Int;
  bool intClass = false; // int8..uint64 and logical: MATLAB's integer style
  ClassId cls = ClassId::Double;
  bool longStyle = false;
  int decimals = 4;
  int sig = 5;
  bool hasScale = false;
  int scale = 0;
  double maxAbs = 0; // largest finite magnitude
};

bool isLongStyle(NumericFormat f) {
  return f == NumericFormat::Long || f == NumericFormat::LongE ||
         f == NumericFormat::LongG;
}

/// Chooses the layout of a double/single array from its finite elements.
Layout floatLayout(const Value &v, bool scalar) {
  Layout L;
  L.cls = v.cls;
  bool single = v.cls == ClassId::Single;
  bool cplx = hasImag(v);
  NumericFormat f = currentFormat();
  L.longStyle = isLongStyle(f);
  L.decimals = L.longStyle ? (single ? 7 : 15) : 4;
  L.sig = f == NumericFormat::LongG ? (single ? 7 : 15) : 5;
  double M = 0;
  bool anyFinite = false, allInt = true;
  auto scan = [&](double x) {
    if (!std::isfinite(x))
      return;
    anyFinite = true;
    M = std::max(M, std::fabs(x));
    if (x != std::trunc(x))
      allInt = false;
  };
  int64_t n = elemCount(v);
  for (int64_t k = 0; k < n; ++k) {
    scan(reAt(v, k));
    if (cplx)
      scan(imAt(v, k));
  }
  L.maxAbs = M;
  if (!cplx && (!anyFinite || (allInt && M < 1e9))) {
    L.kind = Kind::Int;
    return L;
  }
  switch (f) {
  case NumericFormat::Short:
  case NumericFormat::Long: {
    double hi = f == NumericFormat::Short ? 1000.0 : 100.0;
    if (M == 0 || (M >= 0.001 && M < hi)) {
      L.kind = Kind::Fixed;
    } else if (scalar) {
      L.kind = Kind::Exp;
    } else {
      L.kind = Kind::Fixed;
      L.hasScale = true;
      int e = (int)std::floor(std::log10(M));
      L.scale = M >= 1 ? e : e + 1;
    }
    break;
  }
  case NumericFormat::ShortE:
  case NumericFormat::LongE:
    L.kind = Kind::Exp;
    break;
  case NumericFormat::ShortG:
  case NumericFormat::LongG:
    L.kind = Kind::G;
    break;
  }
  return L;
}

std::string intText(double x, ClassId c) {
  if (std::isnan(x))
    return "NaN";
  if (std::isinf(x))
    return x < 0 ? "-Inf" : "Inf";
  if (x == 0)
    return "0";
  // Doubles cannot hold the extremes of the 64-bit classes exactly.
  if (c == ClassId::Int64 && x >= 9223372036854775807.0)
    return "9223372036854775807";
  if (c == ClassId::UInt64 && x >= 18446744073709551615.0)
    return "18446744073709551615";
  return strf("%.*f", 0, x);
}

/// The text of one real number under layout L (no padding). `bare` prints an
/// exact zero as "0".
std::string realText(const Layout &L, double x, bool bare) {
  if (std::isnan(x))
    return "NaN";
  if (std::isinf(x))
    return x < 0 ? "-Inf" : "Inf";
  if (L.kind == Kind::Int)
    return intText(std::round(x), L.cls);
  if (x == 0) {
    if (bare)
      return "0";
    x = 0; // no "-0.0000"
  }
  switch (L.kind) {
  case Kind::Fixed:
    if (L.hasScale)
      x /= std::pow(10.0, L.scale);
    return strf("%.*f", L.decimals, x);
  case Kind::Exp:
    return strf("%.*e", L.decimals, x);
  case Kind::G:
    return strf("%.*g", L.sig, x);
  default:
    return intText(x, L.cls);
  }
}

/// Formatted text of all elements of a numeric or logical array.
struct NumericText {
  Layout L;
  bool cplx = false;
  std::vector<std::string> re, im;
  std::vector<char> imSign;
  size_t width = 0;   // element width (real)
  size_t reWidth = 0; // complex: real field
  size_t imWidth = 0; // complex: field after the sign

  std::string element(int64_t k) const {
    if (!cplx)
      return lpad(re[(size_t)k], width);
    return lpad(re[(size_t)k], reWidth) + " " + imSign[(size_t)k] +
           lpad(im[(size_t)k], imWidth) + "i";
  }
  size_t elementWidth() const {
    return cplx ? reWidth + 2 + imWidth + 1 : width;
  }
  std::string scaleLine() const {
    if (!L.hasScale)
      return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "   1.0e%+03d *", L.scale);
    return buf;
  }
};

size_t unsignedLen(const std::string &s) {
  return s.size() - (!s.empty() && s[0] == '-' ? 1 : 0);
}

NumericText buildNumeric(const Value &v, bool scalar) {
  NumericText T;
  T.cplx = hasImag(v);
  if (isFloatClass(v.cls)) {
    T.L = floatLayout(v, scalar);
  } else {
    T.L.kind = Kind::Int;
    T.L.intClass = true;
    T.L.cls = v.cls;
  }
  const Layout &L = T.L;
  int64_t n = elemCount(v);
  T.re.reserve((size_t)n);
  size_t maxRe = 0, maxReU = 0, maxIm = 0;
  for (int64_t k = 0; k < n; ++k) {
    std::string r = L.kind == Kind::Int && isWide(v) ? exactIntText(v, k)
                                                     : realText(L, reAt(v, k), !T.cplx);
    maxRe = std::max(maxRe, r.size());
    maxReU = std::max(maxReU, unsignedLen(r));
    T.re.push_back(std::move(r));
    if (T.cplx) {
      double y = imAt(v, k);
      bool neg = std::signbit(y) && !std::isnan(y);
      std::string t = realText(L, std::fabs(y), false);
      maxIm = std::max(maxIm, t.size());
      T.im.push_back(std::move(t));
      T.imSign.push_back(neg ? '-' : '+');
    }
  }
  if (!T.cplx) {
    if (L.intClass) {
      T.width = maxRe + 3;
    } else {
      switch (L.kind) {
      case Kind::Int:
        T.width = std::max<size_t>(L.maxAbs < 1000 ? 6 : 12, maxRe + 2);
        break;
      case Kind::Fixed:
        T.width =
            std::max<size_t>((L.longStyle ? 4 : 5) + 1 + L.decimals, maxRe + 1);
        break;
      default:
        T.width = maxReU + 3;
        break;
      }
    }
    return T;
  }
  if (L.intClass) {
    T.reWidth = maxRe + 3;
    T.imWidth = maxIm + 3;
  } else if (L.kind == Kind::Fixed) {
    T.reWidth =
        std::max<size_t>((L.longStyle ? 3 : 4) + 1 + L.decimals, maxRe + 1);
    T.imWidth = std::max<size_t>(L.decimals + 3, maxIm);
  } else {
    T.reWidth = maxReU + 3;
    T.imWidth = maxIm + 1;
  }
  return T;
}

// ---- grids and column chunks ------------------------------------------------

/// Emits a rows x cols grid of pre-padded entries (column-major), splitting
/// it into `Columns a through b` chunks that fit the display width. Each
/// column costs sep + its width; every row starts with `prefix`.
void emitGrid(Printer &p, const std::vector<std::string> &cells, int64_t rows,
              int64_t cols, const std::vector<size_t> &colWidth,
              const std::string &prefix, const std::string &sep) {
  if (rows <= 0 || cols <= 0)
    return;
  std::vector<std::pair<int64_t, int64_t>> chunks;
  for (int64_t start = 0; start < cols;) {
    size_t used = 0;
    int64_t end = start;
    while (end < cols) {
      size_t cost =
          colWidth[(size_t)end] + (end == start ? prefix.size() : sep.size());
      if (end > start && used + cost > (size_t)kDisplayWidth)
        break;
      used += cost;
      ++end;
    }
    chunks.emplace_back(start, end);
    start = end;
  }
  for (size_t c = 0; c < chunks.size(); ++c) {
    int64_t a = chunks[c].first, b = chunks[c].second;
    if (chunks.size() > 1) {
      if (c > 0)
        p.blank();
      if (b - a == 1)
        p.line("  Column " + std::to_string(a + 1));
      else
        p.line("  Columns " + std::to_string(a + 1) + " through " +
               std::to_string(b));
      p.blank();
    }
    for (int64_t i = 0; i < rows; ++i) {
      std::string line = prefix;
      for (int64_t j = a; j < b; ++j) {
        if (j > a)
          line += sep;
        line += cells[(size_t)(j * rows + i)];
      }
      p.line(line);
    }
  }
}

/// One page (rows x cols starting at element `offset`) of a numeric array.
void emitNumericPage(Printer &p, const NumericText &T, int64_t offset,
                     int64_t rows, int64_t cols) {
  std::string scale = T.scaleLine();
  if (!scale.empty()) {
    p.line(scale);
    p.blank();
  }
  std::vector<std::string> cells;
  cells.reserve((size_t)(rows * cols));
  for (int64_t k = 0; k < rows * cols; ++k)
    cells.push_back(T.element(offset + k));
  std::vector<size_t> widths((size_t)cols, T.elementWidth());
  emitGrid(p, cells, rows, cols, widths, "", "");
}

// ---- inline texts (cells and struct fields) ---------------------------------

/// A numeric/logical value written on one line: scalars as their display
/// text, short real row vectors as "1 2 3". Empty when it does not fit.
std::string inlineNumeric(const Value &v) {
  int64_t n = elemCount(v);
  if (n == 0)
    return "";
  bool scalar = n == 1;
  if (!scalar && (hasImag(v) || v.dims.size() != 2 || v.dims[0] != 1 || n > 40))
    return "";
  NumericText T = buildNumeric(v, scalar);
  if (T.L.hasScale)
    return "";
  if (scalar) {
    if (!T.cplx)
      return T.re[0];
    return T.re[0] + " " + T.imSign[0] + " " + T.im[0] + "i";
  }
  std::string s;
  for (int64_t k = 0; k < n; ++k) {
    if (k)
      s += ' ';
    s += T.re[(size_t)k];
  }
  return s.size() > 60 ? "" : s;
}

std::string summary(const Value &v) {
  return sizeText(v) + " " + className(v.cls);
}

bool isCharRow(const Value &v) {
  return v.cls == ClassId::Char && v.dims.size() == 2 && v.dims[0] == 1;
}

const Value *cellAt(const Value &v, int64_t k) {
  return (size_t)k < v.cells.size() ? v.cells[(size_t)k].get() : nullptr;
}

/// One entry of a cell display, without its braces. `bracket` marks a
/// numeric entry (padded inside its square brackets).
struct CellEntry {
  std::string text;
  bool bracket = false;
};

CellEntry cellEntry(const Value *e) {
  CellEntry c;
  if (!e) {
    c.text = "0\xC3\x97"
             "0 double";
    return c;
  }
  switch (e->cls) {
  case ClassId::FunctionHandle:
    c.text = handleText(*e);
    return c;
  case ClassId::Char:
    if (isCharRow(*e) && elemCount(*e) > 0)
      c.text = "'" + charRowText(*e, 0) + "'";
    else
      c.text = summary(*e);
    return c;
  case ClassId::Cell:
  case ClassId::Struct:
    c.text = summary(*e);
    return c;
  default:
    break;
  }
  std::string t = inlineNumeric(*e);
  if (t.empty()) {
    c.text = summary(*e);
    return c;
  }
  c.text = t;
  c.bracket = true;
  return c;
}

/// The value part of a struct field line ("1", "'text'", "[3×3 double]").
std::string fieldText(const Value *f) {
  if (!f)
    return "[]";
  const Value &v = *f;
  int64_t n = elemCount(v);
  switch (v.cls) {
  case ClassId::FunctionHandle:
    return handleText(v);
  case ClassId::Struct:
    return "[" + summary(v) + "]";
  case ClassId::Char:
    if (v.dims.size() == 2 && (v.dims[0] == 1 || n == 0) &&
        (v.dims[0] <= 1 || v.dims[1] == 0))
      return "'" + (n ? charRowText(v, 0) : std::string()) + "'";
    return "[" + summary(v) + "]";
  case ClassId::Cell: {
    if (n == 0 && v.dims.size() == 2 && v.dims[0] == 0 && v.dims[1] == 0)
      return "{}";
    bool simple = v.dims.size() == 2 && v.dims[0] == 1 && n > 0 && n <= 20;
    std::string s;
    for (int64_t k = 0; simple && k < n; ++k) {
      const Value *e = cellAt(v, k);
      std::string t;
      if (e && isCharRow(*e) && elemCount(*e) > 0)
        t = "'" + charRowText(*e, 0) + "'";
      else if (e && e->cls != ClassId::Cell && e->cls != ClassId::Struct &&
               e->cls != ClassId::FunctionHandle && elemCount(*e) == 1)
        t = "[" + inlineNumeric(*e) + "]";
      else
        simple = false;
      if (k)
        s += "  ";
      s += t;
    }
    if (simple && s.size() <= 60)
      return "{" + s + "}";
    return "{" + summary(v) + "}";
  }
  default:
    break;
  }
  if (n == 0)
    return v.cls == ClassId::Double && v.dims.size() == 2 && v.dims[0] == 0 &&
                   v.dims[1] == 0
               ? "[]"
               : "[" + summary(v) + "]";
  std::string t = inlineNumeric(v);
  if (t.empty())
    return "[" + summary(v) + "]";
  return n == 1 ? t : "[" + t + "]";
}

/// One page of a cell array.
void emitCellPage(Printer &p, const Value &v, int64_t offset, int64_t rows,
                  int64_t cols) {
  std::vector<CellEntry> entries;
  for (int64_t k = 0; k < rows * cols; ++k)
    entries.push_back(cellEntry(cellAt(v, offset + k)));
  std::vector<size_t> widths((size_t)cols, 0);
  for (int64_t j = 0; j < cols; ++j)
    for (int64_t i = 0; i < rows; ++i) {
      const CellEntry &e = entries[(size_t)(j * rows + i)];
      size_t w = textLength(e.text) + (e.bracket ? 2 : 0);
      widths[(size_t)j] = std::max(widths[(size_t)j], w);
    }
  std::vector<std::string> cells;
  for (int64_t j = 0; j < cols; ++j)
    for (int64_t i = 0; i < rows; ++i) {
      const CellEntry &e = entries[(size_t)(j * rows + i)];
      size_t w = widths[(size_t)j];
      if (e.bracket)
        cells.push_back("{[" + lpad(e.text, w - 2) + "]}");
      else
        cells.push_back("{" + rpad(e.text, w) + "}");
    }
  for (size_t &w : widths)
    w += 2; // the braces
  emitGrid(p, cells, rows, cols, widths, "    ", "    ");
}

/// One page of a char array: each row quoted (display) or raw (disp).
void emitCharPage(Printer &p, const Value &v, int64_t offset, int64_t rows,
                  int64_t cols, bool quoted) {
  for (int64_t i = 0; i < rows; ++i) {
    std::vector<double> units((size_t)cols);
    for (int64_t j = 0; j < cols; ++j)
      units[(size_t)j] = reAt(v, offset + j * rows + i);
    std::string row = unitsToUtf8(units.data(), units.size());
    p.line(quoted ? "    '" + row + "'" : row);
  }
}

/// Emits one 2-D page of any paged class.
void emitPage(Printer &p, const Value &v, const NumericText *T, int64_t offset,
              int64_t rows, int64_t cols, bool forDisp) {
  if (v.cls == ClassId::Cell)
    emitCellPage(p, v, offset, rows, cols);
  else if (v.cls == ClassId::Char)
    emitCharPage(p, v, offset, rows, cols, !forDisp);
  else if (T)
    emitNumericPage(p, *T, offset, rows, cols);
}

std::string pageSuffix(const Dims &d, int64_t page) {
  std::string s = "(:,:";
  for (size_t k = 2; k < d.size(); ++k) {
    int64_t ext = d[k] > 0 ? d[k] : 1;
    s += "," + std::to_string(page % ext + 1);
    page /= ext;
  }
  return s + ")";
}

/// N-D arrays: one `name(:,:,k) =` block per page.
void emitPages(Printer &p, const std::string &name, const Value &v,
               bool forDisp) {
  std::unique_ptr<NumericText> T;
  if (v.cls != ClassId::Cell && v.cls != ClassId::Char)
    T.reset(new NumericText(buildNumeric(v, false)));
  std::string header = headerLine(v);
  if (!forDisp && !header.empty()) {
    p.blank();
    p.line(name + " =");
    p.blank();
    p.line(header);
  }
  int64_t rows = v.dims[0], cols = v.dims[1];
  int64_t pageSize = rows * cols;
  int64_t pages = pageSize ? elemCount(v) / pageSize : 0;
  for (int64_t k = 0; k < pages; ++k) {
    if (!(forDisp && k == 0))
      p.blank();
    p.line(name + pageSuffix(v.dims, k) + " =" +
           (v.cls == ClassId::Cell ? " " : ""));
    p.blank();
    emitPage(p, v, T.get(), k * pageSize, rows, cols, forDisp);
    p.blank();
  }
}

// ---- structs ----------------------------------------------------------------

void emitStructFields(Printer &p, const Value &v) {
  size_t nf = v.fields.size(), width = 0;
  for (const std::string &f : v.fields)
    width = std::max(width, f.size());
  for (size_t f = 0; f < nf; ++f) {
    const Value *fv = f < v.cells.size() ? v.cells[f].get() : nullptr;
    p.line("    " + lpad(v.fields[f], width) + ": " + fieldText(fv));
  }
}

void emitStructBody(Printer &p, const Value &v, bool forDisp) {
  int64_t n = elemCount(v);
  bool hasFields = !v.fields.empty();
  if (n == 1) {
    if (!hasFields) {
      p.line("  struct with no fields.");
      return;
    }
    if (!forDisp) {
      p.line("  struct with fields:");
      p.blank();
    }
    emitStructFields(p, v);
    return;
  }
  std::string head = "  " + sizeText(v) + (n == 0 ? " empty" : "") +
                     " struct array with " +
                     (hasFields ? "fields:" : "no fields.");
  p.line(head);
  if (!hasFields)
    return;
  p.blank();
  for (const std::string &f : v.fields)
    p.line("    " + f);
}

} // namespace

// ---- entry points -----------------------------------------------------------

std::string displayToString(const std::string &name, const Value &v) {
  Printer p(isCompact());
  if (v.cls == ClassId::Struct) {
    p.blank();
    p.line(name + " = ");
    p.blank();
    emitStructBody(p, v, false);
    p.blank();
    return p.out;
  }
  if (v.cls == ClassId::FunctionHandle) {
    p.blank();
    p.line(name + " =");
    p.blank();
    p.line("  function_handle with value:");
    p.blank();
    p.line("    " + handleText(v));
    p.blank();
    return p.out;
  }
  int64_t n = elemCount(v);
  if (n == 0) {
    p.blank();
    p.line(name + " =");
    p.blank();
    p.line(emptyLine(v));
    p.blank();
    return p.out;
  }
  if (v.dims.size() > 2) {
    emitPages(p, name, v, false);
    return p.out;
  }
  p.blank();
  p.line(name + " =");
  p.blank();
  std::string header = headerLine(v);
  if (!header.empty()) {
    p.line(header);
    p.blank();
  }
  if (v.cls == ClassId::Cell || v.cls == ClassId::Char) {
    emitPage(p, v, nullptr, 0, v.dims[0], v.dims[1], false);
  } else {
    NumericText T = buildNumeric(v, n == 1);
    emitNumericPage(p, T, 0, v.dims[0], v.dims[1]);
  }
  p.blank();
  return p.out;
}

std::string dispToString(const Value &v) {
  Printer p(isCompact());
  if (v.cls == ClassId::Struct) {
    emitStructBody(p, v, true);
    return p.out;
  }
  if (v.cls == ClassId::FunctionHandle) {
    p.line("    " + handleText(v));
    return p.out;
  }
  int64_t n = elemCount(v);
  if (n == 0)
    return "";
  if (v.cls == ClassId::Char) {
    // Every row of every page, without quotes.
    int64_t rows = v.dims[0], cols = v.dims[1];
    int64_t pages = n / (rows * cols);
    for (int64_t k = 0; k < pages; ++k)
      emitCharPage(p, v, k * rows * cols, rows, cols, false);
    return p.out;
  }
  if (v.dims.size() > 2) {
    emitPages(p, "", v, true);
    return p.out;
  }
  if (v.cls == ClassId::Cell) {
    emitCellPage(p, v, 0, v.dims[0], v.dims[1]);
  } else {
    NumericText T = buildNumeric(v, n == 1);
    emitNumericPage(p, T, 0, v.dims[0], v.dims[1]);
  }
  p.blank();
  return p.out;
}

void displayValue(const std::string &name, const Value &v) {
  writeOut(displayToString(name, v));
}

void dispValue(const Value &v) { writeOut(dispToString(v)); }

} // namespace runmat::rt
