//===- runmat-jit.cpp - Run MATLAB scripts through the ORC JIT ------------===//
//
// runmat-jit FILE.m compiles the script through the RunMat pipeline and runs
// it at once; with no file it is an interactive prompt whose workspace
// persists between inputs (line editing and history from LLVM's LineEditor).
//
//===----------------------------------------------------------------------===//
#include "runmat/Pipeline/Pipeline.h"
#include "runmat/Pipeline/ToolSupport.h"
#include "runmat/rt/Builtins.h"
#include "runmat/rt/abi.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/LineEditor/LineEditor.h"

#include <iostream>
#include <unistd.h>

using namespace runmat;

static const char *kHelp =
    "OVERVIEW: runmat-jit - run a MATLAB script with the RunMat JIT\n\n"
    "USAGE: runmat-jit [options] [FILE.m]\n"
    "       With no file: an interactive prompt (the workspace persists).\n\n"
    "OPTIONS:\n"
    "  -O0 ... -O3   optimisation level (default -O2)\n"
    "  --emit=STAGE  print a stage instead of running: ast, mlir,\n"
    "                mlir-lowered, llvm, spirv (the GPU kernels)\n"
    "  --list-builtins  print the builtin table as Markdown (docs/builtins.md)\n"
    "  --help        this text\n"
    "  --version     the RunMat version\n";

/// Compiles and runs one piece of source. Returns the exit status.
static int runSource(const DriverArgs &args, const std::string &path,
                     const std::string &source) {
  mlir::MLIRContext ctx;
  prepareContext(ctx);
  mlir::OwningOpRef<mlir::ModuleOp> module;
  int rc = compileToStage(ctx, args, path, source, module,
                          /*forExecutable=*/false);
  if (rc >= 0)
    return rc;
  rc = runJIT(*module, args.opts);
  return rc < 0 ? 1 : rc;
}

/// True when the input so far leaves a block open (needs more lines).
static bool needsMoreInput(const std::string &src) {
  int depth = 0;
  std::string word;
  bool inStr = false;
  char prev = ' ';
  auto flush = [&] {
    static const char *openers[] = {"if", "for", "while", "switch", "try",
                                    "function", "parfor"};
    for (auto *o : openers)
      if (word == o)
        ++depth;
    if (word == "end")
      --depth;
    word.clear();
  };
  for (size_t i = 0; i < src.size(); ++i) {
    char c = src[i];
    if (inStr) {
      if (c == '\'')
        inStr = false;
      continue;
    }
    if (c == '%') {
      flush();
      while (i < src.size() && src[i] != '\n')
        ++i;
      continue;
    }
    if (c == '\'' && !(isalnum((unsigned char)prev) || prev == ')' ||
                       prev == ']' || prev == '}' || prev == '.' || prev == '\'')) {
      flush();
      inStr = true;
      prev = c;
      continue;
    }
    if (isalnum((unsigned char)c) || c == '_')
      word.push_back(c);
    else
      flush();
    prev = c;
  }
  flush();
  return depth > 0;
}

static int repl(DriverArgs args) {
  std::set<std::string> workspace;
  args.opts.workspace = &workspace;
  bool tty = isatty(0);
  llvm::LineEditor le("runmat-jit");
  le.setPrompt(">> ");
  std::string pending;
  int last = 0;
  while (true) {
    std::optional<std::string> line;
    if (tty) {
      le.setPrompt(pending.empty() ? ">> " : "   ");
      line = le.readLine();
    } else {
      std::string l;
      if (std::getline(std::cin, l))
        line = l;
    }
    if (!line)
      break;
    pending += *line + "\n";
    if (needsMoreInput(pending))
      continue;
    std::string src;
    src.swap(pending);
    if (src.find_first_not_of(" \t\r\n") == std::string::npos)
      continue;
    if (src.find_first_not_of(" \t\r\n") == src.find("exit") ||
        src.find_first_not_of(" \t\r\n") == src.find("quit")) {
      std::string w = src.substr(src.find_first_not_of(" \t\r\n"));
      while (!w.empty() && isspace((unsigned char)w.back()))
        w.pop_back();
      if (w == "exit" || w == "quit")
        break;
    }
    last = runSource(args, "<stdin>", src);
    std::cout.flush();
  }
  if (tty)
    std::cout << "\n";
  return last == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
  DriverArgs args;
  if (!parseDriverArgs(argc, argv, "runmat-jit", /*allowOutput=*/false, args))
    return 2;
  if (args.help) {
    std::cout << kHelp;
    return 0;
  }
  if (args.version) {
    std::cout << "runmat-jit (RunMat) " << kRunMatVersion << "\n";
    return 0;
  }
  if (args.listBuiltins) {
    std::cout << rt::builtinsMarkdown();
    return 0;
  }
  if (args.input.empty()) {
    args.opts.repl = true;
    return repl(args);
  }
  std::string source;
  if (!readSourceFile(args.input, source))
    return 1;
  return runSource(args, args.input, source);
}
