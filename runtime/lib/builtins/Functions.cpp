//===- Functions.cpp - Builtins on function handles -----------------------===//
//
// feval, func2str, str2func, cellfun, arrayfun, structfun. Handles are
// called through callFunctionHandle (compiled code or a builtin by name).
//
//===----------------------------------------------------------------------===//
#include "runmat/rt/Builtins.h"
#include "runmat/rt/Error.h"
#include "runmat/rt/FunctionHandle.h"
#include "runmat/rt/Index.h"
#include "runmat/rt/Io.h"
#include "runmat/rt/Ops.h"

#include "ArraySupport.h"

#include <algorithm>
#include <cstring>
#include <fnmatch.h>
#include <regex>
#include <sys/stat.h>

namespace runmat::rt {
using namespace support;

namespace {

/// A handle from a handle or a function name (feval('sin', x)).
ValueRef handleArg(const Value &f, const char *fn) {
  if (f.cls == ClassId::FunctionHandle)
    return ValueRef::borrow(const_cast<Value *>(&f));
  if (isText(f))
    return makeNamedHandle(textOf(f));
  throwErrorIn(fn, "MATLAB:invalidFunctionHandle",
               "Invalid function handle or name.");
}

struct MapOptions {
  bool uniform = true;
  size_t ninputs = 0; // the data arguments (before name/value options)
};

MapOptions mapOptions(const Args &args, const char *fn) {
  MapOptions o;
  size_t n = args.size();
  // Trailing 'UniformOutput', tf pairs ('ErrorHandler' is not supported).
  while (n >= 3 && isText(*args[n - 2])) {
    std::string key = textOf(*args[n - 2]);
    for (char &c : key)
      c = (char)std::tolower((unsigned char)c);
    if (key != "uniformoutput" && key != "errorhandler")
      break;
    if (key == "errorhandler")
      throwErrorIn(fn, "RunMat:unsupported",
                   "The 'ErrorHandler' option is not supported yet.");
    o.uniform = scalarOf(*args[n - 1], "UniformOutput") != 0;
    n -= 2;
  }
  o.ninputs = n - 1;
  return o;
}

/// Shared by cellfun/arrayfun: call f on element k of every input.
Args mapElements(int nargout, const Args &args, bool cells, const char *fn) {
  MapOptions o = mapOptions(args, fn);
  ValueRef f = handleArg(*args[0], fn);
  if (o.ninputs == 0)
    throwErrorIn(fn, "MATLAB:minrhs", "Not enough input arguments.");
  const Value &first = *args[1];
  for (size_t i = 1; i <= o.ninputs; ++i) {
    const Value &a = *args[i];
    if (cells && a.cls != ClassId::Cell)
      throwErrorIn(fn, "MATLAB:cellfun:NotACell",
                   "Input #%d expected to be a cell array, was %s instead.",
                   (int)i + 1, className(a.cls));
    if (a.dims != first.dims)
      throwErrorIn(fn, "MATLAB:cellfun:ArgumentDimensionMismatch",
                   "All of the input arguments must be of the same size and "
                   "shape.\nPrevious inputs had size %s, but input #%d has "
                   "size %s.",
                   dimsString(first.dims).c_str(), (int)i + 1,
                   dimsString(a.dims).c_str());
  }
  int64_t n = first.numel();
  int nouts = nargout > 1 ? nargout : 1;
  std::vector<ValueRef> results((size_t)nouts);
  for (int j = 0; j < nouts; ++j)
    results[(size_t)j] = o.uniform ? makeArray(ClassId::Double, first.dims)
                                   : makeCell(first.dims);
  std::vector<ClassId> outClass((size_t)nouts, ClassId::Double);
  for (int64_t k = 0; k < n; ++k) {
    Args in;
    for (size_t i = 1; i <= o.ninputs; ++i) {
      const Value &a = *args[i];
      if (cells) {
        in.push_back(a.cells[(size_t)k]);
      } else {
        ValueRef idx = makeDouble((double)(k + 1));
        in.push_back(indexValue(a, {idx.get()}));
      }
    }
    Args res = callFunctionHandle(*f, nargout, in);
    if (nargout == 0 && res.empty()) {
      if (o.uniform && k == 0)
        results.clear(); // a function with no outputs
      continue;
    }
    if ((int)res.size() < nouts)
      throwErrorIn(fn, "MATLAB:TooManyOutputs", "Too many output arguments.");
    for (int j = 0; j < nouts && j < (int)results.size(); ++j) {
      Value &r = *results[(size_t)j];
      const Value &v = *res[(size_t)j];
      if (!o.uniform) {
        r.cells[(size_t)k] = res[(size_t)j];
        continue;
      }
      if (v.numel() != 1 || v.cls == ClassId::Cell || v.cls == ClassId::Struct ||
          v.cls == ClassId::FunctionHandle)
        throwErrorIn(fn, "MATLAB:cellfun:NotAScalarOutput",
                     "Non-scalar in Uniform output, at index %lld, output %d.\n"
                     "Set 'UniformOutput' to false.",
                     (long long)k + 1, j + 1);
      if (k == 0) {
        outClass[(size_t)j] = v.cls;
        r.cls = v.cls;
      } else if (v.cls != outClass[(size_t)j]) {
        throwErrorIn(fn, "MATLAB:cellfun:MismatchInOutputTypes",
                     "Mismatch in type of outputs, at index %lld, output %d "
                     "(%s versus %s).\nSet 'UniformOutput' to false.",
                     (long long)k + 1, j + 1, className(v.cls),
                     className(outClass[(size_t)j]));
      }
      r.re[(size_t)k] = v.re[0];
      if (v.complex && !v.im.empty()) {
        if (!r.complex) {
          r.complex = true;
          r.im.assign(r.re.size(), 0.0);
        }
        r.im[(size_t)k] = v.im[0];
      }
    }
  }
  return Args(results.begin(), results.end());
}

} // namespace

Args bi_feval(int nargout, const Args &args) {
  ValueRef f = handleArg(*args[0], "feval");
  Args rest(args.begin() + 1, args.end());
  return callFunctionHandle(*f, nargout, rest);
}

// ---- bsxfun ------------------------------------------------------------------
// bsxfun(f, A, B): f on A and B with their singleton dimensions expanded.
// The builtin operators and elementwise functions expand by themselves;
// any other f gets A and B replicated to the common size.

Args bi_bsxfun(int nargout, const Args &args) {
  const Value &f = *args[0], &a = *args[1], &b = *args[2];
  if (f.cls != ClassId::FunctionHandle || !f.fh)
    throwErrorIn("bsxfun", "MATLAB:bsxfun:notFunctionHandle",
                 "First argument must be a function handle.");
  size_t nd = std::max(a.dims.size(), b.dims.size());
  Dims out(nd);
  std::vector<double> repA(nd), repB(nd);
  for (size_t d = 0; d < nd; ++d) {
    int64_t x = dimSize(a.dims, (int64_t)d), y = dimSize(b.dims, (int64_t)d);
    if (x != y && x != 1 && y != 1)
      throwErrorIn("bsxfun", "MATLAB:bsxfun:arrayDimensionsMustMatch",
                   "Non-singleton dimensions of the two input arrays must "
                   "match each other.");
    out[d] = x == 1 ? y : x;
    repA[d] = x == out[d] ? 1.0 : (double)out[d];
    repB[d] = y == out[d] ? 1.0 : (double)out[d];
  }
  static const char *const kExpanding[] = {
      "plus", "minus", "times", "rdivide", "ldivide", "power", "max",  "min",
      "eq",   "ne",    "lt",    "le",      "gt",      "ge",    "and",  "or",
      "xor",  "rem",   "mod",   "atan2",   "hypot"};
  bool expands = a.dims == b.dims;
  for (const char *n : kExpanding)
    expands = expands || (f.fh->name == n && !f.fh->code);
  if (expands)
    return callFunctionHandle(f, std::max(nargout, 1), {args[1], args[2]});
  ValueRef ea = callBuiltin("repmat", 1, {args[1], makeRowVector(repA)})[0];
  ValueRef eb = callBuiltin("repmat", 1, {args[2], makeRowVector(repB)})[0];
  return callFunctionHandle(f, std::max(nargout, 1), {ea, eb});
}

// ---- nargchk (deprecated, still common) -------------------------------------------
// msg = nargchk(low, high, n[, 'string'|'struct']): the error message when n
// is outside [low, high], else empty.

Args bi_nargchk(int, const Args &args) {
  double lo = scalarOf(*args[0], "low"), hi = scalarOf(*args[1], "high"),
         n = scalarOf(*args[2], "n");
  bool asStruct = args.size() > 3 && textIs(*args[3], "struct");
  if (args.size() > 3 && !asStruct && !textIs(*args[3], "string"))
    throwErrorIn("nargchk", "MATLAB:nargchk:invalidInput",
                 "Fourth input must be either 'string' or 'struct'.");
  std::string msg, id;
  if (n < lo) {
    msg = "Not enough input arguments.";
    id = "MATLAB:nargchk:notEnoughInputs";
  } else if (n > hi) {
    msg = "Too many input arguments.";
    id = "MATLAB:nargchk:tooManyInputs";
  }
  if (!asStruct)
    return {msg.empty() ? makeArray(ClassId::Char, {0, 0}) : makeString(msg)};
  ValueRef st = makeStruct(msg.empty() ? Dims{0, 1} : Dims{1, 1},
                           {"message", "identifier"});
  if (!msg.empty()) {
    st->cells[0] = makeString(msg);
    st->cells[1] = makeString(id);
  }
  return {st};
}

Args bi_func2str(int nargout, const Args &args) {
  const Value &f = *args[0];
  if (f.cls != ClassId::FunctionHandle || !f.fh)
    throwErrorIn("func2str", "MATLAB:func2str:InputNotFunctionHandle",
                 "Input must be a function handle.");
  // Named handles print without '@'; anonymous ones with it.
  return {makeString(f.fh->text)};
}

Args bi_str2func(int nargout, const Args &args) {
  if (!isText(*args[0]))
    throwErrorIn("str2func", "MATLAB:str2func:InvalidInput",
                 "Input must be a character vector.");
  std::string s = textOf(*args[0]);
  if (!s.empty() && s[0] == '@')
    throwErrorIn("str2func", "RunMat:unsupported",
                 "str2func of anonymous function text built at run time is "
                 "not supported (constant text such as str2func('@(x) x+1') "
                 "is).");
  return {makeNamedHandle(s)};
}

Args bi_register_functions(int, const Args &args) {
  for (const ValueRef &h : args)
    registerFunction(*h);
  return {};
}

Args bi_cellfun(int nargout, const Args &args) {
  // Legacy string forms: cellfun('isempty', c), cellfun('length', c).
  return mapElements(nargout, args, /*cells=*/true, "cellfun");
}

Args bi_arrayfun(int nargout, const Args &args) {
  return mapElements(nargout, args, /*cells=*/false, "arrayfun");
}

Args bi_structfun(int nargout, const Args &args) {
  if (args.size() < 2 || args[1]->cls != ClassId::Struct || args[1]->numel() != 1)
    throwErrorIn("structfun", "MATLAB:structfun:NotAScalarStructure",
                 "Input must be a scalar structure.");
  // The field values as a column cell, then cellfun's machinery.
  const Value &s = *args[1];
  ValueRef c = makeCell(Dims{(int64_t)s.fields.size(), 1});
  for (size_t k = 0; k < s.fields.size(); ++k)
    c->cells[k] = s.cells[k];
  Args a = args;
  a[1] = c;
  return mapElements(nargout, a, /*cells=*/true, "structfun");
}

Args bi_is_function_handle(int nargout, const Args &args) {
  return {makeBool(args[0]->cls == ClassId::FunctionHandle)};
}

// ---- narginchk / nargoutchk ---------------------------------------------------
// The compiler rewrites narginchk(lo, hi) in a function to
// __narginchk(lo, hi, nargin) (likewise nargoutchk), nargin being known there.

namespace {
void countCheck(const char *fn, const Args &args, bool inputs) {
  if (args.size() != 3)
    throwErrorIn(fn, "MATLAB:narginchk:invalidInput", "Invalid number of arguments.");
  double lo = scalarOf(*args[0], "minimum"), hi = scalarOf(*args[1], "maximum");
  double n = scalarOf(*args[2], "count");
  std::string id = std::string("MATLAB:") + (inputs ? "narginchk" : "nargoutchk");
  if (n < lo)
    throwErrorIn(fn, (id + (inputs ? ":notEnoughInputs" : ":notEnoughOutputs")).c_str(),
                 inputs ? "Not enough input arguments." : "Not enough output arguments.");
  if (n > hi)
    throwErrorIn(fn, (id + (inputs ? ":tooManyInputs" : ":tooManyOutputs")).c_str(),
                 inputs ? "Too many input arguments." : "Too many output arguments.");
}
} // namespace

Args bi_narginchk(int, const Args &args) {
  countCheck("narginchk", args, true);
  return {};
}

Args bi_nargoutchk(int, const Args &args) {
  countCheck("nargoutchk", args, false);
  return {};
}

// ---- addpath / rmpath -------------------------------------------------------------
// Functions on the path are found when the program is compiled: the
// compiler searches the main file's folder, the current folder and every
// folder an addpath call names with constant text (PathResolver). At run
// time these calls only check their arguments.

Args bi_addpath(int nargout, const Args &args) {
  for (const ValueRef &a : args)
    if (a->cls != ClassId::Char)
      throwErrorIn("addpath", "MATLAB:addpath:InvalidInput",
                   "Arguments must be character vectors.");
  if (nargout > 0)
    return {makeString("")};
  return {};
}

// ---- exist -----------------------------------------------------------------------
// exist(name) and exist(name, type): 1 a variable, 2 a file (or a function
// on the path, found when compiling), 5 a builtin, 7 a folder, 0 none.
// Variables and path functions are known to the compiler, which calls
// __exist(name, type, {variables}, [defined], {path functions}); a plain
// exist (through feval) sees neither. The runtime's builtins answer 5,
// except those MATLAB ships as .m files (kMFileFunctions), which answer 2
// as they do in MATLAB (and 0 for exist(name, 'builtin')).

namespace {

/// Functions of the runtime that MATLAB implements as .m files in its own
/// toolbox folders (`which mean` names a path, `which sin` says built-in).
const char *const kMFileFunctions[] = {
    "accumarray", "angle",    "bin2dec",   "blanks",    "blkdiag",
    "cell2mat",   "clock",    "compan",    "cond",
    "conv",       "cosd",     "cross",     "cumtrapz",  "dec2bin",
    "dec2hex",    "deblank",  "deconv",    "deg2rad",   "dot",
    "expm",       "factorial", "fieldnames", "fileparts", "flip",
    "fliplr",     "flipud",   "fullfile",  "getfield",  "hankel",
    "hex2dec",    "hilb",     "histcounts", "idivide",  "ind2sub",
    "int2str",    "interp1",  "intersect", "isprime",   "ismember",
    "kron",     "lcm",       "gcd",       "linspace",
    "logspace",   "magic",    "mat2str",   "mean",      "median",
    "meshgrid",   "mode",     "nchoosek",  "ndgrid",    "null",
    "num2cell",   "num2str",  "nthroot",   "orth",      "pinv",
    "poly",       "polyfit",  "polyval",   "primes",    "rad2deg",
    "rank",       "rng",       "roots",     "rot90",
    "setdiff",    "setfield", "sind",      "sortrows",  "std",
    "str2num",    "strcat",   "strjoin",   "strsplit",  "structfun",
    "sub2ind",    "tand",     "toeplitz",  "trace",     "trapz",
    "union",      "unique",   "vander",    "var",       "rmfield",
    "normest",    "cov",      "corrcoef",  "mat2cell",  "fileread",
    "fftshift",   "ifftshift", "fft2",     "ifft2",     "flipdim",
    "etime",      "tempname", "tempdir",   "nargchk",   "bitget",
    "bitset",
};

bool isMFileFunction(const std::string &name) {
  for (const char *f : kMFileFunctions)
    if (name == f)
      return true;
  return false;
}

Args existImpl(const Args &args, const Value *vars, const Value *defined,
               const Value *functions) {
  const Value &nv = *args[0];
  if (!isText(nv))
    throwErrorIn("exist", "MATLAB:exist:firstInputString",
                 "First input to exist must be a string scalar or character "
                 "vector.");
  std::string name = textOf(nv), type;
  if (args.size() > 1 && !(args[1]->cls == ClassId::Char && args[1]->isEmpty())) {
    if (!isText(*args[1]))
      throwErrorIn("exist", "MATLAB:exist:secondInputString",
                   "Second input to exist must be a string scalar or "
                   "character vector.");
    type = textOf(*args[1]);
    for (char &c : type)
      c = (char)std::tolower((unsigned char)c);
    if (type != "var" && type != "builtin" && type != "file" &&
        type != "dir" && type != "class")
      throwErrorIn("exist", "MATLAB:exist:invalidSecondInput",
                   "The optional second input to exist must be 'var', "
                   "'builtin', 'dir', 'file', or 'class'.");
  }
  auto answer = [](double v) { return Args{makeScalar(v, ClassId::Double)}; };
  auto any = [&](const char *t) { return type.empty() || type == t; };
  if (any("var") && vars) {
    for (int64_t k = 0; k < vars->numel(); ++k)
      if (textOf(*vars->cells[(size_t)k]) == name && defined &&
          k < defined->numel() && defined->re[(size_t)k] != 0)
        return answer(1);
  }
  if (type == "var" || type == "class" || name.empty())
    return answer(0);
  if (any("file") && functions) {
    for (int64_t k = 0; k < functions->numel(); ++k)
      if (textOf(*functions->cells[(size_t)k]) == name)
        return answer(2);
  }
  if (name[0] != '_' && findBuiltin(name.c_str())) {
    if (isMFileFunction(name)) {
      if (any("file"))
        return answer(2);
    } else if (any("builtin")) {
      return answer(5);
    }
  }
  if (type == "builtin")
    return answer(0);
  struct stat st;
  bool isDir = stat(name.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  if (isDir && (type.empty() || type == "dir" || type == "file"))
    return answer(7);
  if (type == "dir")
    return answer(0);
  for (const std::string &f : {name, name + ".m"})
    if (stat(f.c_str(), &st) == 0 && S_ISREG(st.st_mode))
      return answer(2);
  return answer(0);
}

} // namespace

Args bi_exist(int, const Args &args) {
  return existImpl(args, nullptr, nullptr, nullptr);
}

Args bi_exist_internal(int, const Args &args) {
  Args head(args.begin(), args.begin() + 2);
  return existImpl(head, args[2].get(), args[3].get(), args[4].get());
}

// ---- who / whos --------------------------------------------------------------
// The compiler knows the caller's variables and calls __who(form, nargout,
// {names}, [defined], {values}, {attributes}, args...). The arguments are
// variable names with the wildcards * ? [..], `-regexp` patterns, or
// `global`; `-file` (MAT-files) is not supported. A plain who/whos (feval)
// has no workspace to list.

namespace {

/// Bytes MATLAB reports for a value (64-bit): the elements' size for arrays,
/// plus a 112-byte header per cell element and 176 per struct field value.
int64_t whosBytes(const Value &v) {
  switch (v.cls) {
  case ClassId::Cell: {
    int64_t n = 0;
    for (const ValueRef &c : v.cells)
      n += 112 + (c ? whosBytes(*c) : 0);
    return n;
  }
  case ClassId::Struct: {
    int64_t n = 0;
    for (const ValueRef &c : v.cells)
      n += 176 + (c ? whosBytes(*c) : 0);
    return n;
  }
  case ClassId::FunctionHandle:
    return 32;
  case ClassId::Double:
  case ClassId::Int64:
  case ClassId::UInt64:
    return v.numel() * 8 * (v.complex ? 2 : 1);
  case ClassId::Single:
  case ClassId::Int32:
  case ClassId::UInt32:
    return v.numel() * 4 * (v.complex ? 2 : 1);
  case ClassId::Int16:
  case ClassId::UInt16:
  case ClassId::Char:
    return v.numel() * 2 * (v.complex ? 2 : 1);
  case ClassId::Int8:
  case ClassId::UInt8:
  case ClassId::Logical:
    return v.numel() * (v.complex ? 2 : 1);
  }
  return 0;
}

struct WhoEntry {
  std::string name, attr;
  const Value *value;
};

/// The assigned variables the arguments select, in MATLAB's order (by
/// character code).
std::vector<WhoEntry> whoSelect(const char *fn, const Args &args) {
  const Value &names = *args[2], &defined = *args[3], &values = *args[4],
              &attrs = *args[5];
  std::vector<std::string> globs, regexps;
  bool regexpMode = false, globalOnly = false;
  for (size_t k = 6; k < args.size(); ++k) {
    if (!isText(*args[k]))
      throwErrorIn(fn, "MATLAB:who:InvalidInput",
                   "Arguments must be character vectors.");
    std::string a = textOf(*args[k]);
    if (a == "-file")
      throwErrorIn(fn, "RunMat:unsupported",
                   "%s -file (reading MAT-files) is not supported.", fn);
    if (a == "-regexp")
      regexpMode = true;
    else if (a == "global" || a == "-global")
      globalOnly = true;
    else
      (regexpMode ? regexps : globs).push_back(a);
  }
  std::vector<std::regex> res;
  for (const std::string &p : regexps) {
    try {
      res.emplace_back(p);
    } catch (const std::regex_error &) {
      throwErrorIn(fn, "MATLAB:regexp:badPattern",
                   "Invalid regular expression '%s'.", p.c_str());
    }
  }
  std::vector<WhoEntry> out;
  for (int64_t k = 0; k < names.numel(); ++k) {
    if (k >= defined.numel() || defined.re[(size_t)k] == 0)
      continue;
    WhoEntry e{textOf(*names.cells[(size_t)k]),
               textOf(*attrs.cells[(size_t)k]),
               values.cells[(size_t)k].get()};
    if (globalOnly && e.attr != "global")
      continue;
    bool wanted = globs.empty() && res.empty();
    for (const std::string &g : globs)
      wanted = wanted || fnmatch(g.c_str(), e.name.c_str(), 0) == 0;
    for (const std::regex &r : res)
      wanted = wanted || std::regex_search(e.name, r);
    if (wanted)
      out.push_back(e);
  }
  std::sort(out.begin(), out.end(),
            [](const WhoEntry &a, const WhoEntry &b) { return a.name < b.name; });
  return out;
}

/// "648x509" split at its first x: the rows and the rest.
std::pair<std::string, std::string> whosSize(const Value &v) {
  std::string rest;
  for (size_t d = 1; d < v.dims.size(); ++d)
    rest += (d > 1 ? "x" : "") + std::to_string(v.dims[d]);
  return {std::to_string(v.dims[0]), rest};
}

std::string whosAttributes(const WhoEntry &e) {
  std::string a = e.attr;
  if (e.value->complex)
    a += a.empty() ? "complex" : " complex";
  return a;
}

/// whos's table, laid out as MATLAB's: names, sizes aligned on their x,
/// bytes right-aligned, class and attributes.
void printWhos(const std::vector<WhoEntry> &vars) {
  size_t nameW = 4, leftW = 0, rightW = 0, bytesW = 5, classW = 5;
  for (const WhoEntry &e : vars) {
    auto [l, r] = whosSize(*e.value);
    nameW = std::max(nameW, e.name.size());
    leftW = std::max(leftW, l.size());
    rightW = std::max(rightW, r.size());
    bytesW = std::max(bytesW, std::to_string(whosBytes(*e.value)).size());
    classW = std::max(classW, strlen(classNameOf(*e.value)));
  }
  auto pad = [](std::string s, size_t w, bool right) {
    if (s.size() < w)
      s = right ? std::string(w - s.size(), ' ') + s
                : s + std::string(w - s.size(), ' ');
    return s;
  };
  // The x of the sizes is the column after the longest row count, six
  // columns past the names; "Size" starts one column before it.
  size_t xCol = 2 + nameW + 6 + leftW;
  std::string head = "  " + pad("Name", nameW, false);
  head = pad(head, xCol - 1, false) + "Size";
  size_t bytesEnd = xCol + 1 + rightW + 12 + bytesW;
  head = pad(head, bytesEnd - 5, false) + "Bytes";
  head += "  " + pad("Class", classW + 4, false) + "Attributes\n\n";
  std::string outText = head;
  for (const WhoEntry &e : vars) {
    auto [l, r] = whosSize(*e.value);
    std::string line = "  " + pad(e.name, nameW, false);
    line = pad(line, xCol - l.size(), false) + l + "x" + r;
    std::string bytes = std::to_string(whosBytes(*e.value));
    line = pad(line, bytesEnd - bytes.size(), false) + bytes;
    line += "  " + pad(classNameOf(*e.value), classW + 4, false) +
            pad(whosAttributes(e), 10, false) + "\n";
    outText += line;
  }
  writeOut(outText + "\n");
}

/// who's listing: "Your variables are:" and the names in columns as wide as
/// the longest name plus two, as many as fit in 80 characters.
void printWho(const std::vector<WhoEntry> &vars) {
  if (vars.empty())
    return;
  std::vector<std::string> names;
  for (const WhoEntry &e : vars)
    names.push_back(e.name);
  writeOut("\nYour variables are:\n\n" + nameColumns(names) + "\n");
}

/// s = whos: a struct array (n x 1) with MATLAB's fields.
ValueRef whosStruct(const std::vector<WhoEntry> &vars) {
  static const std::vector<std::string> fields = {
      "name",    "size",   "bytes",   "class",     "global",
      "sparse",  "complex", "nesting", "persistent"};
  ValueRef s = makeStruct({(int64_t)vars.size(), 1}, fields);
  ValueRef nesting = makeStruct({1, 1}, {"function", "level"});
  nesting->cells[0] = makeString("");
  nesting->cells[1] = makeDouble(1);
  for (size_t k = 0; k < vars.size(); ++k) {
    const Value &v = *vars[k].value;
    std::vector<double> dims(v.dims.begin(), v.dims.end());
    ValueRef *f = &s->cells[k * fields.size()];
    f[0] = makeString(vars[k].name);
    f[1] = makeRowVector(dims);
    f[2] = makeDouble((double)whosBytes(v));
    f[3] = makeString(classNameOf(v));
    f[4] = makeBool(vars[k].attr == "global");
    f[5] = makeBool(false);
    f[6] = makeBool(v.complex);
    f[7] = nesting;
    f[8] = makeBool(vars[k].attr == "persistent");
  }
  return s;
}

} // namespace

namespace {
/// who/whos without the compiler's context (feval('who')): no variables.
Args whoWithoutContext(const char *form, int nargout, const Args &args) {
  Args ctx = {makeString(form), makeDouble(nargout), makeCell({1, 0}),
              makeEmpty(), makeCell({1, 0}), makeCell({1, 0})};
  ctx.insert(ctx.end(), args.begin(), args.end());
  return bi_who_internal(nargout, ctx);
}
} // namespace

Args bi_who(int nargout, const Args &args) { return whoWithoutContext("who", nargout, args); }
Args bi_whos(int nargout, const Args &args) { return whoWithoutContext("whos", nargout, args); }

Args bi_who_internal(int, const Args &args) {
  std::string form = textOf(*args[0]);
  const char *fn = form == "whos" ? "whos" : "who";
  int nargout = (int)scalarOf(*args[1]);
  std::vector<WhoEntry> vars = whoSelect(fn, args);
  if (form == "whos") {
    if (nargout > 0)
      return {whosStruct(vars)};
    if (!vars.empty())
      printWhos(vars);
    return {};
  }
  if (nargout > 0) {
    ValueRef c = makeCell({(int64_t)vars.size(), 1});
    for (size_t k = 0; k < vars.size(); ++k)
      c->cells[k] = makeString(vars[k].name);
    return {c};
  }
  printWho(vars);
  return {};
}

} // namespace runmat::rt

namespace runmat::rt {

// mfilename is answered by the compiler, which knows the calling file; a
// call through feval has no file and answers ''.
Args bi_mfilename(int, const Args &) { return {makeArray(ClassId::Char, {0, 0})}; }

} // namespace runmat::rt
